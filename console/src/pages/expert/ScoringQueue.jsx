// 评分任务: the applications at a stage the expert's panel scores, awaiting their score or scored,
// with a conflict of interest flagged on its row (the expert must recuse themselves, not score).
import { Segmented, Table } from 'antd'
import { Link } from 'react-router'
import { FilterBar, FilterSelect, useFilter } from '../../components/Filters'
import LoadError from '../../components/LoadError'
import Pager from '../../components/Pager'
import { PageTitle } from '../../components/Shell'
import { ColorTag } from '../../components/Tags'
import { dateColumn } from '../../components/columns'
import { areaOf } from '../../lib/format'
import { useSchemes } from '../../lib/schemes'
import { usePaged } from '../../lib/usePaged'
import { conflictOf } from './panel'

const VIEWS = [{ label: '待评分', value: 'AWAITING' }, { label: '已评分', value: 'RECORDED' }]

export default function ScoringQueue() {
  const schemes = useSchemes()
  const [filter, set] = useFilter()
  const myScore = filter.myScore ?? 'AWAITING'
  const paged = usePaged('ScoringQueue', 'applications', { filter: { ...filter, myScore } })
  const kindOf = (a) => schemes?.byId[a.schemeId]?.kindById[a.kind]

  const columns = [
    { title: '申报机构', key: 'institution', render: (_, a) => <Link to={`/scoring/${a.id}`}>{a.institution.name}</Link> },
    { title: '所在地区', key: 'area', render: (_, a) => areaOf(a.institution) },
    { title: '认定事项', key: 'scheme', render: (_, a) => schemes?.byId[a.schemeId]?.title ?? a.schemeId },
    { title: '申请事项', key: 'kind', render: (_, a) => kindOf(a)?.title ?? a.kind },
    { title: '评审环节', key: 'stage', render: (_, a) => `${a.stage.title}${a.stage.citation ? `（${a.stage.citation}）` : ''}` },
    dateColumn('提交日期', 'submittedAt'),
    {
      title: '评分', key: 'state', width: 110,
      render: (_, a) => {
        if (conflictOf(a)) return <ColorTag color="error">需回避</ColorTag>
        return myScore === 'AWAITING' ? <ColorTag color="warning">待评分</ColorTag> : <ColorTag color="success">已评分</ColorTag>
      },
    },
  ]

  return (
    <>
      <PageTitle>评分任务</PageTitle>
      <FilterBar>
        <Segmented aria-label="评分状态" options={VIEWS} value={myScore} onChange={set('myScore')} style={{ marginRight: 16 }} />
        <FilterSelect name="scheme" label="认定事项" width={300} onChange={set('schemeId')}
          options={schemes?.list.map((s) => ({ label: s.title, value: s.id }))} />
      </FilterBar>
      <LoadError error={paged.error} retry={paged.reload} />
      <Table rowKey="id" columns={columns} dataSource={paged.rows} loading={paged.loading} pagination={false}
        locale={{ emptyText: myScore === 'AWAITING' ? '暂无待评分的申请' : '暂无已评分的申请' }} />
      <Pager paged={paged} />
    </>
  )
}
