import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App as AntApp, ConfigProvider } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import App from './App'
import './styles.css'

dayjs.locale('zh-cn')

// Secondary text, placeholders and error messages dark enough for WCAG AA contrast (antd's defaults are lighter).
const THEME = {
  token: {
    colorPrimary: '#1458b8', colorInfo: '#1458b8', colorLink: '#1458b8', borderRadius: 4,
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)', colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)', colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorError: '#cf1322', // error messages under fields: antd's #ff4d4f is too light on white
  },
}

createRoot(document.getElementById('app')).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
      <AntApp>
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
)
