// 评分表: an expert of the panel scores one application against the kind's rubric. Blind until they
// have submitted (the API shows no one else's scores before); then the panel's points, means and
// subtotals. A conflict of interest is shown with its reason, and the sheet takes no score then.
import { useState } from 'react'
import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Spin, Statistic, Tabs, Typography } from 'antd'
import { useNavigate, useParams } from 'react-router'
import CriterionResults from '../../components/CriterionResults'
import LoadError from '../../components/LoadError'
import SchemaForm from '../../components/SchemaForm'
import { PageTitle } from '../../components/Shell'
import { areaOf, formatDate, formatDateTime } from '../../lib/format'
import { request } from '../../lib/graphql'
import { useFormSchema, useSchemes } from '../../lib/schemes'
import { session } from '../../lib/session'
import { useQuery } from '../../lib/useQuery'
import Rubric, { rubricOf } from './Rubric'
import { conflictOf, hasScored, scoringActionOf } from './panel'

const NO_ERRORS = { items: {}, comment: null, general: [] }
const byId = (list, key = 'criterionId') => Object.fromEntries(list.map((x) => [x[key], x]))

/** The API's `errors` on the sheet: judgments[i] is the i-th item sent, so its message goes under that item. */
function sortErrors(errors, sent) {
  const sorted = { items: {}, comment: null, general: [] }
  for (const { field, message } of errors) {
    const [, input, index] = field
    const item = input === 'judgments' ? sent[Number(index)]?.criterionId : null
    if (item) (sorted.items[item] ??= []).push(message)
    else if (input === 'comment') sorted.comment = message
    else sorted.general.push(message)
  }
  return sorted
}

/** Each expert of the panel who has scored at this stage, with their latest judgments, the viewer first. */
function panelOf(application, username) {
  const reviews = application.reviews.filter((r) => r.stage === application.stage.id && r.role === application.stage.panel)
  const latest = new Map()
  for (const review of reviews) latest.set(review.reviewer, review)
  return [...latest.values()]
    .sort((a, b) => (b.reviewer === username) - (a.reviewer === username))
    .map((review) => ({ name: review.reviewer, label: review.reviewer === username ? '我的评分' : review.reviewer,
      comment: review.comment, at: review.createdAt, judgments: byId(review.judgments) }))
}

