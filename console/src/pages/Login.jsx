import { useState } from 'react'
import { Alert, Button, Card, Form, Input, Typography } from 'antd'
import { LockOutlined, UserOutlined } from '@ant-design/icons'
import { Link, useNavigate } from 'react-router'
import { request } from '../lib/graphql'
import { session } from '../lib/session'
import { homeOf } from '../roles.jsx'

export default function Login() {
  const navigate = useNavigate()
  const [problem, setProblem] = useState(session.notice)
  const [busy, setBusy] = useState(false)

  async function login(values) {
    setBusy(true)
    setProblem(null)
    try {
      const { login: result } = await request('Login', { input: values })
      if (result.errors.length) {
        setProblem(result.errors.map((error) => error.message).join('；'))
        return
      }
      session.start(result.token, result.expiresAt, result.viewer)
      navigate(homeOf(result.viewer.role), { replace: true })
    } catch (error) {
      setProblem(error.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="login-page">
      <Card style={{ width: 400 }}>
        <Typography.Title level={1} className="console-page-title" style={{ textAlign: 'center', marginBottom: 24 }}>职业培训机构认定管理平台</Typography.Title>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={login} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>登录</Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          <Link to="/register">查看认定名单公示（无需登录）</Link>
        </Typography.Paragraph>
      </Card>
    </main>
  )
}
