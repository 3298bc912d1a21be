// An application's course: the stages of its workflow, the reviews recorded at each, and every
// event of its log, in the words of the scheme (stage and transition titles) and of people.
import { Card, Empty, Space, Steps, Table, Timeline, Typography } from 'antd'
import { ColorTag } from './Tags'
import { formatDateTime, roleLabel } from '../lib/format'

/** The stages in the order the workflow declares them, up to the one it ended in; an application
 * that ended without approval shows only the stages it went through, then how it ended. */
export function StageSteps({ kind, stage, events }) {
  const open = kind.stages.filter((s) => !s.terminal)
  const failed = stage.terminal && stage.status !== 'APPROVED'
  let steps
  if (failed) {
    const visited = new Set([kind.initialStage, ...events.filter((e) => e.action === 'application.transitioned')
      .flatMap((e) => [e.details?.from, e.details?.to])])
    steps = [...open.filter((s) => visited.has(s.id)), stage]
  } else {
    steps = [...open, stage.terminal ? stage : kind.stages.find((s) => s.terminal && s.status === 'APPROVED')].filter(Boolean)
  }
  const current = steps.findIndex((s) => s.id === stage.id)
  return (
    <Steps size="small" current={current} status={failed ? 'error' : stage.terminal ? 'finish' : 'process'}
      items={steps.map((s) => ({ title: s.title }))} style={{ marginBottom: 8 }} />
  )
}

export function Reviews({ reviews, kind, scheme }) {
  if (!reviews.length) return <Empty description="尚无审核意见" />
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {reviews.map((review) => {
        const transition = kind.transitionById[review.transition]
        const returned = kind.stageById[review.decision]?.editable
        return (
          <Card key={`${review.createdAt}-${review.transition}`} size="small"
            title={<Space>{kind.stageById[review.stage]?.title ?? review.stage}{returned && <ColorTag color="warning">退回补正</ColorTag>}</Space>}
            extra={formatDateTime(review.createdAt)}>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              {roleLabel(review.role)} {review.reviewer}：{transition?.title ?? review.transition}
            </Typography.Paragraph>
            {review.comment && <Typography.Paragraph style={{ marginBottom: 4 }}>意见：{review.comment}</Typography.Paragraph>}
            {review.judgments.length > 0 && (
              <Table size="small" pagination={false} rowKey="criterionId" dataSource={review.judgments} columns={[
                { title: '条件', key: 'c', render: (_, j) => {
                  const c = scheme.criterionById[j.criterionId]
                  return c ? `${c.citation} ${c.title}` : j.criterionId
                } },
                { title: '判定', key: 'p', width: 90, render: (_, j) => (j.passed == null ? '—' : j.passed ? '符合' : '不符合') },
                { title: '评分', dataIndex: 'points', width: 80, render: (p) => p ?? '—' },
                { title: '说明', dataIndex: 'note', render: (n) => n || '—' },
              ]} />
            )}
          </Card>
        )
      })}
    </Space>
  )
}

function describe(event, kind) {
  const d = event.details ?? {}
  switch (event.action) {
    case 'application.created': return '创建申请（草稿）'
    case 'application.edited': return '修改申报内容'
    case 'application.transitioned': {
      const title = kind.transitionById[d.transition]?.title ?? d.transition
      const target = kind.stageById[d.to]?.title ?? d.to
      return `${title}，进入“${target}”${d.comment ? `。意见：${d.comment}` : ''}`
    }
    case 'recognition.granted': return '授予认定'
    default: return event.action
  }
}

export function Events({ events, kind }) {
  if (!events.length) return <Empty description="尚无记录" />
  return (
    <Timeline items={events.map((event, i) => ({
      key: i,
      content: (
        <>
          <Typography.Text type="secondary">{formatDateTime(event.at)}　{roleLabel(event.role)} {event.actor}</Typography.Text>
          <div>{describe(event, kind)}</div>
        </>
      ),
    }))} />
  )
}
