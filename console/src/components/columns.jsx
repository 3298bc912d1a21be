// Table columns that recur across pages.
import { RecognitionStatusTag } from './Tags'
import { formatDate, formatDateTime } from '../lib/format'

const nowrap = (text) => <span style={{ whiteSpace: 'nowrap' }}>{text}</span>

/** A date column: 2026年3月2日 on one line; `empty` for a missing date. */
export const dateColumn = (title, dataIndex, empty = '—') => ({
  title, dataIndex, render: (value) => nowrap(value ? formatDate(value) : empty),
})

export const dateTimeColumn = (title, dataIndex) => ({ title, dataIndex, render: (value) => nowrap(formatDateTime(value)) })

/** What a recognition is, wherever recognitions are listed: name, scheme, code, occupations,
 * status and validity. */
export const recognitionColumns = (schemes) => [
  { title: '认定名称', dataIndex: 'title' },
  { title: '认定事项', key: 'scheme', render: (_, r) => schemes?.byId[r.schemeId]?.title ?? r.schemeId },
  { title: '编号', dataIndex: 'code', render: (code) => code ?? '—' },
  { title: '职业（工种）', dataIndex: 'occupations', render: (list) => (list.length ? list.join('、') : '—') },
  { title: '状态', dataIndex: 'status', render: (status) => <RecognitionStatusTag value={status} /> },
  dateColumn('认定日期', 'grantedOn'),
  dateColumn('有效期至', 'validUntil', '未设期限'),
]
