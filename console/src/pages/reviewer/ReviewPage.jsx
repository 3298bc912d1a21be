// One application as its reviewers see it: who filed what, where it stands, each criterion with
// its article and outcome, the reviews before theirs, its history, and the form to act on it.
import { Button, Card, Descriptions, Spin, Tabs } from 'antd'
import { ArrowLeftOutlined } from '@ant-design/icons'
import { useNavigate, useParams } from 'react-router'
import ActionForm from './ActionForm'
import StoredEvaluation from '../../components/StoredEvaluation'
import { Events, Reviews, StageSteps } from '../../components/History'
import LoadError from '../../components/LoadError'
import SchemaForm from '../../components/SchemaForm'
import { PageTitle } from '../../components/Shell'
import { RecognitionStatusTag, StatusTag } from '../../components/Tags'
import { areaOf, formatDate, formatDateTime } from '../../lib/format'
import { session } from '../../lib/session'
import { useFormSchema, useSchemes } from '../../lib/schemes'
import { useQuery } from '../../lib/useQuery'

export default function ReviewPage() {
  const { id } = useParams()
  const navigate = useNavigate()
  const schemes = useSchemes()
  const loaded = useQuery('ReviewApplication', { id })
  const application = loaded.data?.application
  const formSchema = useFormSchema(application?.schemeId, application?.kind)

  if (!application || !schemes) {
    if (loaded.loading || !schemes) return <Spin />
    return <LoadError error={loaded.error ?? new Error('未找到该申请，或不在您的辖区内')} retry={loaded.reload} />
  }
  const scheme = schemes.byId[application.schemeId]
  const kind = scheme.kindById[application.kind]
  const round = scheme.rounds.find((r) => r.id === application.roundId)
  const { institution, recognition } = application

  return (
    <>
      <PageTitle extra={<Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/review')}>返回待办</Button>}>
        {institution.name}：{kind.title}
      </PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label="认定事项">{scheme.title}（{scheme.documentNumber}）</Descriptions.Item>
          <Descriptions.Item label="申报机构">{institution.name}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{institution.creditCode}</Descriptions.Item>
          <Descriptions.Item label="所在地">{areaOf(institution)}</Descriptions.Item>
          <Descriptions.Item label="机构类型">{institution.orgTypeLabel}</Descriptions.Item>
          <Descriptions.Item label="联系人">
            {institution.contacts.map((c) => `${c.name} ${c.phone ?? ''}`).join('；') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="状态"><StatusTag value={application.status} /></Descriptions.Item>
          <Descriptions.Item label="当前环节">{application.stage.title}{application.stage.citation ? `（${application.stage.citation}）` : ''}</Descriptions.Item>
          <Descriptions.Item label="进入本环节">{formatDateTime(application.stageEnteredAt)}</Descriptions.Item>
          {round && <Descriptions.Item label="申报批次">{round.title}</Descriptions.Item>}
          {application.occupations.length > 0 && <Descriptions.Item label="职业（工种）">{application.occupations.join('、')}</Descriptions.Item>}
          <Descriptions.Item label="提交时间">{formatDateTime(application.submittedAt)}</Descriptions.Item>
          {application.score != null && <Descriptions.Item label="得分">{application.score}{application.grade ? `（${application.grade}）` : ''}</Descriptions.Item>}
          {recognition && (
            <Descriptions.Item label="所涉认定">
              {recognition.title} <RecognitionStatusTag value={recognition.status} />
              {recognition.validUntil ? ` 有效期至${formatDate(recognition.validUntil)}` : ''}
            </Descriptions.Item>
          )}
        </Descriptions>
        <StageSteps kind={kind} stage={application.stage} events={application.events} />
      </Card>
      <Card style={{ marginBottom: 16 }}>
        <Tabs items={[
          {
            key: 'results', label: '审查结果',
            children: <StoredEvaluation application={application} scheme={scheme} formSchema={formSchema} />,
          },
          { key: 'form', label: '申报内容', children: formSchema ? <SchemaForm schema={formSchema} formData={application.form} readonly /> : <Spin /> },
          { key: 'reviews', label: `审核意见（${application.reviews.length}）`, children: <Reviews reviews={application.reviews} kind={kind} scheme={scheme} /> },
          { key: 'events', label: '办理记录', children: <Events events={application.events} kind={kind} /> },
        ]} />
      </Card>
      <ActionForm key={application.version} application={application} kind={kind} role={session.viewer.role} onDone={loaded.reload} />
    </>
  )
}
