// 评审排名: a round's scored applications, highest first (tied scores share a rank).
import { useState } from 'react'
import { Table } from 'antd'
import DownloadButton from '../../components/DownloadButton'
import { FilterBar, FilterSelect } from '../../components/Filters'
import LoadError from '../../components/LoadError'
import { PageTitle } from '../../components/Shell'
import { StatusTag } from '../../components/Tags'
import { areaOf } from '../../lib/format'
import { useSchemes } from '../../lib/schemes'
import { useQuery } from '../../lib/useQuery'

const KIND = 'recognition'
const SIZE = 100

export default function Ranking() {
  const schemes = useSchemes()
  const [schemeId, setSchemeId] = useState(null)
  const [roundId, setRoundId] = useState(null)
  const scheme = schemes?.byId[schemeId]
  const variables = { schemeId, roundId, kind: KIND }
  const { data, loading, error, reload } = useQuery('Ranking', { ...variables, first: SIZE }, { skip: !schemeId || !roundId })
  const columns = [
    { title: '名次', dataIndex: 'rank', width: 80 },
    { title: '得分', dataIndex: 'score', width: 80 },
    { title: '机构名称', key: 'name', render: (_, r) => r.application.institution.name },
    { title: '所在地', key: 'area', render: (_, r) => areaOf(r.application.institution) },
    { title: '职业（工种）', key: 'occupations', render: (_, r) => r.application.occupations.join('、') || '—' },
    { title: '当前环节', key: 'stage', render: (_, r) => r.application.stage.title },
    { title: '状态', key: 'status', render: (_, r) => <StatusTag value={r.application.status} /> },
  ]
  const chooseScheme = (value) => {
    setSchemeId(value)
    setRoundId(null)
  }
  return (
    <>
      <PageTitle extra={schemeId && roundId && <DownloadButton list="ranking" variables={variables} />}>评审排名</PageTitle>
      <FilterBar>
        <FilterSelect name="scheme" label="认定事项" width={320} onChange={chooseScheme}
          options={schemes?.list.filter((s) => s.rounds.length).map((s) => ({ label: s.title, value: s.id }))} />
        <FilterSelect key={schemeId ?? ''} name="round" label="申报批次" width={200} onChange={setRoundId}
          options={scheme?.rounds.map((r) => ({ label: r.title, value: r.id }))} />
      </FilterBar>
      <LoadError error={error} retry={reload} />
      <Table rowKey={(r) => r.application.id} columns={columns} dataSource={data?.ranking ?? []} loading={loading}
        pagination={false} locale={{ emptyText: schemeId && roundId ? '本批次暂无已评分的申请' : '请选择认定事项和申报批次' }} />
    </>
  )
}
