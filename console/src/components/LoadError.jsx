import { Alert, Button } from 'antd'

/** A query that failed, with its message and a way to try again. */
export default function LoadError({ error, retry }) {
  if (!error) return null
  return (
    <Alert type="error" showIcon title="加载失败" description={error.message} style={{ marginBottom: 16 }}
      action={retry && <Button size="small" onClick={retry}>重试</Button>} />
  )
}
