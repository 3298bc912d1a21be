// 我的申请: the applications of the institutions the applicant acts for, newest first page by page.
import { useState } from 'react'
import { Button, Card, Form, Select, Table } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { Link, useNavigate } from 'react-router'
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
  const [filter, setFilter] = useState({})
  const paged = usePaged('MyApplications', 'applications', { filter })
  const set = (key) => (value) => setFilter((f) => ({ ...f, [key]: value || null }))
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
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline">
          <Form.Item label="认定事项" htmlFor="filter-scheme">
            <Select id="filter-scheme" allowClear placeholder="全部" style={{ width: 300 }} onChange={set('schemeId')}
              options={schemes?.list.map((s) => ({ label: s.title, value: s.id }))} />
          </Form.Item>
          <Form.Item label="状态" htmlFor="filter-status">
            <Select id="filter-status" allowClear placeholder="全部" style={{ width: 120 }} onChange={set('status')}
              options={Object.entries(STATUS).map(([value, { label }]) => ({ label, value }))} />
          </Form.Item>
        </Form>
      </Card>
      <LoadError error={paged.error} retry={paged.reload} />
      <Table rowKey="id" columns={columns} dataSource={paged.rows} loading={paged.loading} pagination={false}
        locale={{ emptyText: '暂无申请' }} />
      <Pager paged={paged} />
    </>
  )
}