export default function ScoringSheet() {
  const { id } = useParams()
  const navigate = useNavigate()
  const { message, modal } = App.useApp()
  const schemes = useSchemes()
  const loaded = useQuery('ScoringSheet', { id })
  const application = loaded.data?.application
  const formSchema = useFormSchema(application?.schemeId, application?.kind)
  const [values, setValues] = useState({})
  const [comment, setComment] = useState('')
  const [errors, setErrors] = useState(NO_ERRORS)
  const [busy, setBusy] = useState(false)

  if (!application || !schemes) {
    if (loaded.loading || !schemes) return <Spin />
    return <LoadError error={loaded.error ?? new Error('未找到该申请，或您无权查看')} retry={loaded.reload} />
  }
  const { username, role } = session.viewer
  const scheme = schemes.byId[application.schemeId]
  const kind = scheme.kindById[application.kind]
  const action = scoringActionOf(application, role)
  const conflict = conflictOf(application)
  const scored = hasScored(application, username)
  const requirements = byId(action?.judgments ?? [])
  const categories = rubricOf(application, requirements)
  const results = byId(application.criterionResults)
  const panel = scored ? { experts: panelOf(application, username) } : null
  const entering = action && !scored && !conflict
  const otherMoves = application.availableActions.filter((a) => a.role === role && a.source !== a.target && a.allowed)

  async function submit() {
    const sent = (action.judgments).map((r) => (r.kind === 'GATE'
      ? { criterionId: r.criterionId, passed: values[r.criterionId]?.passed ?? null }
      : { criterionId: r.criterionId, points: values[r.criterionId]?.points ?? null }))
    setBusy(true)
    setErrors(NO_ERRORS)
    try {
      const { actOnApplication: result } = await request('ActOnApplication', { input: {
        id: application.id, expectedVersion: application.version, action: action.id, comment, judgments: sent } })
      if (result.errors.length) {
        setErrors(sortErrors(result.errors, sent))
        message.error('评分未提交，请查看标红的项目')
        setTimeout(() => document.querySelector('.rubric-category .ant-form-item-has-error')?.scrollIntoView({ block: 'center' }), 100)
        return
      }
      message.success('评分已提交')
      loaded.reload()
    } catch (error) {
      setErrors({ ...NO_ERRORS, general: [error.message] })
    } finally {
      setBusy(false)
    }
  }

  function declareConflict() {
    let reason = ''
    modal.confirm({
      title: '申请回避',
      content: <Input.TextArea aria-label="回避理由" placeholder="与该机构的关联：任职、持股、亲属、顾问等"
        onChange={(event) => { reason = event.target.value }} />,
      okText: '确定', cancelText: '取消',
      onOk: async () => {
        const { declareConflictOfInterest: result } = await request('DeclareConflict', { input: { institutionId: application.institution.id, reason } })
        if (result.errors.length) {
          message.error(result.errors.map((e) => e.message).join('；'))
          throw new Error('refused') // keeps the dialog open
        }
        loaded.reload()
      },
    })
  }

  function take(move) {
    let moveComment = ''
    modal.confirm({
      title: `${move.title}？`,
      content: move.commentRequired
        ? <Input.TextArea aria-label="理由" placeholder="请写明理由" onChange={(event) => { moveComment = event.target.value }} />
        : `将进入“${kind.stageById[move.target]?.title}”。`,
      okText: '确定', cancelText: '取消',
      onOk: async () => {
        const { actOnApplication: result } = await request('ActOnApplication', { input: {
          id: application.id, expectedVersion: application.version, action: move.id, comment: moveComment } })
        if (result.errors.length) {
          setErrors({ ...NO_ERRORS, general: result.errors.map((e) => e.message) })
          loaded.reload()
          return
        }
        message.success(`已办理，进入“${result.application.stage.title}”环节`)
        navigate('/scoring') // it has left the panel's stage
      },
    })
  }

  const me = panel?.experts.find((e) => e.name === username)
  return (
    <>
      <PageTitle extra={<Button onClick={() => navigate('/scoring')}>返回评分任务</Button>}>评分表：{application.institution.name}</PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label="认定事项">{scheme.title}</Descriptions.Item>
          <Descriptions.Item label="申请事项">{kind.title}（{scheme.documentNumber} {kind.citation}）</Descriptions.Item>
          <Descriptions.Item label="评审环节">{application.stage.title}{application.stage.citation ? `（${application.stage.citation}）` : ''}</Descriptions.Item>
          <Descriptions.Item label="申报机构">{application.institution.name}</Descriptions.Item>
          <Descriptions.Item label="所在地区">{areaOf(application.institution)}</Descriptions.Item>
          <Descriptions.Item label="提交日期">{formatDate(application.submittedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      {conflict && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title="您须回避本申请，不能评分" description={conflict} />
      )}
      {entering && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="背靠背评分"
          description="提交本人评分前，看不到其他专家的打分和汇总；提交后显示专家组各项平均分和小计。" />
      )}
      {!action && !scored && !conflict && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="本环节没有需要您评分的事项" />
      )}
      {errors.general.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 16 }} title="未能办理" description={errors.general.join('；')} />}
      {panel && (
        <Card title={`专家组汇总（已评分专家 ${panel.experts.length} 人）`} style={{ marginBottom: 16 }}
          extra={otherMoves.map((move) => <Button key={move.id} onClick={() => take(move)}>{move.title}</Button>)}>
          <Space size={48} wrap>
            {application.evaluation?.total != null && (
              <Statistic title="总分" value={application.evaluation.total} suffix={application.evaluation.maximum != null ? `/ ${application.evaluation.maximum}` : ''} />
            )}
            {application.evaluation?.grade && <Statistic title="等级" value={application.evaluation.grade} />}
            {application.evaluation?.subtotals.map((s) => (
              <Statistic key={s.title} title={`${s.title}${s.citation ? `（${s.citation}）` : ''}`} value={s.points ?? '—'}
                suffix={s.maximum != null ? `/ ${s.maximum}` : ''} />
            ))}
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
            专家评分项按已评分专家的平均分计入，自动项按申报记录计算。{me && `您于${formatDateTime(me.at)}提交评分${me.comment ? `，意见：${me.comment}` : ''}。`}
          </Typography.Paragraph>
        </Card>
      )}
      <Card title={`评分表（${kind.citation}）`} style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div">
          <Rubric categories={categories} requirements={requirements} results={results} panel={panel}
            entering={entering ? { values, errors: errors.items, onChange: (item, value) => setValues((v) => ({ ...v, [item]: { ...v[item], ...value } })) } : null} />
          {entering && (
            <>
              <Form.Item label="评审意见" htmlFor="scoring-comment" validateStatus={errors.comment ? 'error' : undefined} help={errors.comment}>
                <Input.TextArea id="scoring-comment" rows={3} value={comment} onChange={(event) => setComment(event.target.value)}
                  placeholder="对本申请的总体意见（可选）" />
              </Form.Item>
              <Space wrap>
                <Button type="primary" loading={busy} onClick={submit}>提交评分</Button>
                <Button onClick={declareConflict}>申请回避</Button>
              </Space>
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                “{action.title}”（{action.citation}）：每项在所示分值范围内打分；提交后显示专家组汇总。
              </Typography.Paragraph>
            </>
          )}
        </Form>
      </Card>
      <Card>
        <Tabs items={[
          { key: 'form', label: '申报内容', children: formSchema ? <SchemaForm schema={formSchema} formData={application.form} readonly /> : <Spin /> },
          { key: 'results', label: '审查结果', children: <CriterionResults results={application.criterionResults} formSchema={formSchema} /> },
        ]} />
      </Card>
    </>
  )
}
