import { Tag } from 'antd'
import { OUTCOME, RECOGNITION_STATUS, STATUS } from '../lib/format'

const tag = (table) => function CodeTag({ value }) {
  const entry = table[value] ?? { label: value, color: 'default' }
  return <Tag color={entry.color}>{entry.label}</Tag>
}

export const StatusTag = tag(STATUS)
export const RecognitionStatusTag = tag(RECOGNITION_STATUS)
export const OutcomeTag = tag(OUTCOME)
