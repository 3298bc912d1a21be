import { Tag } from 'antd'
import { OUTCOME, RECOGNITION_STATUS, STATUS } from '../lib/format'

// Text dark enough on its tint for WCAG AA contrast (antd's preset tag colours are lighter).
const PALETTE = {
  success: ['#135200', '#f6ffed', '#b7eb8f'],
  processing: ['#003eb3', '#e6f4ff', '#91caff'],
  blue: ['#003eb3', '#e6f4ff', '#91caff'],
  cyan: ['#00474f', '#e6fffb', '#87e8de'],
  warning: ['#874d00', '#fffbe6', '#ffe58f'],
  error: ['#a8071a', '#fff1f0', '#ffa39e'],
  default: ['rgba(0, 0, 0, 0.88)', '#fafafa', '#d9d9d9'],
}

export function ColorTag({ color = 'default', children }) {
  const [text, background, border] = PALETTE[color] ?? PALETTE.default
  return <Tag style={{ color: text, background, borderColor: border }}>{children}</Tag>
}

const tag = (table) => function CodeTag({ value }) {
  const entry = table[value] ?? { label: value, color: 'default' }
  return <ColorTag color={entry.color}>{entry.label}</ColorTag>
}

export const StatusTag = tag(STATUS)
export const RecognitionStatusTag = tag(RECOGNITION_STATUS)
export const OutcomeTag = tag(OUTCOME)
