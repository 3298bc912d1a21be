// The scoring sheet's table: the kind's rubric by category with each category's and item's maximum.
// Before the expert has scored: what they enter per item (points within the range the action
// publishes, or 符合/不符合 for a gate), the API's refusal under the item it names. After: each
// expert's points, what counts (the panel's mean; automatic items as computed) and the subtotals.
import { Form, InputNumber, Radio, Table, Typography } from 'antd'
import { ColorTag } from '../../components/Tags'

const fmt = (n) => (n == null ? '—' : Number(n.toFixed(2)).toString())

/** The rubric's items grouped by category, in the order the scheme declares them: the kind's scored
 * criteria and whatever the action asks the expert to decide. */
export function rubricOf(application, requirements) {
  const items = application.scheme.criteria
    .filter((c) => c.kinds.includes(application.kind) && (c.kind === 'SCORED' || requirements[c.id]))
  const categories = []
  for (const item of items) {
    const title = item.category || '评审项目'
    let category = categories.find((c) => c.title === title)
    if (!category) categories.push(category = { title, items: [], maximum: 0 })
    category.items.push(item)
    category.maximum += item.kind === 'SCORED' ? item.maxPoints ?? 0 : 0
  }
  return categories
}

function Entry({ item, requirement, value, errors, onChange }) {
  const label = `${item.citation} ${item.title}`
  const status = errors ? 'error' : undefined
  const help = errors?.join('；')
  if (requirement.kind === 'GATE') {
    return (
      <Form.Item validateStatus={status} help={help} style={{ margin: 0 }}>
        <Radio.Group aria-label={`${label} 判定`} value={value?.passed} onChange={(e) => onChange({ passed: e.target.value })}
          options={[{ label: '符合', value: true }, { label: '不符合', value: false }]} />
      </Form.Item>
    )
  }
  return (
    <Form.Item validateStatus={status} help={help} style={{ margin: 0 }}>
      {/* No clamping here: the range is shown, and the API, which enforces it, names any score outside it. */}
      <InputNumber aria-label={`${label} 得分`} value={value?.points} style={{ width: 120 }}
        placeholder={`${fmt(requirement.minPoints)}–${fmt(requirement.maxPoints)}`}
        onChange={(points) => onChange({ points })} />
    </Form.Item>
  )
}

/**
 * `entering`: {values, errors, onChange(criterionId, value)} while the expert fills the sheet in;
 * `panel`: {experts: [{name, label, judgments: {criterionId: judgment}}], results: {criterionId: result}}
 * once they have scored (the API shows the panel's reviews and the aggregate from then on).
 */
export default function Rubric({ categories, requirements, results, entering, panel }) {
  const score = (item) => {
    const result = results[item.id]
    if (item.kind !== 'SCORED') return result ? <ColorTag>{result.outcome === 'PASS' ? '符合' : result.outcome === 'FAIL' ? '不符合' : '待评审'}</ColorTag> : '—'
    return fmt(result?.points)
  }
  const columns = [
    { title: '条款', dataIndex: 'citation', width: 120 },
    {
      title: '评分项目', key: 'title',
      render: (_, item) => (
        <>
          <div>{item.title}</div>
          {item.guidance && <Typography.Text type="secondary" style={{ fontSize: 13 }}>{item.guidance}</Typography.Text>}
        </>
      ),
    },
    { title: '分值', key: 'max', width: 90, render: (_, item) => (item.kind === 'SCORED' ? `${fmt(item.maxPoints)} 分` : '判定') },
  ]
  if (entering) {
    columns.push({
      title: '评分', key: 'entry', width: 260,
      render: (_, item) => {
        const requirement = requirements[item.id]
        if (requirement) {
          return <Entry item={item} requirement={requirement} value={entering.values[item.id]} errors={entering.errors[item.id]}
            onChange={(value) => entering.onChange(item.id, value)} />
        }
        if (item.mode === 'AUTOMATIC') return <span>{score(item)}{item.kind === 'SCORED' && ' 分'}<Typography.Text type="secondary">（按申报记录自动计算）</Typography.Text></span>
        return <Typography.Text type="secondary">由其他环节评定</Typography.Text>
      },
    })
  }
  if (panel) {
    for (const expert of panel.experts) {
      columns.push({
        title: expert.label, key: `expert-${expert.name}`, width: 110,
        render: (_, item) => {
          const judgment = expert.judgments[item.id]
          if (!judgment) return item.mode === 'AUTOMATIC' ? <Typography.Text type="secondary">自动</Typography.Text> : '—'
          if (judgment.points != null) return fmt(judgment.points)
          return judgment.passed == null ? '—' : judgment.passed ? '符合' : '不符合'
        },
      })
    }
    columns.push({ title: '计入得分', key: 'counted', width: 100, render: (_, item) => <strong>{score(item)}</strong> })
  }

  return categories.map((category) => {
    const counted = category.items.filter((i) => i.kind === 'SCORED').map((i) => results[i.id]?.points)
    const subtotal = panel && counted.length && counted.every((p) => p != null) ? counted.reduce((a, b) => a + b, 0) : null
    return (
      <section key={category.title} className="rubric-category" aria-label={category.title}>
        <Typography.Title level={2} className="rubric-category-title">
          {category.title}
          {category.maximum > 0 && <span className="rubric-category-max">（满分 {fmt(category.maximum)} 分{subtotal != null ? `，小计 ${fmt(subtotal)} 分` : ''}）</span>}
        </Typography.Title>
        <Table rowKey="id" size="small" tableLayout="fixed" pagination={false} columns={columns} dataSource={category.items} />
      </section>
    )
  })
}
