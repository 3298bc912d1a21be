import { Button, Space, Typography } from 'antd'

/** Previous / next under a table read with usePaged. */
export default function Pager({ paged }) {
  const pages = Math.max(1, Math.ceil(paged.total / paged.pageSize))
  return (
    <Space style={{ marginTop: 16, justifyContent: 'flex-end', width: '100%' }}>
      <Typography.Text type="secondary">共 {paged.total} 条，第 {paged.page} / {pages} 页</Typography.Text>
      <Button disabled={!paged.hasPrevious} onClick={paged.previous}>上一页</Button>
      <Button disabled={!paged.hasNext} onClick={paged.next}>下一页</Button>
    </Space>
  )
}
