// 新建申请 / 修改申请: choose institution, scheme and kind, fill in the kind's form (rendered from
// its published JSON Schema), pre-check it with the dry run, save it as a draft and submit it.
// Whatever the API refuses is shown on the field its `errors` name.
import { useEffect, useRef, useState } from 'react'
import { Alert, App, Button, Card, Descriptions, Form, Select, Space, Spin, Typography } from 'antd'
import { useNavigate, useParams } from 'react-router'
import PreCheckDrawer from '../../components/PreCheckDrawer'
import SchemaForm from '../../components/SchemaForm'
import { PageTitle } from '../../components/Shell'
import LoadError from '../../components/LoadError'
import { formatDate, todayIso } from '../../lib/format'
import { request } from '../../lib/graphql'
import { useMyInstitutions } from '../../lib/institutions'
import { sortErrors } from '../../lib/schemaForm'
import { useFormSchema, useSchemes } from '../../lib/schemes'
import { useQuery } from '../../lib/useQuery'

const NO_ERRORS = { form: {}, inputs: {}, general: [] }
const INPUTS = ['institutionId', 'schemeId', 'kind', 'roundId', 'recognitionId', 'occupations']

export default function ApplicationEditor() {
  const { id } = useParams()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const schemes = useSchemes()
  const mine = useMyInstitutions()
  const loaded = useQuery('Application', { id }, { skip: !id })
  const application = loaded.data?.application
  const [choice, setChoice] = useState({ occupations: [] })
  const [formData, setFormData] = useState(undefined)
  const [saved, setSaved] = useState(null) // what the server holds, to know whether to save before submitting
  const [errors, setErrors] = useState(NO_ERRORS)
  const [check, setCheck] = useState(null)
  const [busy, setBusy] = useState(null)
  const formRef = useRef(null)
  const intent = useRef(null)

  useEffect(() => {
    if (!application) return
    const { institution, schemeId, kind, roundId, occupations, form } = application
    setChoice({ institutionId: institution.id, schemeId, kind, roundId, occupations })
    setFormData(form)
    setSaved(JSON.stringify({ form, occupations, roundId }))
  }, [application])

  const scheme = schemes?.byId[choice.schemeId]
  const kind = scheme?.kindById[choice.kind]
  const formSchema = useFormSchema(choice.schemeId, choice.kind)
  const institution = mine.list.find((inst) => inst.id === choice.institutionId)
  const today = todayIso()
  const filedByApplicant = (k) => k.initiators.includes('APPLICANT')
  const choose = (key) => (value) => {
    setChoice((c) => ({ ...c, [key]: value, ...(key === 'schemeId' ? { kind: undefined, roundId: undefined, recognitionId: undefined } : {}),
      ...(key === 'kind' || key === 'institutionId' ? { roundId: undefined, recognitionId: undefined } : {}) }))
    if (key === 'schemeId' || key === 'kind') setFormData(undefined)
    setErrors(NO_ERRORS)
  }

  if (id && !application) {
    return loaded.loading ? <Spin /> : <LoadError error={loaded.error ?? new Error('未找到该申请')} retry={loaded.reload} />
  }
  if (application && !application.stage.editable) {
    return <Alert type="warning" showIcon title={`该申请处于“${application.stage.title}”环节，不能修改`} />
  }

  const draft = () => ({ form: formData ?? {}, occupations: choice.occupations ?? [], roundId: choice.roundId ?? null })

  /** The API refused: its errors go on their fields, and the page scrolls to the first. Returns null. */
  function refused(list) {
    setErrors({ ...sortErrors(list, { inputs: INPUTS, aliases: { round: 'roundId' } }), count: list.length })
    message.error('有内容需要更正，请查看标红的字段')
    setTimeout(() => document.querySelector('.ant-form-item-has-error, .form-table-cell-error')
      ?.scrollIntoView({ block: 'center' }), 100)
    return null
  }

  /** The draft as saved on the server ({id, version}), saving it first when it changed; null if refused. */
  async function save() {
    const { form, occupations, roundId } = draft()
    if (!application) {
      const { createApplication: result } = await request('CreateApplication', { input: {
        institutionId: choice.institutionId, schemeId: choice.schemeId, kind: choice.kind, roundId,
        recognitionId: choice.recognitionId ?? null, form, occupations } })
      if (result.errors.length) return refused(result.errors)
      return result.application
    }
    if (saved === JSON.stringify({ form, occupations, roundId })) return application
    const { editApplication: result } = await request('EditApplication', { input: {
      id: application.id, expectedVersion: application.version, form, occupations, roundId } })
    if (result.errors.length) return refused(result.errors)
    return result.application
  }

  const actions = {
    async check(form) {
      const { evaluate } = await request('Evaluate', { input: {
        institutionId: choice.institutionId, schemeId: choice.schemeId, kind: choice.kind, form, occupations: choice.occupations ?? [] } })
      if (evaluate.errors.length) return refused(evaluate.errors)
      setCheck(evaluate)
    },
    async save() {
      const result = await save()
      if (!result) return
      message.success('草稿已保存')
      if (application) loaded.reload()
      else navigate(`/applications/${result.id}/edit`, { replace: true })
    },
    async submit() {
      const result = await save()
      if (!result) return
      const { submitApplication: submitted } = await request('SubmitApplication', { input: { id: result.id, expectedVersion: result.version } })
      if (submitted.errors.length) {
        if (!application) navigate(`/applications/${result.id}/edit`, { replace: true })
        else loaded.reload()
        return refused(submitted.errors)
      }
      message.success(`已提交，进入“${submitted.application.stage.title}”环节`)
      navigate(`/applications/${result.id}`)
    },
  }

  /** Every button goes through the form's own validation first; then the chosen action runs. */
  function start(action) {
    const missing = ['institutionId', 'schemeId', 'kind'].filter((key) => !choice[key])
    if (kind?.needsRound && !choice.roundId) missing.push('roundId')
    if (kind?.purpose === 'concerns_recognition' && !choice.recognitionId && !application) missing.push('recognitionId')
    if (missing.length) {
      setErrors({ ...NO_ERRORS, inputs: Object.fromEntries(missing.map((key) => [key, ['必填']])) })
      return
    }
    intent.current = action
    formRef.current?.submit()
  }

  async function run(form) {
    const action = intent.current
    setBusy(action)
    setErrors(NO_ERRORS)
    try {
      setFormData(form)
      await actions[action](form)
    } catch (error) {
      setErrors({ ...NO_ERRORS, general: [error.message] })
    } finally {
      setBusy(null)
    }
  }

  const help = (key) => errors.inputs[key]?.join('；')
  const status = (key) => (errors.inputs[key] ? 'error' : undefined)
  const rounds = scheme?.rounds.filter((r) => r.kinds.includes(choice.kind)) ?? []
  const recognitions = institution?.recognitions.filter((r) => r.schemeId === choice.schemeId) ?? []

  return (
    <>
      <PageTitle>{application ? '修改申请' : '新建申请'}</PageTitle>
      <Card title="申请信息" style={{ marginBottom: 16 }}>
        {application && (
          <Descriptions column={{ xs: 1, md: 3 }} size="small">
            <Descriptions.Item label="申报机构">{application.institution.name}</Descriptions.Item>
            <Descriptions.Item label="认定事项">{scheme?.title}</Descriptions.Item>
            <Descriptions.Item label="申请事项">{kind?.title}</Descriptions.Item>
          </Descriptions>
        )}
        <Form layout="vertical" style={application ? { marginTop: 16 } : undefined}>
          <Space size="large" wrap align="start">
            {!application && (
              <>
                <Form.Item label="申报机构" htmlFor="choice-institution" required validateStatus={status('institutionId')} help={help('institutionId')}>
                  <Select id="choice-institution" style={{ width: 320 }} value={choice.institutionId} onChange={choose('institutionId')}
                    showSearch optionFilterProp="label" placeholder="选择机构" loading={mine.loading}
                    options={mine.list.map((inst) => ({ label: inst.name, value: inst.id }))} />
                </Form.Item>
                <Form.Item label="认定事项" htmlFor="choice-scheme" required validateStatus={status('schemeId')} help={help('schemeId')}>
                  <Select id="choice-scheme" style={{ width: 360 }} value={choice.schemeId} onChange={choose('schemeId')} placeholder="选择认定事项"
                    options={schemes?.list.filter((s) => s.kinds.some(filedByApplicant)).map((s) => ({ label: s.title, value: s.id }))} />
                </Form.Item>
                <Form.Item label="申请事项" htmlFor="choice-kind" required validateStatus={status('kind')} help={help('kind')}>
                  <Select id="choice-kind" style={{ width: 300 }} value={choice.kind} onChange={choose('kind')} placeholder="选择申请事项"
                    disabled={!scheme} options={scheme?.kinds.filter(filedByApplicant).map((k) => ({ label: k.title, value: k.id }))} />
                </Form.Item>
                {kind?.purpose === 'concerns_recognition' && (
                  <Form.Item label="针对的认定" htmlFor="choice-recognition" required validateStatus={status('recognitionId')}
                    help={help('recognitionId') ?? (institution && !recognitions.length ? '该机构尚无此事项的认定' : undefined)}>
                    <Select id="choice-recognition" style={{ width: 320 }} value={choice.recognitionId} onChange={choose('recognitionId')}
                      options={recognitions.map((r) => ({ label: `${r.title}（${formatDate(r.grantedOn)}认定）`, value: r.id }))} />
                  </Form.Item>
                )}
              </>
            )}
            {kind?.needsRound && (
              <Form.Item label="申报批次" htmlFor="choice-round" required validateStatus={status('roundId')} help={help('roundId')}>
                <Select id="choice-round" style={{ width: 420 }} value={choice.roundId} onChange={choose('roundId')} placeholder="选择批次"
                  options={rounds.map((r) => ({ value: r.id,
                    label: `${r.title}（${formatDate(r.opensOn)}至${formatDate(r.closesOn)}${r.closesOn < today ? '，已截止' : ''}）` }))} />
              </Form.Item>
            )}
            {kind && scheme.quotaRules.length > 0 && (
              <Form.Item label="申报职业（工种）" htmlFor="choice-occupations" validateStatus={status('occupations')}
                help={help('occupations') ?? '名额按职业（工种）计算，输入职业编码后回车'}>
                <Select id="choice-occupations" mode="tags" style={{ width: 420 }} value={choice.occupations} open={false} suffixIcon={null}
                  onChange={(value) => setChoice((c) => ({ ...c, occupations: value }))} tokenSeparators={[',', '，', ' ']} />
              </Form.Item>
            )}
          </Space>
        </Form>
        {kind && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            依据：{scheme.documentNumber} {kind.citation}
          </Typography.Paragraph>
        )}
      </Card>
      {errors.general.length > 0 && (
        <Alert type="error" showIcon title="未能完成" description={errors.general.join('；')} style={{ marginBottom: 16 }} />
      )}
      {kind && (
        <Card title={`申报表：${kind.title}`} style={{ marginBottom: 16 }}>
          {formSchema ? (
            <div className="schema-form">
              <SchemaForm ref={formRef} schema={formSchema} formData={formData} onChange={setFormData} onSubmit={run} extraErrors={errors.form} />
            </div>
          ) : <Spin />}
        </Card>
      )}
      {kind && (
        <Card className="editor-actions">
          {errors.count > 0 && (
            <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`有 ${errors.count} 处需要更正，已在相应字段标出`} />
          )}
          <Space wrap>
            <Button onClick={() => start('check')} loading={busy === 'check'}>预审</Button>
            <Button onClick={() => start('save')} loading={busy === 'save'}>保存草稿</Button>
            <Button type="primary" onClick={() => start('submit')} loading={busy === 'submit'}>提交申请</Button>
            <Button type="text" onClick={() => navigate(application ? `/applications/${application.id}` : '/applications')}>取消</Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            预审按认定条件逐条核验所填内容，不保存、不提交；提交后进入审核，不能再修改。
          </Typography.Paragraph>
        </Card>
      )}
      <PreCheckDrawer result={check} formSchema={formSchema} onClose={() => setCheck(null)} />
    </>
  )
}
