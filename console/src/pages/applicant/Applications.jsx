// 我的申请: the applications of the institutions the applicant acts for, page by page.
import { Button, Table } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { Link, useNavigate } from 'react-router'
import { FilterBar, FilterSelect, choicesOf, useFilter } from '../../components/Filters'
import LoadError from '../../components/LoadError'
import Pager from '../../components/Pager'
import { PageTitle } from '../../components/Shell'
import { StatusTag } from '../../components/Tags'
import { dateColumn, dateTimeColumn } from '../../components/columns'
import { STATUS } from '../../lib/format'
import { useSchemes } from '../../lib/schemes'
import { usePaged } from '../../lib/usePaged'

export default function Applications() {
  const navigate = useNavigate()
  const schemes = useSchemes()
  const [filter, set] = useFilter()
  const paged = usePaged('MyApplications', 'applications', { filter })
  const kindOf = (a) => schemes?.byId[a.schemeId]?.kindById[a.kind]

  const columns = [
    { title: '申请事项', key: 'kind', render: (_, a) => <Link to={`/applications/${a.id}`}>{kindOf(a)?.title ?? a.kind}</Link> },
    { title: '认定事项', key: 'scheme', render: (_, a) => schemes?.byId[a.schemeId]?.title ?? a.schemeId },
    { title: '机构', key: 'institution', render: (_, a) => a.institution.name },
    { title: '当前环节', key: 'stage', render: (_, a) => a.stage.title },
    { title: '状态', dataIndex: 'status', render: (status) => <StatusTag value={status} /> },
    dateColumn('提交日期', 'submittedAt'),
    dateTimeColumn('最近更新', 'updatedAt'),
  ]

  return (
    <>
      <PageTitle extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/applications/new')}>新建申请</Button>}>
        我的申请
      </PageTitle>
      <FilterBar>
        <FilterSelect name="scheme" label="认定事项" width={300} onChange={set('schemeId')}
          options={schemes?.list.map((s) => ({ label: s.title, value: s.id }))} />
        <FilterSelect name="status" label="状态" width={120} onChange={set('status')} options={choicesOf(STATUS)} />
      </FilterBar>
      <LoadError error={paged.error} retry={paged.reload} />
      <Table rowKey="id" columns={columns} dataSource={paged.rows} loading={paged.loading} pagination={false}
        locale={{ emptyText: '暂无申请' }} />
      <Pager paged={paged} />
    </>
  )
}
