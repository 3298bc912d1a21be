// 办理: the actions the stage allows the reviewer, each with what it requires as the API publishes
// it (judgments on which criteria, scores within which range, a written reason, the gates, time in
// the stage), taken with `actOnApplication`. What the API refuses is shown on the judgment or the
// reason it names, in plain words; anything else above the form.
import { useState } from 'react'
import { Alert, App, Button, Card, Empty, Form, Input, InputNumber, Radio, Space, Table, Typography } from 'antd'
import { formatDate, ROLE_LABELS } from '../../lib/format'
import { request } from '../../lib/graphql'
import { refusalText } from '../../lib/refusals'

const LIST = { margin: '0 0 16px', paddingLeft: 20 }

/** What an action requires, in words. */
function Requirements({ action, kind }) {
  const needed = action.judgments.filter((j) => j.required)
  const items = [
    `由${ROLE_LABELS[action.role]}办理，办理后进入“${kind.stageById[action.target]?.title ?? action.target}”${action.citation ? `（${action.citation}）` : ''}`,
    action.commentRequired && '须写明审核意见（理由）',
    action.requiresGates && '自动核验的必备条件须全部符合',
    needed.length > 0 && `须对以下 ${needed.length} 项作出“符合”的判定（标 * 者）`,
    action.judgments.some((j) => j.kind === 'SCORED') && '评分项须在分值范围内打分',
    action.minimumTimeInStage && `须在本环节满 ${action.minimumTimeInStage.workingDays} 个工作日（${action.minimumTimeInStage.citation}，${formatDate(action.minimumTimeInStage.since)}起）`,
  ].filter(Boolean)
  return (
    <ul style={LIST} aria-label="办理要求">
      {items.map((item) => <li key={item}>{item}</li>)}
    </ul>
  )
}

