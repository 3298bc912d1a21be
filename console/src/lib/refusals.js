// The API's refusal codes in plain words, and its messages with role names as people say them.
import { ROLE_LABELS } from './format'

export const REFUSAL = {
  INVALID: '填写有误',
  REQUIRED: '必须填写',
  NOT_FOUND: '未找到',
  DUPLICATE: '重复',
  NOT_EDITABLE: '不能修改',
  STALE_VERSION: '申请已被他人更新',
  TRANSITION_NOT_ALLOWED: '当前环节不能办理此事项',
  ROLE_NOT_ALLOWED: '不属于您的职责',
  CRITERION_NOT_MET: '不符合条件',
  JUDGMENT_MISSING: '尚未判定',
  PANEL_REVIEW_MISSING: '尚待专家评审',
  SCORE_OUT_OF_RANGE: '分数超出范围',
  ROUND_CLOSED: '申报批次未开放',
  ROUND_REQUIRED: '须选择申报批次',
  BANNED: '处于禁止申报期',
  QUOTA_EXCEEDED: '名额已满',
  RECOGNITION_REQUIRED: '须指明所涉认定',
  GUARD_FAILED: '不满足办理条件',
  CALENDAR_UNSUPPORTED: '工作日历未覆盖该日期',
  NOT_IN_FORCE: '政策尚未施行',
  DATABASE_BUSY: '系统繁忙，请稍后重试',
  FORBIDDEN: '无权操作',
  CONFLICT_OF_INTEREST: '应当回避',
  FOUR_EYES: '须由另一人办理',
}

const ROLE_VALUE = new RegExp(`\\b(${Object.keys(ROLE_LABELS).map((role) => role.toLowerCase()).join('|')})\\b`, 'g')

/** A message from the API with role values (district_reviewer …) replaced by their names. */
export const plainWords = (message) => String(message ?? '').replace(ROLE_VALUE, (role) => ROLE_LABELS[role.toUpperCase()])

/** 尚未判定：尚未对 第六条（四） 师资 作出判定 */
export const refusalText = ({ code, message }) => (REFUSAL[code] ? `${REFUSAL[code]}：${plainWords(message)}` : plainWords(message))
