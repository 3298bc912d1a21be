// 机构信息: the institutions this account acts for, and registration of one not yet registered.
import { Alert, Button, Card, Descriptions, Empty, Space, Spin } from 'antd'
import { EditOutlined, PlusOutlined } from '@ant-design/icons'
import { useNavigate } from 'react-router'
import LoadError from '../../components/LoadError'
import { PageTitle } from '../../components/Shell'
import { areaOf, formatDate } from '../../lib/format'
import { useMyInstitutions } from '../../lib/institutions'

export default function Institutions() {
  const navigate = useNavigate()
  const mine = useMyInstitutions()
  const register = mine.unregistered.length > 0 && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/institutions/new')}>登记机构</Button>
  )
  return (
    <>
      <PageTitle extra={register}>机构信息</PageTitle>
      <LoadError error={mine.error} retry={mine.reload} />
      {mine.unregistered.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="尚未登记的机构"
          description={`本账号可代表统一社会信用代码为 ${mine.unregistered.join('、')} 的机构，请先登记机构信息再提出申请。`} />
      )}
      {mine.loading && !mine.list.length ? <Spin /> : null}
      {!mine.loading && !mine.list.length && !mine.unregistered.length && <Empty description="本账号尚未关联任何机构" />}
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {mine.list.map((inst) => (
          <Card key={inst.id} title={inst.name}
            extra={<Button icon={<EditOutlined />} onClick={() => navigate(`/institutions/${inst.id}/edit`)} aria-label={`修改 ${inst.name}`}>修改</Button>}>
            <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
              <Descriptions.Item label="统一社会信用代码">{inst.creditCode}</Descriptions.Item>
              <Descriptions.Item label="机构类型">{inst.orgTypeLabel}</Descriptions.Item>
              <Descriptions.Item label="所在地">{areaOf(inst)}</Descriptions.Item>
              <Descriptions.Item label="登记日期">{formatDate(inst.registeredOn)}</Descriptions.Item>
              <Descriptions.Item label="法定代表人">{inst.legalRepresentative}</Descriptions.Item>
              <Descriptions.Item label="地址">{inst.address || '—'}</Descriptions.Item>
              <Descriptions.Item label="联系人" span={3}>
                {inst.contacts.length ? inst.contacts.map((c) => [c.name, c.phone, c.email].filter(Boolean).join(' ')).join('；') : '—'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        ))}
      </Space>
    </>
  )
}