/** The judgment each criterion needs: 符合 / 不符合 for a gate, points within the range for a scored item. */
function Judgments({ requirements }) {
  const columns = [
    {
      title: '评审条件', key: 'criterion',
      render: (_, j) => (
        <Space direction="vertical" size={2}>
          <span>
            {j.required && <><span className="form-table-required" aria-hidden>*</span><span className="visually-hidden">（须判定符合）</span></>}
            {j.citation} {j.title}
          </span>
          {j.guidance && <Typography.Text type="secondary">{j.guidance}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: '判定', key: 'decision', width: 240,
      render: (_, j) => (j.kind === 'SCORED' ? (
        <Form.Item name={['judgments', j.criterionId, 'points']} style={{ marginBottom: 0 }}
          extra={`${j.minPoints ?? 0}–${j.maxPoints} 分`}>
          <InputNumber aria-label={`${j.title} 得分`} step={0.5} style={{ width: 120 }} />
        </Form.Item>
      ) : (
        <Form.Item name={['judgments', j.criterionId, 'passed']} style={{ marginBottom: 0 }}>
          <Radio.Group aria-label={`${j.title} 判定`} options={[{ label: '符合', value: true }, { label: '不符合', value: false }]} />
        </Form.Item>
      )),
    },
    {
      title: '说明', key: 'note', width: 280,
      render: (_, j) => (
        <Form.Item name={['judgments', j.criterionId, 'note']} style={{ marginBottom: 0 }}>
          <Input aria-label={`${j.title} 说明`} placeholder="可选" />
        </Form.Item>
      ),
    },
  ]
  return <Table rowKey="criterionId" size="small" columns={columns} dataSource={requirements} pagination={false} style={{ marginBottom: 16 }} />
}

/** The judgments decided in the form, in the order the action lists them (the API's error paths
 * [input, judgments, i, …] count in that order). */
function decided(action, values) {
  return action.judgments.map((j) => ({ ...j, ...(values.judgments?.[j.criterionId] ?? {}) }))
    .filter((j) => (j.kind === 'SCORED' ? j.points != null : j.passed != null))
    .map((j) => ({ criterionId: j.criterionId, passed: j.kind === 'SCORED' ? null : j.passed, points: j.kind === 'SCORED' ? j.points : null, note: j.note ?? '' }))
}

/** The field paths a change of values touched: {judgments: {c: {passed: true}}} -> [[judgments, c, passed]]. */
const pathsOf = (values, prefix = []) => Object.entries(values).flatMap(([key, value]) => (
  value && typeof value === 'object' ? pathsOf(value, [...prefix, key]) : [[...prefix, key]]))

/** Where an error of the API belongs: a judgment's decision, the reason, or (null) above the form. */
function fieldOf(error, action, sent) {
  const path = error.field?.[0] === 'input' ? error.field.slice(1) : error.field ?? []
  if (path[0] === 'comment') return ['comment']
  if (path[0] !== 'judgments' || path.length < 2) return null
  const criterionId = /^\d+$/.test(path[1]) ? sent[Number(path[1])]?.criterionId : path[1]
  const requirement = action.judgments.find((j) => j.criterionId === criterionId)
  if (!requirement) return null
  return ['judgments', criterionId, requirement.kind === 'SCORED' ? 'points' : path[2] === 'note' ? 'note' : 'passed']
}

export default function ActionForm({ application, kind, role, onDone }) {
  const { message, modal } = App.useApp()
  const [form] = Form.useForm()
  const mine = application.availableActions.filter((a) => a.role === role)
  const allowed = mine.filter((a) => a.allowed)
  const [chosenId, setChosenId] = useState(allowed[0]?.id)
  const [problems, setProblems] = useState([])
  const [busy, setBusy] = useState(false)
  const action = allowed.find((a) => a.id === chosenId)

  if (!mine.length) {
    const roles = [...new Set(application.availableActions.map((a) => ROLE_LABELS[a.role]))]
    return (
      <Card title="办理" style={{ marginBottom: 16 }}>
        <Empty description={roles.length ? `本环节由${roles.join('、')}办理，您无需操作` : '本申请已办结'} />
      </Card>
    )
  }

  /** Forget the API's last refusals (another action chosen, or a new attempt). */
  function clearRefusals() {
    setProblems([])
    form.setFields(action.judgments.flatMap((j) => ['passed', 'points', 'note'].map((k) => ({ name: ['judgments', j.criterionId, k], errors: [] })))
      .concat([{ name: ['comment'], errors: [] }]))
  }

  async function send(values) {
    const sent = decided(action, values)
    setBusy(true)
    clearRefusals()
    try {
      const { actOnApplication: result } = await request('ActOnApplication', { input: {
        id: application.id, expectedVersion: application.version, action: action.id, comment: values.comment ?? '', judgments: sent,
      } })
      if (!result.errors.length) {
        message.success(`已办理“${action.title}”，进入“${result.application.stage.title}”`)
        form.resetFields()
        onDone()
        return
      }
      const general = []
      const byField = new Map()
      for (const error of result.errors) {
        const field = fieldOf(error, action, sent)
        if (field) byField.set(JSON.stringify(field), [...(byField.get(JSON.stringify(field)) ?? []), refusalText(error)])
        else general.push(error)
      }
      form.setFields([...byField].map(([name, errors]) => ({ name: JSON.parse(name), errors })))
      setProblems(general)
    } catch (error) {
      setProblems([{ code: error.code, message: error.message }])
    } finally {
      setBusy(false)
    }
  }

  const confirm = (values) => modal.confirm({
    title: `确定“${action.title}”？`,
    content: `办理后申请将进入“${kind.stageById[action.target]?.title ?? action.target}”。`,
    okText: '确定', cancelText: '取消',
    onOk: () => send(values),
  })

  const refusedHere = mine.filter((a) => !a.allowed)
  return (
    <Card title="办理" style={{ marginBottom: 16 }}>
      {refusedHere.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="以下事项您现在不能办理"
          description={<ul style={{ ...LIST, marginBottom: 0 }}>{refusedHere.map((a) => <li key={a.id}>{a.title}：{refusalText({ code: a.reasonCode, message: a.reason })}</li>)}</ul>} />
      )}
      {problems.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title="未能办理"
          action={problems.some((p) => p.code === 'STALE_VERSION') && <Button size="small" onClick={onDone}>重新载入申请</Button>}
          description={<ul style={{ ...LIST, marginBottom: 0 }}>{problems.map((p) => <li key={`${p.code}${p.message}`}>{refusalText(p)}</li>)}</ul>} />
      )}
      {action && (
        <Form form={form} layout="vertical" onFinish={confirm} aria-label="办理"
          onValuesChange={(changed) => form.setFields(pathsOf(changed).map((name) => ({ name, errors: [] })))}>
          <Form.Item label="办理事项">
            <Radio.Group optionType="button" value={chosenId} aria-label="办理事项"
              onChange={(event) => {
                clearRefusals()
                setChosenId(event.target.value)
              }}
              options={allowed.map((a) => ({ label: a.title, value: a.id }))} />
          </Form.Item>
          <Requirements action={action} kind={kind} />
          {action.judgments.length > 0 && <Judgments requirements={action.judgments} />}
          <Form.Item name="comment" label="审核意见" required={action.commentRequired} htmlFor="action-comment">
            <Input.TextArea id="action-comment" rows={3} placeholder={action.commentRequired ? '请写明理由' : '可选'} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>{action.title}</Button>
        </Form>
      )}
    </Card>
  )
}
