// 认定名单: every recognition the schemes have granted, for anyone, without logging in.
import { useState } from 'react'
import { Card, Form, Input, Select, Table, Typography } from 'antd'
import Pager from '../../components/Pager'
import LoadError from '../../components/LoadError'
import { PageTitle } from '../../components/Shell'
import { RecognitionStatusTag } from '../../components/Tags'
import { dateColumn } from '../../components/columns'
import { RECOGNITION_STATUS } from '../../lib/format'
import { useSchemes } from '../../lib/schemes'
import { usePaged } from '../../lib/usePaged'
import { useVocabulary } from '../../lib/vocabulary'

export default function PublicRegister() {
  const schemes = useSchemes()
  const vocabulary = useVocabulary()
  const [filter, setFilter] = useState({})
  const paged = usePaged('PublicRegister', 'recognitions', { filter })
  const set = (key) => (value) => setFilter((f) => ({ ...f, [key]: value || null }))

  const columns = [
    { title: '机构名称', key: 'name', render: (_, r) => r.institution.name },
    { title: '所在地', key: 'area', render: (_, r) => (r.institution.cityName === r.institution.divisionName
      ? r.institution.cityName : `${r.institution.cityName} ${r.institution.divisionName}`) },
    { title: '认定名称', dataIndex: 'title' },
    { title: '认定事项', key: 'scheme', render: (_, r) => schemes?.byId[r.schemeId]?.title ?? r.schemeId },
    { title: '编号', dataIndex: 'code', render: (code) => code ?? '—' },
    { title: '职业（工种）', dataIndex: 'occupations', render: (list) => (list.length ? list.join('、') : '—') },
    { title: '状态', dataIndex: 'status', render: (status) => <RecognitionStatusTag value={status} /> },
    dateColumn('认定日期', 'grantedOn'),
    dateColumn('有效期至', 'validUntil', '未设期限'),
  ]

  return (
    <>
      <PageTitle>认定名单公示</PageTitle>
      <Typography.Paragraph type="secondary">各认定事项已认定的机构名单，向社会公开，无需登录即可查询。</Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline">
          <Form.Item label="认定事项" htmlFor="filter-scheme">
            <Select id="filter-scheme" allowClear placeholder="全部" style={{ width: 300 }} onChange={set('schemeId')}
              options={schemes?.list.map((s) => ({ label: s.title, value: s.id }))} />
          </Form.Item>
          <Form.Item label="所在城市" htmlFor="filter-city">
            <Select id="filter-city" allowClear placeholder="全部" style={{ width: 140 }} onChange={set('cityCode')}
              options={vocabulary?.cities.map((c) => ({ label: c.name, value: c.code }))} />
          </Form.Item>
          <Form.Item label="状态" htmlFor="filter-status">
            <Select id="filter-status" allowClear placeholder="全部" style={{ width: 120 }} onChange={set('status')}
              options={Object.entries(RECOGNITION_STATUS).map(([value, { label }]) => ({ label, value }))} />
          </Form.Item>
          <Form.Item label="职业（工种）" htmlFor="filter-occupation">
            <Input.Search id="filter-occupation" allowClear placeholder="如 电工" style={{ width: 180 }} onSearch={set('occupation')} />
          </Form.Item>
        </Form>
      </Card>
      <LoadError error={paged.error} retry={paged.reload} />
      <Table rowKey="id" columns={columns} dataSource={paged.rows} loading={paged.loading} pagination={false} />
      <Pager paged={paged} />
    </>
  )
}
