// The dry run's answer: whether the automatic gates pass, the assessment, and every criterion.
import { Alert, Drawer, Typography } from 'antd'
import CriterionResults from './CriterionResults'

export function AssessmentSummary({ assessment }) {
  if (!assessment || (assessment.total == null && !assessment.lines.length)) return null
  return (
    <div style={{ marginBottom: 16 }}>
      {assessment.total != null && (
        <Typography.Paragraph strong>
          合计 {assessment.total}{assessment.maximum != null ? ` / ${assessment.maximum}` : ''} 分
          {assessment.grade ? `，等级：${assessment.grade}` : ''}
        </Typography.Paragraph>
      )}
      {assessment.lines.map((line) => <Typography.Paragraph key={line} style={{ marginBottom: 4 }}>{line}</Typography.Paragraph>)}
    </div>
  )
}

export default function PreCheckDrawer({ result, formSchema, onClose }) {
  const failed = result?.results.filter((r) => r.outcome === 'FAIL') ?? []
  const pending = result?.results.filter((r) => r.outcome === 'PENDING') ?? []
  return (
    <Drawer title="预审结果" open={Boolean(result)} onClose={onClose} size={1000}
      styles={{ body: { overflow: 'hidden', display: 'flex', flexDirection: 'column' } }}>
      {result && (
        // the scrolling part, reachable by keyboard
        <div tabIndex={0} role="region" aria-label="逐项核验结果" style={{ overflow: 'auto', flex: 1 }}>
          {result.eligible ? (
            <Alert type="success" showIcon style={{ marginBottom: 16 }} title="自动核验的必备条件均已符合"
              description={pending.length ? `另有 ${pending.length} 项须由评审人员判定。` : undefined} />
          ) : (
            <Alert type="error" showIcon style={{ marginBottom: 16 }} title={`有 ${failed.length} 项必备条件不符合`}
              description={failed.map((r) => `${r.citation} ${r.title}`).join('；')} />
          )}
          <AssessmentSummary assessment={result.assessment} />
          <CriterionResults results={result.results} formSchema={formSchema} />
        </div>
      )}
    </Drawer>
  )
}
