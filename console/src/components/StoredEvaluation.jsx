// The stored evaluation of an application: which plugin and scheme version checked it and when,
// the assessment, and every criterion with its article and outcome.
import { Typography } from 'antd'
import CriterionResults from './CriterionResults'
import { AssessmentSummary } from './PreCheckDrawer'
import { formatDate } from '../lib/format'

export default function StoredEvaluation({ application, scheme, formSchema }) {
  const { evaluation } = application
  return (
    <>
      {evaluation && (
        <Typography.Paragraph type="secondary">
          {formatDate(evaluation.evaluatedOn)}按{scheme.documentNumber}核验（{evaluation.plugin} {evaluation.pluginVersion}，方案版本 {evaluation.schemeVersion}）
        </Typography.Paragraph>
      )}
      <AssessmentSummary assessment={evaluation} />
      <CriterionResults results={application.criterionResults} formSchema={formSchema} />
    </>
  )
}
