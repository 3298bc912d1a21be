// Lists of people, venues or occupations in a 申报表 laid out as tables: one row per entry, one
// column per field, as on the paper forms. lib/schemaForm.js's uiSchemaFor chooses these templates
// for lists whose entries hold only simple values; anything nested keeps rjsf's own layout.
import { useState } from 'react'
import { Input, Select, Typography } from 'antd'
import { getTemplate, getUiOptions } from '@rjsf/utils'

/** The list: a header row from the entry's fields, the entries, and 添加一行. */
export function TableArrayTemplate({ items, canAdd, onAddClick, schema, registry, fieldPathId, disabled, readonly, title, required: listRequired }) {
  const entry = registry.schemaUtils.retrieveSchema(schema.items)
  const required = new Set(entry.required ?? [])
  const columns = Object.entries(entry.properties ?? {}).map(([name, property]) => ({ name, title: property.title ?? name }))
  const { AddButton } = registry.templates.ButtonTemplates
  const editable = !readonly && !disabled
  return (
    <div id={fieldPathId.$id} className="form-table">
      {title && (
        <div className="form-table-title">{listRequired && <span className="form-table-required" aria-hidden>*</span>}{title}</div>
      )}
      <div className="form-table-scroll">
        <table aria-label={title}>
          <thead>
            <tr>
              <th scope="col" className="form-table-index">序号</th>
              {columns.map((c) => (
                <th scope="col" key={c.name}>{required.has(c.name) && <span className="form-table-required" aria-hidden>*</span>}{c.title}</th>
              ))}
              {editable && <th scope="col" className="form-table-actions">操作</th>}
            </tr>
          </thead>
          <tbody>{items}</tbody>
        </table>
      </div>
      {items.length === 0 && <Typography.Paragraph type="secondary" className="form-table-empty">尚无条目</Typography.Paragraph>}
      {canAdd && editable && <AddButton id={`${fieldPathId.$id}__add`} onClick={onAddClick} registry={registry} disabled={disabled} />}
    </div>
  )
}

/** One entry: its cells, then the buttons to move or delete it. */
export function TableRowTemplate({ children, buttonsProps, hasToolbar, index, registry, uiSchema, readonly, disabled }) {
  const Buttons = getTemplate('ArrayFieldItemButtonsTemplate', registry, getUiOptions(uiSchema))
  return (
    <tr>
      <td className="form-table-index">{index + 1}</td>
      {children}
      {hasToolbar && !readonly && !disabled && (
        <td className="form-table-actions"><Buttons {...buttonsProps} /></td>
      )}
    </tr>
  )
}

/** An entry's own frame: nothing but its cells. */
export function RowFieldTemplate({ children }) {
  return children
}

export function RowObjectTemplate({ properties }) {
  return properties.map((property) => property.content)
}

/** A cell: the input, named for screen readers by its column, and its errors under it. */
export function CellFieldTemplate({ children, id, label, rawErrors, hidden }) {
  if (hidden) return null
  return (
    <td className={rawErrors?.length ? 'form-table-cell-error' : undefined}>
      <label htmlFor={id} className="visually-hidden">{label}</label>
      {children}
      {rawErrors?.length > 0 && <div className="form-table-error" role="alert">{rawErrors.join('；')}</div>}
    </td>
  )
}

/** A list of short texts (qualifications, equipment, occupations) entered as tags. */
export function TagsWidget({ id, value, onChange, onBlur, onFocus, disabled, readonly, placeholder }) {
  return (
    <Select id={id} mode="tags" style={{ width: '100%', minWidth: 160 }} value={value ?? []} open={false}
      suffixIcon={null} disabled={disabled || readonly} placeholder={placeholder || '输入后按回车添加'}
      tokenSeparators={['\n']} onChange={(next) => onChange(next)} onBlur={() => onBlur(id, value)} onFocus={() => onFocus(id, value)} />
  )
}

const SEPARATORS = /[、，,;；\n]/
const parseList = (text) => text.split(SEPARATORS).map((item) => item.trim()).filter(Boolean)

/** A short list inside a table cell, typed as one line separated by 、 (a tag input per cell is
 * too heavy for tables of forty people). */
export function TextListWidget({ id, value, onChange, onBlur, onFocus, disabled, readonly }) {
  const list = value ?? []
  const [text, setText] = useState(list.join('、'))
  const shown = JSON.stringify(parseList(text)) === JSON.stringify(list) ? text : list.join('、')
  return (
    <Input id={id} value={shown} disabled={disabled} readOnly={readonly} placeholder="多项以“、”分隔"
      onChange={(event) => {
        setText(event.target.value)
        onChange(parseList(event.target.value))
      }}
      onBlur={() => onBlur(id, value)} onFocus={() => onFocus(id, value)} />
  )
}
