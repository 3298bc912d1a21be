// The frame around every page: the platform's name, the role's menu, who is logged in.
import { Button, Layout, Menu, Space, Typography } from 'antd'
import { LoginOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons'
import { Link, Outlet, useLocation, useNavigate } from 'react-router'
import { request } from '../lib/graphql'
import { ROLE_LABELS } from '../lib/format'
import { session } from '../lib/session'
import { menuOf } from '../roles.jsx'

const { Header, Sider, Content } = Layout

export default function Shell() {
  const location = useLocation()
  const navigate = useNavigate()
  const { username, role } = session.viewer
  const items = menuOf(role).map(({ path, label, icon }) => ({ key: `/${path}`, icon, label: <Link to={`/${path}`}>{label}</Link> }))
  const selected = items.map(({ key }) => key).filter((key) => location.pathname === key || location.pathname.startsWith(`${key}/`))
    .sort((a, b) => b.length - a.length).slice(0, 1)

  async function logout() {
    await request('Logout').catch(() => null) // the session ends here whatever the server says
    session.end()
    navigate('/login')
  }

  return (
    <Layout>
      <Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <p className="console-brand">职业培训机构认定管理平台</p>
        {session.token ? (
          <Space style={{ color: '#fff' }}>
            <UserOutlined aria-hidden />
            <span>{username}（{ROLE_LABELS[role]}）</span>
            <Button size="small" icon={<LogoutOutlined />} onClick={logout}>退出</Button>
          </Space>
        ) : (
          <Button size="small" icon={<LoginOutlined />} onClick={() => navigate('/login')}>登录</Button>
        )}
      </Header>
      <Layout>
        <Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0}>
          <nav aria-label="主菜单">
            <Menu mode="inline" selectedKeys={selected} items={items} style={{ height: '100%', borderRight: 0 }} />
          </nav>
        </Sider>
        <Content className="console-content">
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  )
}

/** A page's heading, with actions on the right. */
export function PageTitle({ children, extra }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16 }}>
      <Typography.Title level={1} className="console-page-title">{children}</Typography.Title>
      {extra && <Space>{extra}</Space>}
    </div>
  )
}
