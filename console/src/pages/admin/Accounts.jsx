// 账号管理: the accounts a scheme administrator manages (within their area), created, re-scoped and
// deactivated through the API, each change audited.
import { useState } from 'react'
import { App, Button, Popconfirm, Space, Table } from 'antd'
import { ColorTag } from '../../components/Tags'
import { PlusOutlined } from '@ant-design/icons'
import LoadError from '../../components/LoadError'
import { PageTitle } from '../../components/Shell'
import { dateTimeColumn } from '../../components/columns'
import { formatDateTime, ROLE_LABELS } from '../../lib/format'
import { request } from '../../lib/graphql'
import { useQuery } from '../../lib/useQuery'
import { useSchemes } from '../../lib/schemes'
import { useVocabulary } from '../../lib/vocabulary'
import AccountForm from './AccountForm'

function State({ account }) {
  if (!account.active) return <ColorTag>已停用</ColorTag>
  if (account.lockedUntil) return <ColorTag color="warning">锁定至 {formatDateTime(account.lockedUntil)}</ColorTag>
  return <ColorTag color="success">正常</ColorTag>
}

export default function Accounts() {
  const { message } = App.useApp()
  const vocabulary = useVocabulary()
  const schemes = useSchemes()
  const { data, loading, error, reload } = useQuery('Accounts')
  const [editing, setEditing] = useState({ open: false, account: null })
  const scopeText = (s) => [s.creditCode ?? vocabulary?.divisionName[s.areaCode] ?? s.areaCode,
    s.schemeId && `（${schemes?.byId[s.schemeId]?.title ?? s.schemeId}）`].filter(Boolean).join('')

  async function deactivate(account) {
    const { deactivateAccount: result } = await request('DeactivateAccount', { input: { username: account.username } })
      .catch((e) => ({ deactivateAccount: { errors: [e] } }))
    if (result.errors.length) message.error(result.errors[0].message)
    else message.success(`已停用 ${account.username}`)
    reload()
  }

  function done(account) {
    message.success(editing.account ? `已修改 ${account.username} 的权限` : `已创建账号 ${account.username}`)
    setEditing({ open: false, account: null })
    reload()
  }

  const columns = [
    { title: '用户名', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'displayName', render: (name) => name || '—' },
    { title: '角色', dataIndex: 'role', render: (role) => ROLE_LABELS[role] },
    { title: '管辖范围', key: 'scopes', render: (_, a) => a.scopes.map(scopeText).join('、') },
    { title: '状态', key: 'state', render: (_, a) => <State account={a} /> },
    dateTimeColumn('创建时间', 'createdAt'),
    {
      title: '操作', key: 'actions', render: (_, a) => a.active && (
        <Space>
          <Button size="small" onClick={() => setEditing({ open: true, account: a })} aria-label={`修改 ${a.username} 的权限`}>修改权限</Button>
          <Popconfirm title={`停用 ${a.username}？`} description="停用后该账号的登录和 API 令牌立即失效" okText="停用" cancelText="取消"
            onConfirm={() => deactivate(a)}>
            <Button size="small" danger aria-label={`停用 ${a.username}`}>停用</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ]

  return (
    <>
      <PageTitle extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true, account: null })}>新建账号</Button>}>
        账号管理
      </PageTitle>
      <LoadError error={error} retry={reload} />
      <Table rowKey="username" columns={columns} dataSource={data?.accounts ?? []} loading={loading} pagination={false}
        locale={{ emptyText: '暂无账号' }} />
      <AccountForm open={editing.open} account={editing.account} onClose={() => setEditing({ open: false, account: null })} onDone={done} />
    </>
  )
}
