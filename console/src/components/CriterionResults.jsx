// Each criterion with its article, rule, the values compared and the outcome: the explanation of
// an evaluation, whether a dry run or the stored one.
import { Space, Table, Typography } from 'antd'
import { ColorTag, OutcomeTag } from './Tags'
import { CRITERION_KIND, EVALUATION_MODE, formatDate } from '../lib/format'
import { fieldTitle } from '../lib/schemaForm'
import { useVocabulary } from '../lib/vocabulary'

// Names of the values criteria commonly compare; a value named after a form field takes the field's
// title. Others show as the plugin names them (the API publishes no labels for them).
const VALUE_LABELS = {
  actual: '实际', threshold: '标准', minimum: '下限', maximum: '上限', since: '起始日期', until: '截止日期',
  count: '数量', required: '要求', missing: '缺少', points: '得分',
  city_code: '所在城市', division_code: '所在地区', org_type: '机构类型',
}
const DIVISION_VALUE = /(^|_)(city|division)_code$/

function show(value) {
  if (value === true) return '是'
  if (value === false) return '否'
  if (value === null || value === undefined) return '—'
  if (Array.isArray(value)) return value.length ? value.map(show).join('、') : '无'
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value)
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}：${show(v)}`).join('，')
  return String(value)
}

export function CriterionValues({ values, formSchema }) {
  const vocabulary = useVocabulary()
  const entries = Object.entries(values ?? {})
  if (!entries.length) return <Typography.Text type="secondary">—</Typography.Text>
  return (
    <ul className="criterion-values">
      {entries.map(([key, value]) => (
        <li key={key}>
          {VALUE_LABELS[key] ?? fieldTitle(formSchema, key)}：{DIVISION_VALUE.test(key) ? vocabulary?.divisionName[value] ?? value : show(value)}
        </li>
      ))}
    </ul>
  )
}

/** The policy numbers a criterion applied, each with its article and the date it applies from. */
function PolicyNumbers({ parameters }) {
  const numbers = (parameters ?? []).filter((p) => p && typeof p === 'object')
  if (!numbers.length) return null
  return (
    <ul className="criterion-values criterion-parameters">
      {numbers.map((p) => (
        <li key={p.name}>{p.description || p.name}：{show(p.value)}（{p.reference}，{formatDate(p.since)}起）</li>
      ))}
    </ul>
  )
}

export default function CriterionResults({ results, formSchema }) {
  const columns = [
    { title: '条款', dataIndex: 'citation', width: 110 },
    {
      title: '条件', key: 'title', width: 230,
      render: (_, r) => (
        <Space direction="vertical" size={2}>
          <span>{r.title}</span>
          <Space size={4}>
            <ColorTag>{CRITERION_KIND[r.kind]}</ColorTag>
            <ColorTag>{EVALUATION_MODE[r.mode]}</ColorTag>
          </Space>
        </Space>
      ),
    },
    {
      title: '规则', key: 'rule',
      render: (_, r) => (
        <>
          <div>{r.rule}</div>
          <PolicyNumbers parameters={r.parameters} />
        </>
      ),
    },
    { title: '数值', key: 'values', width: 300, render: (_, r) => <CriterionValues values={r.values} formSchema={formSchema} /> },
    {
      title: '结果', key: 'outcome', width: 110,
      render: (_, r) => (
        <Space direction="vertical" size={2}>
          <OutcomeTag value={r.outcome} />
          {r.maxPoints != null && <span>{r.points ?? '—'} / {r.maxPoints} 分</span>}
        </Space>
      ),
    },
  ]
  return <Table rowKey="criterionId" size="small" tableLayout="fixed" columns={columns} dataSource={results} pagination={false} />
}
