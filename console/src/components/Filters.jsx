// The filter bar above a list: selects labelled for screen readers, 全部 when nothing is chosen.
import { useState } from 'react'
import { Card, Form, Input, Select } from 'antd'

/** [filter, set]: set(key) is an onChange that puts a value in the filter (null when cleared). */
export function useFilter() {
  const [filter, setFilter] = useState({})
  const set = (key) => (value) => setFilter((f) => ({ ...f, [key]: value || null }))
  return [filter, set]
}

/** A code table such as STATUS as select options. */
export const choicesOf = (table) => Object.entries(table).map(([value, { label }]) => ({ label, value }))

export function FilterBar({ children }) {
  return (
    <Card style={{ marginBottom: 16 }}>
      <Form layout="inline">{children}</Form>
    </Card>
  )
}

export function FilterSelect({ name, label, width, options, onChange }) {
  return (
    <Form.Item label={label} htmlFor={`filter-${name}`}>
      <Select id={`filter-${name}`} allowClear placeholder="全部" style={{ width }} onChange={onChange} options={options} />
    </Form.Item>
  )
}

export function FilterSearch({ name, label, width, placeholder, onSearch }) {
  return (
    <Form.Item label={label} htmlFor={`filter-${name}`}>
      <Input.Search id={`filter-${name}`} allowClear placeholder={placeholder} style={{ width }} onSearch={onSearch} />
    </Form.Item>
  )
}
