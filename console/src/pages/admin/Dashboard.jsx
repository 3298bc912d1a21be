// 统计概览: the scheme administrator's view of the schemes: applications by stage and district,
// quota places used against their caps, rounds and their deadlines, recognitions due to expire.
// Each list downloads as an Excel workbook of what the filters select.
import { useMemo, useState } from 'react'
import { Card, Col, Empty, Form, Row, Select, Table } from 'antd'
import { ColorTag } from '../../components/Tags'
import Chart from '../../components/Chart'
import DownloadButton from '../../components/DownloadButton'
import LoadError from '../../components/LoadError'
import Pager from '../../components/Pager'
import { PageTitle } from '../../components/Shell'
import { dateColumn } from '../../components/columns'
import { areaOf, formatDate, todayIso } from '../../lib/format'
import { useSchemes } from '../../lib/schemes'
import { usePaged } from '../../lib/usePaged'
import { useQuery } from '../../lib/useQuery'
import { byStageAndDistrict, quotaUse } from './charts'

const EXPIRY_WINDOW_DAYS = 180

const plusDays = (iso, days) => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10)

function SchemeSelect({ id, label, schemes, value, onChange, allowClear = true }) {
  return (
    <Form.Item label={label} htmlFor={id} style={{ marginBottom: 0 }}>
      <Select id={id} allowClear={allowClear} placeholder="全部认定事项" style={{ width: 320 }} value={value} onChange={onChange}
        options={schemes?.map((s) => ({ label: s.title, value: s.id }))} />
    </Form.Item>
  )
}

function Applications({ schemes }) {
  const [schemeId, setSchemeId] = useState(null)
  const filter = { schemeId }
  const { data, error, reload } = useQuery('ApplicationCounts', { filter })
  const option = useMemo(() => byStageAndDistrict(data?.applicationCounts ?? []), [data])
  return (
    <Card title="各区县申请办理情况" extra={<DownloadButton list="applications" variables={{ filter }} label="导出申请明细" />}>
      <SchemeSelect id="dashboard-applications-scheme" label="认定事项" schemes={schemes?.list} value={schemeId} onChange={setSchemeId} />
      <LoadError error={error} retry={reload} />
      {data?.applicationCounts.length === 0 ? <Empty description="暂无申请" />
        : <Chart title="各区县各环节申请数" option={option} />}
    </Card>
  )
}

function Quotas({ schemes }) {
  const capped = schemes?.list.filter((s) => s.quotaRules.length) ?? []
  const [chosen, setChosen] = useState(null)
  const schemeId = chosen ?? capped[0]?.id
  const { data, error, reload } = useQuery('QuotaUsages', { schemeId }, { skip: !schemeId })
  const usages = data?.quotaUsages ?? []
  const option = useMemo(() => quotaUse(usages), [usages])
  const rules = schemes?.byId[schemeId]?.quotaRules ?? []
  return (
    <Card title="名额使用情况" extra={schemeId && <DownloadButton list="quota-usages" variables={{ schemeId }} label="导出名额使用" />}>
      <SchemeSelect id="dashboard-quota-scheme" label="设限额的认定事项" allowClear={false} schemes={capped} value={schemeId} onChange={setChosen} />
      <LoadError error={error} retry={reload} />
      {rules.map((rule) => <p key={rule.id} className="console-note">{rule.title}（{rule.citation}）</p>)}
      {usages.length === 0 ? <Empty description={schemeId ? '尚未占用名额' : '没有设名额上限的认定事项'} />
        : <Chart title="名额使用" option={option} height={Math.max(160, 48 + usages.length * 36)} />}
    </Card>
  )
}

function Rounds({ schemes }) {
  const today = todayIso()
  const rows = (schemes?.list ?? []).flatMap((s) => s.rounds.map((r) => ({ ...r, key: `${s.id}/${r.id}`, scheme: s.title })))
  const state = (r) => {
    if (today < r.opensOn) return <ColorTag>未开始</ColorTag>
    if (today > r.closesOn) return <ColorTag color="default">已截止</ColorTag>
    const left = Math.round((Date.parse(r.closesOn) - Date.parse(today)) / 86_400_000)
    return <ColorTag color={left <= 7 ? 'warning' : 'processing'}>申报中，还剩 {left} 天</ColorTag>
  }
  const columns = [
    { title: '认定事项', dataIndex: 'scheme' },
    { title: '批次', dataIndex: 'title' },
    dateColumn('开始申报', 'opensOn'),
    dateColumn('申报截止', 'closesOn'),
    { title: '状态', key: 'state', render: (_, r) => state(r) },
    { title: '依据', dataIndex: 'citation' },
  ]
  return (
    <Card title="申报批次与截止日期">
      <Table rowKey="key" size="small" columns={columns} dataSource={rows} pagination={false} locale={{ emptyText: '暂无批次' }} />
    </Card>
  )
}

function Expiring({ schemes }) {
  const until = plusDays(todayIso(), EXPIRY_WINDOW_DAYS)
  const filter = { status: 'ACTIVE', validUntilBefore: until }
  const paged = usePaged('PublicRegister', 'recognitions', { filter }, 10)
  const columns = [
    { title: '机构名称', key: 'name', render: (_, r) => r.institution.name },
    { title: '所在地', key: 'area', render: (_, r) => areaOf(r.institution) },
    { title: '认定事项', key: 'scheme', render: (_, r) => schemes?.byId[r.schemeId]?.title ?? r.schemeId },
    { title: '认定名称', dataIndex: 'title' },
    dateColumn('有效期至', 'validUntil'),
  ]
  return (
    <Card title={`${formatDate(until)}前到期的认定`} extra={<DownloadButton list="recognitions" variables={{ filter }} label="导出到期名单" />}>
      <LoadError error={paged.error} retry={paged.reload} />
      <Table rowKey="id" size="small" columns={columns} dataSource={paged.rows} loading={paged.loading} pagination={false}
        locale={{ emptyText: `${EXPIRY_WINDOW_DAYS} 天内没有到期的认定` }} />
      <Pager paged={paged} />
    </Card>
  )
}

export default function Dashboard() {
  const schemes = useSchemes()
  return (
    <>
      <PageTitle>统计概览</PageTitle>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}><Applications schemes={schemes} /></Col>
        <Col xs={24} xl={12}><Quotas schemes={schemes} /></Col>
        <Col span={24}><Rounds schemes={schemes} /></Col>
        <Col span={24}><Expiring schemes={schemes} /></Col>
      </Row>
    </>
  )
}
