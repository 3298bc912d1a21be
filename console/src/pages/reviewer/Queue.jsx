// 待办审核: a reviewer's work queue, the applications in their area that wait on their role (or,
// switched, every application in their area), by scheme, round, stage, district and occupation.
import { useState } from 'react'
import { Form, Segmented, Table, Typography } from 'antd'
import { Link } from 'react-router'
import { FilterBar, FilterSearch, FilterSelect, useFilter } from '../../components/Filters'
import LoadError from '../../components/LoadError'
import Pager from '../../components/Pager'
import { PageTitle } from '../../components/Shell'
import { StatusTag } from '../../components/Tags'
import { dateColumn } from '../../components/columns'
import { areaOf, ROLE_LABELS } from '../../lib/format'
import { session } from '../../lib/session'
import { useSchemes } from '../../lib/schemes'
import { usePaged } from '../../lib/usePaged'
import { useVocabulary } from '../../lib/vocabulary'

const SCOPES = [{ label: '待我办理', value: 'mine' }, { label: '辖区全部申请', value: 'all' }]

/** Each stage id once (kinds share ids such as district_review), named by its titles. */
function stageOptions(schemes, role) {
  const titles = new Map()
  for (const kind of schemes.flatMap((s) => s.kinds)) {
    for (const stage of kind.stages.filter((s) => (role ? s.role === role : !s.editable))) {
      titles.set(stage.id, new Set([...(titles.get(stage.id) ?? []), stage.title]))
    }
  }
  return [...titles].map(([value, names]) => ({ value, label: [...names].join('／') }))
}

export default function Queue() {
  const { role } = session.viewer
  const schemes = useSchemes()
  const vocabulary = useVocabulary()
  const [scope, setScope] = useState('mine')
  const [filter, set] = useFilter()
  const paged = usePaged('ReviewQueue', 'applications', { filter: { ...filter, awaitingRole: scope === 'mine' ? role : null } })
  const chosen = schemes?.list.filter((s) => !filter.schemeId || s.id === filter.schemeId) ?? []
  const schemeOf = (a) => schemes?.byId[a.schemeId]

  const columns = [
    { title: '申报机构', key: 'institution', render: (_, a) => <Link to={`/review/${a.id}`}>{a.institution.name}</Link> },
    { title: '所在地', key: 'area', render: (_, a) => areaOf(a.institution) },
    { title: '认定事项', key: 'scheme', render: (_, a) => schemeOf(a)?.title ?? a.schemeId },
    { title: '申请事项', key: 'kind', render: (_, a) => schemeOf(a)?.kindById[a.kind]?.title ?? a.kind },
    { title: '申报批次', key: 'round', render: (_, a) => schemeOf(a)?.rounds.find((r) => r.id === a.roundId)?.title ?? '—' },
    { title: '职业（工种）', dataIndex: 'occupations', render: (list) => (list.length ? list.join('、') : '—') },
    { title: '当前环节', key: 'stage', render: (_, a) => a.stage.title },
    { title: '状态', dataIndex: 'status', render: (status) => <StatusTag value={status} /> },
    dateColumn('提交日期', 'submittedAt'),
    dateColumn('进入本环节', 'stageEnteredAt'),
  ]

  return (
    <>
      <PageTitle>待办审核</PageTitle>
      <Typography.Paragraph type="secondary">
        {scope === 'mine' ? `您辖区内当前环节由${ROLE_LABELS[role]}办理的申请，先到先办。` : '您辖区内的全部申请。'}
      </Typography.Paragraph>
      <FilterBar>
        <Form.Item label="范围">
          <Segmented options={SCOPES} value={scope} onChange={setScope} />
        </Form.Item>
        <FilterSelect name="scheme" label="认定事项" width={300} onChange={set('schemeId')}
          options={schemes?.list.map((s) => ({ label: s.title, value: s.id }))} />
        <FilterSelect name="round" label="申报批次" width={260} onChange={set('roundId')}
          options={chosen.flatMap((s) => s.rounds).map((r) => ({ label: r.title, value: r.id }))} />
        <FilterSelect name="stage" label="当前环节" width={240} onChange={set('stage')}
          options={stageOptions(chosen, scope === 'mine' ? role : null)} />
        <FilterSelect name="division" label="所在地区" width={200} onChange={set('divisionCode')} options={vocabulary?.divisionOptions} />
        <FilterSearch name="occupation" label="职业（工种）" width={180} placeholder="如 电工" onSearch={set('occupation')} />
      </FilterBar>
      <LoadError error={paged.error} retry={paged.reload} />
      <Table rowKey="id" columns={columns} dataSource={paged.rows} loading={paged.loading} pagination={false}
        locale={{ emptyText: scope === 'mine' ? '暂无待办申请' : '暂无申请' }} />
      <Pager paged={paged} />
    </>
  )
}
