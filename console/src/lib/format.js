// How values are shown to people: dates as 2026年3月2日 (China Standard Time), codes as words.

const CST = 'Asia/Shanghai'

/** An ISO date (2026-03-02) as 2026年3月2日; '—' for none. */
export function formatDate(value) {
  if (!value) return '—'
  const [year, month, day] = value.slice(0, 10).split('-').map(Number)
  return `${year}年${month}月${day}日`
}

/** A DateTime from the API (UTC; SQLite answers it without an offset) as 2026年3月2日 14:05 in Beijing time. */
export function formatDateTime(value) {
  if (!value) return '—'
  const utc = /[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: CST, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(new Date(utc)).map(({ type, value: v }) => [type, v]),
  )
  return `${parts.year}年${Number(parts.month)}月${Number(parts.day)}日 ${parts.hour}:${parts.minute}`
}

/** Where an institution is: 杭州市 西湖区, or just the city (or province) it is registered in. */
export function areaOf(inst) {
  return inst.cityName === inst.divisionName ? inst.cityName : `${inst.cityName} ${inst.divisionName}`
}

/** Today in Beijing as an ISO date. */
export function todayIso() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CST }).format(new Date())
}

export const ROLE_LABELS = {
  APPLICANT: '申报机构',
  DISTRICT_REVIEWER: '区县审核人员',
  CITY_REVIEWER: '市级审核人员',
  PROVINCE_REVIEWER: '省级审核人员',
  EXPERT: '评审专家',
  SCHEME_ADMIN: '业务管理员',
  AUDITOR: '审计人员',
  PUBLIC: '公众',
}

/** Role names as the API's events write them (lower case). */
export const roleLabel = (role) => ROLE_LABELS[String(role || '').toUpperCase()] ?? role

export const STATUS = {
  DRAFT: { label: '草稿', color: 'default' },
  IN_REVIEW: { label: '审核中', color: 'processing' },
  PUBLIC_NOTICE: { label: '公示中', color: 'cyan' },
  APPROVED: { label: '已通过', color: 'success' },
  REJECTED: { label: '未通过', color: 'error' },
  WITHDRAWN: { label: '已撤回', color: 'default' },
  CLOSED: { label: '已办结', color: 'default' },
}

export const RECOGNITION_STATUS = {
  ACTIVE: { label: '有效', color: 'success' },
  SUSPENDED: { label: '暂停', color: 'warning' },
  REVOKED: { label: '已撤销', color: 'error' },
  EXPIRED: { label: '已到期', color: 'default' },
}

export const OUTCOME = {
  PASS: { label: '符合', color: 'success' },
  FAIL: { label: '不符合', color: 'error' },
  PENDING: { label: '待评审', color: 'warning' },
  SCORED: { label: '已评分', color: 'blue' },
  INFO: { label: '信息', color: 'default' },
}

export const CRITERION_KIND = { GATE: '必备条件', SCORED: '评分项', INFO: '信息项' }
export const EVALUATION_MODE = { AUTOMATIC: '自动核验', JUDGMENT: '评审判定' }
