// 认定名单: every recognition the schemes have granted, for anyone, without logging in.
import { Table, Typography } from 'antd'
import { FilterBar, FilterSearch, FilterSelect, choicesOf, useFilter } from '../../components/Filters'
import LoadError from '../../components/LoadError'
import Pager from '../../components/Pager'
import { PageTitle } from '../../components/Shell'
import { recognitionColumns } from '../../components/columns'
import { areaOf, RECOGNITION_STATUS } from '../../lib/format'
import { useSchemes } from '../../lib/schemes'
import { usePaged } from '../../lib/usePaged'
import { useVocabulary } from '../../lib/vocabulary'

export default function PublicRegister() {
  const schemes = useSchemes()
  const vocabulary = useVocabulary()
  const [filter, set] = useFilter()
  const paged = usePaged('PublicRegister', 'recognitions', { filter })
  const columns = [
    { title: '机构名称', key: 'name', render: (_, r) => r.institution.name },
    { title: '所在地', key: 'area', render: (_, r) => areaOf(r.institution) },
    ...recognitionColumns(schemes),
  ]

  return (
    <>
      <PageTitle>认定名单公示</PageTitle>
      <Typography.Paragraph type="secondary">各认定事项已认定的机构名单，向社会公开，无需登录即可查询。</Typography.Paragraph>
      <FilterBar>
        <FilterSelect name="scheme" label="认定事项" width={300} onChange={set('schemeId')}
          options={schemes?.list.map((s) => ({ label: s.title, value: s.id }))} />
        <FilterSelect name="city" label="所在城市" width={140} onChange={set('cityCode')}
          options={vocabulary?.cities.map((c) => ({ label: c.name, value: c.code }))} />
        <FilterSelect name="status" label="状态" width={120} onChange={set('status')} options={choicesOf(RECOGNITION_STATUS)} />
        <FilterSearch name="occupation" label="职业（工种）" width={180} placeholder="如 电工" onSearch={set('occupation')} />
      </FilterBar>
      <LoadError error={paged.error} retry={paged.reload} />
      <Table rowKey="id" columns={columns} dataSource={paged.rows} loading={paged.loading} pagination={false} />
      <Pager paged={paged} />
    </>
  )
}
