// 我的认定: what each institution holds under every scheme, how long it is valid, and the dates
// before which a revoked one may not apply again.
import { Alert, Table } from 'antd'
import LoadError from '../../components/LoadError'
import { PageTitle } from '../../components/Shell'
import { dateColumn, recognitionColumns } from '../../components/columns'
import { formatDate, todayIso } from '../../lib/format'
import { useMyInstitutions } from '../../lib/institutions'
import { useSchemes } from '../../lib/schemes'

export default function Recognitions() {
  const mine = useMyInstitutions()
  const schemes = useSchemes()
  const today = todayIso()
  const rows = mine.list.flatMap((inst) => inst.recognitions.map((r) => ({ ...r, institution: inst.name })))
  const bans = rows.filter((r) => r.banUntil && r.banUntil >= today)

  const columns = [
    { title: '机构', dataIndex: 'institution' },
    ...recognitionColumns(schemes),
    { title: '终止', key: 'ended', render: (_, r) => (r.endedOn ? `${formatDate(r.endedOn)}${r.endReason ? `（${r.endReason}）` : ''}` : '—') },
    dateColumn('不得重新申请至', 'banUntil'),
  ]

  return (
    <>
      <PageTitle>我的认定</PageTitle>
      <LoadError error={mine.error} retry={mine.reload} />
      {bans.map((r) => (
        <Alert key={r.id} type="warning" showIcon style={{ marginBottom: 16 }}
          title={`${r.institution}的“${r.title}”已被撤销，${formatDate(r.banUntil)}前不得重新申请该认定`} />
      ))}
      <Table rowKey="id" columns={columns} dataSource={rows} loading={mine.loading} pagination={false}
        locale={{ emptyText: '暂无认定' }} />
    </>
  )
}
