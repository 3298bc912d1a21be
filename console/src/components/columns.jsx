// Table columns that recur across pages.
import { formatDate, formatDateTime } from '../lib/format'

const nowrap = (text) => <span style={{ whiteSpace: 'nowrap' }}>{text}</span>

/** A date column: 2026年3月2日 on one line; `empty` for a missing date. */
export const dateColumn = (title, dataIndex, empty = '—') => ({
  title, dataIndex, render: (value) => nowrap(value ? formatDate(value) : empty),
})

export const dateTimeColumn = (title, dataIndex) => ({ title, dataIndex, render: (value) => nowrap(formatDateTime(value)) })
