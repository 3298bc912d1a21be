// 新建账号 / 修改权限: createAccount and setAccountAccess in a dialog, with the API's field errors
// shown on the fields they name. An applicant acts for institutions (credit codes); every other
// role for areas, optionally for one scheme.
import { useEffect, useState } from 'react'
import { Alert, Form, Input, Modal, Select } from 'antd'
import { ROLE_LABELS } from '../../lib/format'
import { request } from '../../lib/graphql'
import { useSchemes } from '../../lib/schemes'
import { useVocabulary } from '../../lib/vocabulary'

const ROLES = Object.entries(ROLE_LABELS).filter(([role]) => role !== 'PUBLIC').map(([value, label]) => ({ value, label }))

/** The form's values for an account being changed. */
function valuesOf(account) {
  const scopes = account.scopes
  return {
    username: account.username, role: account.role, schemeId: scopes[0]?.schemeId ?? null,
    areas: scopes.filter((s) => s.areaCode).map((s) => s.areaCode),
    creditCodes: scopes.filter((s) => s.creditCode).map((s) => s.creditCode),
  }
}

/** The API's field path to the form's field: [input, scopes, 0, area] -> areas or creditCodes. */
function formField(path, role) {
  if (path[1] === 'scopes') return role === 'APPLICANT' ? 'creditCodes' : 'areas'
  return { username: 'username', password: 'password', displayName: 'displayName', role: 'role' }[path[1]]
}

/** `account`: the one whose access is changed; none: a new account. `onDone` after a change is saved. */
export default function AccountForm({ open, account, onClose, onDone }) {
  const [form] = Form.useForm()
  const vocabulary = useVocabulary()
  const schemes = useSchemes()
  const [general, setGeneral] = useState([])
  const [busy, setBusy] = useState(false)
  const role = Form.useWatch('role', form)

  useEffect(() => {
    if (!open) return
    form.resetFields()
    setGeneral([])
    if (account) form.setFieldsValue(valuesOf(account))
  }, [open, account]) // eslint-disable-line react-hooks/exhaustive-deps

  async function save(values) {
    setBusy(true)
    setGeneral([])
    const schemeId = values.schemeId || null
    const scopes = values.role === 'APPLICANT'
      ? (values.creditCodes ?? []).map((creditCode) => ({ creditCode, schemeId }))
      : (values.areas ?? []).map((areaCode) => ({ areaCode, schemeId }))
    try {
      const result = account
        ? (await request('SetAccountAccess', { input: { username: account.username, role: values.role, scopes } })).setAccountAccess
        : (await request('CreateAccount', { input: { username: values.username, displayName: values.displayName ?? '',
          role: values.role, password: values.password, scopes } })).createAccount
      if (result.errors.length) {
        const placed = result.errors.map((e) => ({ error: e, name: formField(e.field, values.role) }))
        form.setFields(placed.filter((p) => p.name).map((p) => ({ name: p.name, errors: [p.error.message] })))
        setGeneral(placed.filter((p) => !p.name).map((p) => p.error.message))
        return
      }
      onDone(result.account)
    } catch (error) {
      setGeneral([error.message])
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal open={open} title={account ? `修改权限：${account.username}` : '新建账号'} okText={account ? '保存' : '创建'}
      cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {general.length > 0 && <Alert type="error" showIcon title={general.join('；')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input disabled={Boolean(account)} autoComplete="off" />
        </Form.Item>
        {!account && (
          <>
            <Form.Item label="姓名" name="displayName"><Input maxLength={100} /></Form.Item>
            <Form.Item label="初始密码" name="password" rules={[{ required: true, message: '请输入初始密码' }]}
              extra="至少 12 个字符，不含用户名；请通过安全渠道交给账号持有人">
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={ROLES} />
        </Form.Item>
        {role === 'APPLICANT' ? (
          <Form.Item label="代表机构（统一社会信用代码）" name="creditCodes" rules={[{ required: true, message: '请输入统一社会信用代码' }]}>
            <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} />
          </Form.Item>
        ) : (
          <Form.Item label="管辖区域" name="areas" rules={[{ required: true, message: '请选择管辖区域' }]}>
            <Select mode="multiple" showSearch optionFilterProp="label" options={vocabulary?.divisionOptions} />
          </Form.Item>
        )}
        <Form.Item label="限定认定事项" name="schemeId" extra="不选则适用全部认定事项">
          <Select allowClear placeholder="全部认定事项" options={schemes?.list.map((s) => ({ label: s.title, value: s.id }))} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
