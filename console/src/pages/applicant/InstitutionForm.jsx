// 登记机构 / 修改机构信息: registerInstitution and updateInstitution, with the API's field errors
// shown on the fields they name.
import { useEffect, useState } from 'react'
import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Space, Spin } from 'antd'
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import dayjs from 'dayjs'
import { useNavigate, useParams } from 'react-router'
import { PageTitle } from '../../components/Shell'
import { request } from '../../lib/graphql'
import { useMyInstitutions } from '../../lib/institutions'
import { useVocabulary } from '../../lib/vocabulary'

const FIELDS = ['name', 'creditCode', 'orgType', 'divisionCode', 'registeredOn', 'legalRepresentative', 'address', 'contacts']

/** [input, contacts, 0, phone] -> ['contacts', 0, 'phone'] for antd's form. */
const fieldName = (path) => path.slice(1).map((key) => (/^\d+$/.test(key) ? Number(key) : key))

export default function InstitutionForm() {
  const { id } = useParams()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const [form] = Form.useForm()
  const vocabulary = useVocabulary()
  const mine = useMyInstitutions()
  const [general, setGeneral] = useState([])
  const [busy, setBusy] = useState(false)
  const existing = id ? mine.list.find((inst) => inst.id === id) : null

  useEffect(() => {
    if (existing) {
      form.setFieldsValue({ ...existing, registeredOn: dayjs(existing.registeredOn) })
    } else if (!id && mine.unregistered.length === 1) {
      form.setFieldsValue({ creditCode: mine.unregistered[0] })
    }
  }, [existing, id, mine.unregistered.length]) // eslint-disable-line react-hooks/exhaustive-deps

  async function save(values) {
    setBusy(true)
    setGeneral([])
    const fields = { ...values, registeredOn: values.registeredOn?.format('YYYY-MM-DD'),
      contacts: (values.contacts ?? []).map(({ name, phone = '', email = '' }) => ({ name, phone, email })) }
    try {
      const { creditCode, ...changes } = fields
      const result = existing
        ? (await request('UpdateInstitution', { input: { id, expectedVersion: existing.version, ...changes } })).updateInstitution
        : (await request('RegisterInstitution', { input: fields })).registerInstitution
      if (result.errors.length) {
        const onFields = result.errors.filter((e) => e.field[0] === 'input' && FIELDS.includes(e.field[1]))
        form.setFields(onFields.map((e) => ({ name: fieldName(e.field), errors: [e.message] })))
        setGeneral(result.errors.filter((e) => !onFields.includes(e)).map((e) => e.message))
        return
      }
      message.success(existing ? '机构信息已保存' : '机构已登记')
      navigate('/institutions')
    } catch (error) {
      setGeneral([error.message])
    } finally {
      setBusy(false)
    }
  }

  if (id && !existing) return mine.loading ? <Spin /> : <Alert type="error" showIcon title="未找到该机构" />
  return (
    <>
      <PageTitle>{existing ? `修改机构信息：${existing.name}` : '登记机构'}</PageTitle>
      <Card style={{ maxWidth: 860 }}>
        {general.length > 0 && <Alert type="error" showIcon title={general.join('；')} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={save} scrollToFirstError>
          <Form.Item label="机构名称" name="name" rules={[{ required: true, whitespace: true, message: '请输入机构名称' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label="统一社会信用代码" name="creditCode" rules={[{ required: true, message: '请输入统一社会信用代码' }]}
            extra={existing ? '统一社会信用代码登记后不可修改' : '本账号可代表的机构中尚未登记的代码'}>
            {existing
              ? <Input disabled />
              : <Select options={mine.unregistered.map((code) => ({ label: code, value: code }))} />}
          </Form.Item>
          <Space size="large" wrap style={{ width: '100%' }}>
            <Form.Item label="机构类型" name="orgType" rules={[{ required: true, message: '请选择机构类型' }]}>
              <Select style={{ width: 260 }} options={vocabulary?.orgTypes.map((o) => ({ label: o.label, value: o.value }))} />
            </Form.Item>
            <Form.Item label="登记注册地" name="divisionCode" rules={[{ required: true, message: '请选择登记注册地' }]}>
              <Select style={{ width: 260 }} showSearch optionFilterProp="label" options={vocabulary?.divisionOptions} />
            </Form.Item>
            <Form.Item label="登记注册日期" name="registeredOn" rules={[{ required: true, message: '请选择登记注册日期' }]}>
              <DatePicker style={{ width: 200 }} />
            </Form.Item>
          </Space>
          <Form.Item label="法定代表人" name="legalRepresentative" rules={[{ required: true, whitespace: true, message: '请输入法定代表人' }]}>
            <Input maxLength={100} style={{ maxWidth: 300 }} />
          </Form.Item>
          <Form.Item label="地址" name="address">
            <Input maxLength={300} />
          </Form.Item>
          <Form.List name="contacts">
            {(rows, { add, remove }) => (
              <Form.Item label="联系人">
                {rows.map(({ key, name }) => (
                  <Space key={key} align="baseline" wrap style={{ display: 'flex' }}>
                    <Form.Item name={[name, 'name']} rules={[{ required: true, message: '请输入姓名' }]}>
                      <Input placeholder="姓名" aria-label={`联系人 ${name + 1} 姓名`} />
                    </Form.Item>
                    <Form.Item name={[name, 'phone']}>
                      <Input placeholder="电话" aria-label={`联系人 ${name + 1} 电话`} />
                    </Form.Item>
                    <Form.Item name={[name, 'email']}>
                      <Input placeholder="电子邮箱" aria-label={`联系人 ${name + 1} 电子邮箱`} />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(name)} aria-label={`删除联系人 ${name + 1}`} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>添加联系人</Button>
              </Form.Item>
            )}
          </Form.List>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>{existing ? '保存' : '登记'}</Button>
            <Button onClick={() => navigate('/institutions')}>取消</Button>
          </Space>
        </Form>
      </Card>
    </>
  )
}
