// One application as its applicant follows it: where it stands, what was checked against which
// article, what reviewers said (and whether it came back for more information), its history,
// the form as filed, and the recognition it led to.
import { useState } from 'react'
import { Alert, App, Button, Card, Descriptions, Input, Space, Spin, Tabs, Typography } from 'antd'
import { EditOutlined, SendOutlined } from '@ant-design/icons'
import { useNavigate, useParams } from 'react-router'
import CriterionResults from '../../components/CriterionResults'
import { Events, Reviews, StageSteps } from '../../components/History'
import LoadError from '../../components/LoadError'
import { AssessmentSummary } from '../../components/PreCheckDrawer'
import SchemaForm from '../../components/SchemaForm'
import { PageTitle } from '../../components/Shell'
import { RecognitionStatusTag, StatusTag } from '../../components/Tags'
import { formatDate, formatDateTime } from '../../lib/format'
import { request } from '../../lib/graphql'
import { useFormSchema, useSchemes } from '../../lib/schemes'
import { useQuery } from '../../lib/useQuery'

export default function ApplicationPage() {
  const { id } = useParams()
  const navigate = useNavigate()
  const { message, modal } = App.useApp()
  const schemes = useSchemes()
  const loaded = useQuery('Application', { id })
  const application = loaded.data?.application
  const formSchema = useFormSchema(application?.schemeId, application?.kind)
  const [problems, setProblems] = useState([])
  const [busy, setBusy] = useState(false)

  if (!application || !schemes) {
    if (loaded.loading || !schemes) return <Spin />
    return <LoadError error={loaded.error ?? new Error('未找到该申请，或您无权查看')} retry={loaded.reload} />
  }
  const scheme = schemes.byId[application.schemeId]
  const kind = scheme.kindById[application.kind]
  const round = scheme.rounds.find((r) => r.id === application.roundId)
  const lastReview = application.reviews[application.reviews.length - 1]
  const returned = application.stage.editable && lastReview && lastReview.decision === application.stage.id

  /** Run a mutation on this application; its refusals are shown above, the page reloads either way. */
  async function change(name, input, payload) {
    setBusy(true)
    setProblems([])
    try {
      const result = (await request(name, { input: { id: application.id, expectedVersion: application.version, ...input } }))[payload]
      if (result.errors.length) setProblems(result.errors.map((e) => e.message))
      else message.success(`已办理，进入“${result.application.stage.title}”环节`)
      loaded.reload()
    } catch (error) {
      setProblems([error.message])
    } finally {
      setBusy(false)
    }
  }

  // The applicant's own moves: submitting a draft (its own button), and whatever else the stage
  // lets the applicant do (撤回, 报送整改情况 …), taken with a written reason when one is required.
  const editable = application.stage.editable
  const ownMoves = application.availableActions.filter((a) => a.role === 'APPLICANT').map((a) => kind.transitionById[a.id])
    .filter((t) => t && !(editable && !kind.stageById[t.target]?.terminal))
  const take = (transition) => {
    let comment = ''
    modal.confirm({
      title: `${transition.title}？`,
      content: transition.commentRequired
        ? <Input.TextArea aria-label="理由" placeholder="请写明理由" onChange={(event) => { comment = event.target.value }} />
        : `将进入“${kind.stageById[transition.target]?.title}”。`,
      okText: '确定', cancelText: '取消',
      onOk: () => change('ActOnApplication', { action: transition.id, comment }, 'actOnApplication'),
    })
  }
  const actions = (
    <>
      {editable && <Button icon={<EditOutlined />} onClick={() => navigate(`/applications/${application.id}/edit`)}>修改</Button>}
      {ownMoves.map((t) => <Button key={t.id} loading={busy} onClick={() => take(t)}>{t.title}</Button>)}
      {editable && (
        <Button type="primary" icon={<SendOutlined />} loading={busy}
          onClick={() => change('SubmitApplication', {}, 'submitApplication')}>提交申请</Button>
      )}
    </>
  )

  return (
    <>
      <PageTitle extra={actions}>{kind.title}</PageTitle>
      {returned && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="审核人员要求补正材料"
          description={`${lastReview.comment || '请按审核意见修改后重新提交。'}（${formatDateTime(lastReview.createdAt)}）`} />
      )}
      {problems.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 16 }} title="未能提交" description={problems.join('；')} />}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label="认定事项">{scheme.title}</Descriptions.Item>
          <Descriptions.Item label="申报机构">{application.institution.name}</Descriptions.Item>
          <Descriptions.Item label="状态"><StatusTag value={application.status} /></Descriptions.Item>
          <Descriptions.Item label="当前环节">{application.stage.title}{application.stage.citation ? `（${application.stage.citation}）` : ''}</Descriptions.Item>
          {round && <Descriptions.Item label="申报批次">{round.title}</Descriptions.Item>}
          {application.occupations.length > 0 && <Descriptions.Item label="职业（工种）">{application.occupations.join('、')}</Descriptions.Item>}
          <Descriptions.Item label="创建时间">{formatDateTime(application.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="提交时间">{formatDateTime(application.submittedAt)}</Descriptions.Item>
          {application.score != null && <Descriptions.Item label="得分">{application.score}{application.grade ? `（${application.grade}）` : ''}</Descriptions.Item>}
        </Descriptions>
        <StageSteps kind={kind} stage={application.stage} events={application.events} />
      </Card>
      {application.recognition && (
        <Card title="认定" size="small" style={{ marginBottom: 16 }}>
          <Space wrap>
            <span>{application.recognition.title}</span>
            <RecognitionStatusTag value={application.recognition.status} />
            <span>认定日期：{formatDate(application.recognition.grantedOn)}</span>
            <span>有效期至：{application.recognition.validUntil ? formatDate(application.recognition.validUntil) : '未设期限'}</span>
            {application.recognition.banUntil && <span>不得重新申请至：{formatDate(application.recognition.banUntil)}</span>}
          </Space>
        </Card>
      )}
      <Card>
        <Tabs items={[
          {
            key: 'results', label: '审查结果',
            children: (
              <>
                {application.evaluation && (
                  <Typography.Paragraph type="secondary">
                    {formatDate(application.evaluation.evaluatedOn)}按{scheme.documentNumber}核验（{application.evaluation.plugin} {application.evaluation.pluginVersion}，方案版本 {application.evaluation.schemeVersion}）
                  </Typography.Paragraph>
                )}
                <AssessmentSummary assessment={application.evaluation} />
                <CriterionResults results={application.criterionResults} formSchema={formSchema} />
              </>
            ),
          },
          { key: 'reviews', label: `审核意见（${application.reviews.length}）`, children: <Reviews reviews={application.reviews} kind={kind} scheme={scheme} /> },
          { key: 'events', label: '办理记录', children: <Events events={application.events} kind={kind} /> },
          { key: 'form', label: '申报内容', children: formSchema ? <SchemaForm schema={formSchema} formData={application.form} readonly /> : <Spin /> },
        ]} />
      </Card>
    </>
  )
}
