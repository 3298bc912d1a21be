// A kind's form, rendered by @rjsf/antd from the JSON Schema the scheme publishes: titles, choices,
// required fields and tables come from the plugin's form model, never from the console.
import { forwardRef, useMemo } from 'react'
import { Button, Form as AntForm } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import Form, { Templates } from '@rjsf/antd'
import { TranslatableString, englishStringTranslator, getTemplate, getUiOptions } from '@rjsf/utils'
import { customizeValidator } from '@rjsf/validator-ajv8'
import localizeZh from 'ajv-i18n/localize/zh'
import { prepareSchema, uiSchemaFor } from '../lib/schemaForm'
import {
  CellFieldTemplate, RowFieldTemplate, RowObjectTemplate, TableArrayTemplate, TableRowTemplate, TagsWidget, TextListWidget,
} from './FormTables'

const validator = customizeValidator({}, localizeZh)

const CHINESE = {
  [TranslatableString.ArrayItemTitle]: '第 %1 项',
  [TranslatableString.EmptyArray]: '尚无条目，可点击下方按钮添加。',
  [TranslatableString.YesLabel]: '是',
  [TranslatableString.NoLabel]: '否',
  [TranslatableString.CloseLabel]: '关闭',
  [TranslatableString.ErrorsLabel]: '错误',
  [TranslatableString.AddButton]: '添加',
  [TranslatableString.AddItemButton]: '添加一行',
  [TranslatableString.CopyButton]: '复制',
  [TranslatableString.MoveDownButton]: '下移',
  [TranslatableString.MoveUpButton]: '上移',
  [TranslatableString.RemoveButton]: '删除',
  [TranslatableString.NowLabel]: '现在',
  [TranslatableString.ClearLabel]: '清除',
  [TranslatableString.AriaDateLabel]: '选择日期',
  [TranslatableString.OptionPrefix]: '选项 %1',
  [TranslatableString.TitleOptionPrefix]: '%1 选项 %2',
  [TranslatableString.OptionalObjectAdd]: '填写此项',
  [TranslatableString.OptionalObjectRemove]: '不填写此项',
  [TranslatableString.OptionalObjectEmptyMsg]: '未填写',
}

function translateString(key, params) {
  const chinese = CHINESE[key]
  if (!chinese) return englishStringTranslator(key, params)
  return (params ?? []).reduce((text, param, i) => text.replaceAll(`%${i + 1}`, param), chinese)
}

const FULL_WIDTH = { span: 24 }

/** @rjsf/antd's field, with the description under the input rather than in Form.Item's `extra`,
 * which measures itself after every render: with hundreds of fields (a 评价组织 filing lists
 * forty people) that forced a layout per field and took twenty seconds. */
function FieldTemplate(props) {
  const { children, description, displayLabel, errors, help, rawHelp, hidden, id, label, rawErrors, rawDescription,
    registry, required, schema, uiSchema } = props
  if (hidden) return <div className="rjsf-field-hidden">{children}</div>
  const WrapIfAdditionalTemplate = getTemplate('WrapIfAdditionalTemplate', registry, getUiOptions(uiSchema))
  // 填写 / 无 of an optional group is a select of rjsf's own, with an id of its own
  const labelled = Array.isArray(schema.anyOf) ? `${id}__anyof_select` : id
  return (
    <WrapIfAdditionalTemplate {...props}>
      <AntForm.Item htmlFor={labelled} label={displayLabel && label} required={required} labelCol={FULL_WIDTH} wrapperCol={FULL_WIDTH}
        help={(rawHelp && help) || (rawErrors?.length ? errors : undefined)} validateStatus={rawErrors?.length ? 'error' : undefined}>
        {children}
        {rawDescription && <div className="field-description">{description}</div>}
      </AntForm.Item>
    </WrapIfAdditionalTemplate>
  )
}

/** Adding a row to a table says so, instead of a bare icon. */
function AddButton({ onClick, disabled, id, className }) {
  return <Button id={id} className={className} type="dashed" block icon={<PlusOutlined />} onClick={onClick} disabled={disabled}>添加一行</Button>
}

/** The fields of an optional group once 填写 is chosen: the group's title is already above the choice. */
function UntitledObjectTemplate(props) {
  return <Templates.ObjectFieldTemplate {...props} title={undefined} description={undefined} />
}

const TEMPLATES = {
  FieldTemplate, UntitledObjectTemplate, ButtonTemplates: { AddButton },
  TableArrayTemplate, TableRowTemplate, RowFieldTemplate, RowObjectTemplate, CellFieldTemplate,
}
const WIDGETS = { TagsWidget, TextListWidget }

/** Ajv's messages come localised; a missing required value is simply 必填. */
function transformErrors(errors) {
  return errors.map((error) => (error.name === 'required' ? { ...error, message: '必填' } : error))
}

const SchemaForm = forwardRef(function SchemaForm({ schema, formData, onChange, onSubmit, extraErrors, readonly }, ref) {
  const prepared = useMemo(() => prepareSchema(schema), [schema])
  const uiSchema = useMemo(() => uiSchemaFor(prepared), [prepared])
  return (
    <Form
      ref={ref}
      schema={prepared}
      uiSchema={uiSchema}
      formData={formData}
      validator={validator}
      templates={TEMPLATES}
      widgets={WIDGETS}
      formContext={{ labelAlign: 'left' }}
      experimental_defaultFormStateBehavior={{ requiredBooleanDefault: 'skip' }}
      translateString={translateString}
      transformErrors={transformErrors}
      extraErrors={extraErrors}
      showErrorList={false}
      focusOnFirstError
      noHtml5Validate
      readonly={readonly}
      onChange={(event) => onChange?.(event.formData)}
      onSubmit={(event) => onSubmit?.(event.formData)}
    />
  )
})

export default SchemaForm
