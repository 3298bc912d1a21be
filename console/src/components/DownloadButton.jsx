import { useState } from 'react'
import { App, Button } from 'antd'
import { DownloadOutlined } from '@ant-design/icons'
import { downloadWorkbook } from '../lib/exports'

/** 导出 Excel: the workbook of `list` with the filters on screen (`variables`), every page of it. */
export default function DownloadButton({ list, variables, label = '导出 Excel' }) {
  const [busy, setBusy] = useState(false)
  const { message } = App.useApp()
  async function download() {
    setBusy(true)
    try {
      await downloadWorkbook(list, variables)
    } catch (error) {
      message.error(`导出失败：${error.message}`)
    } finally {
      setBusy(false)
    }
  }
  return <Button icon={<DownloadOutlined />} loading={busy} onClick={download}>{label}</Button>
}
