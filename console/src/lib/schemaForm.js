// From a kind's published JSON Schema (pydantic's) to what @rjsf renders, and from the API's
// `errors { field code message }` back onto the form's fields.

/** Coded choices: `enum` as published, or `oneOf` constants once prepared. */
const isChoice = (node) => Array.isArray(node?.enum) || (Array.isArray(node?.oneOf) && node.oneOf.every((o) => 'const' in o))
const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value)

function resolve(node, root) {
  if (!node?.$ref?.startsWith('#/')) return node
  const target = node.$ref.slice(2).split('/').reduce((at, key) => at?.[key], root)
  const { $ref, ...siblings } = node
  return { ...resolve(target, root), ...siblings }
}

/** A choice with its Chinese labels (`enum` + `enumNames`, as core.forms.Choice publishes it) as
 * `oneOf` constants with titles, which is how JSON Schema itself names choices; `anyOf` with
 * `null` (an optional value) as a nullable type (an optional group of fields stays a choice between
 * 填写 and 无). A list of choices is a set (check boxes). Class names pydantic uses
 * as titles of definitions are dropped. */
export function prepareSchema(schema) {
  const walk = (node) => {
    if (Array.isArray(node)) return node.map(walk)
    if (!isPlainObject(node)) return node
    const out = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value)]))
    if (Array.isArray(out.enum) && Array.isArray(out.enumNames)) {
      out.oneOf = out.enum.map((value, i) => ({ const: value, title: out.enumNames[i] ?? String(value) }))
      delete out.enum
      delete out.enumNames
    }
    if (out.type === 'array' && isChoice(resolve(out.items, schema))) out.uniqueItems = true // a set of choices: check boxes
    const options = out.anyOf
    if (Array.isArray(options) && options.length === 2 && options.some((o) => o.type === 'null')) {
      const other = options.find((o) => o.type !== 'null')
      if (other.type && !other.$ref && other.type !== 'object' && other.type !== 'array') {
        delete out.anyOf
        Object.assign(out, other, { type: [other.type, 'null'] })
      } // an optional group of fields stays a choice: 填写 or 无 (labelled in uiSchemaFor)
    }
    return out
  }
  const prepared = walk(schema)
  delete prepared.title
  delete prepared.description // the kind's title and article are shown above the form
  for (const definition of Object.values(prepared.$defs ?? {})) {
    if (/^[A-Za-z0-9_]+$/.test(definition.title ?? '')) delete definition.title
  }
  return prepared
}


const SCALARS = ['string', 'number', 'integer', 'boolean']
const scalarType = (node) => [node?.type].flat().find((t) => t !== 'null')
const isScalar = (node) => SCALARS.includes(scalarType(node)) && !Array.isArray(node.anyOf)
const isTextList = (node, root) => node?.type === 'array' && isScalar(resolve(node.items, root)) && !isChoice(resolve(node.items, root))
    && scalarType(resolve(node.items, root)) === 'string'
const isChoiceList = (node, root) => node?.type === 'array' && isChoice(resolve(node.items, root))

/** An entry of a list that fits a table row: only simple values (text, numbers, dates, yes/no,
 * choices, lists of choices or of short texts). */
function isRow(node, root) {
  return node?.type === 'object' && node.properties
    && Object.values(node.properties).every((raw) => {
      const property = resolve(raw, root)
      return isScalar(property) || isChoice(property) || isChoiceList(property, root) || isTextList(property, root)
    })
}

/** Layout the schema cannot say: yes/no as 是/否, lists of choices as check boxes, lists of short
 * texts as tags, and lists of simple entries (teachers, venues, occupations) as tables. */
export function uiSchemaFor(schema) {
  const cell = (raw) => {
    const node = resolve(raw, schema)
    if (node?.type === 'boolean') return { 'ui:FieldTemplate': 'CellFieldTemplate', 'ui:widget': 'select' }
    if (isTextList(node, schema)) return { 'ui:FieldTemplate': 'CellFieldTemplate', 'ui:widget': 'TextListWidget' }
    if (isChoiceList(node, schema)) return { 'ui:FieldTemplate': 'CellFieldTemplate', 'ui:widget': 'checkboxes', 'ui:options': { inline: true } }
    return { 'ui:FieldTemplate': 'CellFieldTemplate' }
  }
  const walk = (raw) => {
    const node = resolve(raw, schema)
    const ui = {}
    if (node?.type === 'object' && node.properties) {
      for (const [name, property] of Object.entries(node.properties)) ui[name] = walk(property)
    }
    if (node?.type === 'boolean') ui['ui:widget'] = 'radio' // 是 / 否, and unanswered until answered
    if (isChoiceList(node, schema)) ui['ui:widget'] = 'checkboxes'
    else if (isTextList(node, schema)) ui['ui:widget'] = 'TagsWidget'
    else if (node?.type === 'array' && isRow(resolve(node.items, schema), schema)) {
      const entry = resolve(node.items, schema)
      Object.assign(ui, { 'ui:ArrayFieldTemplate': 'TableArrayTemplate', 'ui:ArrayFieldItemTemplate': 'TableRowTemplate' })
      ui.items = { 'ui:FieldTemplate': 'RowFieldTemplate', 'ui:ObjectFieldTemplate': 'RowObjectTemplate',
        ...Object.fromEntries(Object.entries(entry.properties).map(([name, property]) => [name, cell(property)])) }
    } else if (node?.type === 'array' && node.items) ui.items = walk(node.items)
    if (Array.isArray(node?.anyOf)) {
      ui.anyOf = node.anyOf.map((option) => (option.type === 'null' ? { 'ui:title': '无' }
        : { ...walk(option), 'ui:title': '填写', 'ui:ObjectFieldTemplate': 'UntitledObjectTemplate' }))
    }
    return ui
  }
  return { ...walk(schema), 'ui:submitButtonOptions': { norender: true } }
}

/**
 * Sort a mutation's `errors` (field = a path like [input, form, teachers, 0, name]) into:
 * `form`, an rjsf error schema for the form's fields; `inputs`, messages by top-level input
 * (occupations, roundId, …); `general`, messages that name no field the console shows. Paths may
 * also come without the leading `input` (submission's refusals: [form, …], [round]); `aliases`
 * names the input such a path means. An error on the form as a whole (a rule across its fields)
 * names no field: it is general.
 */
export function sortErrors(errors, { formKey = 'form', inputs = [], aliases = {} } = {}) {
  const form = {}
  const byInput = {}
  const general = []
  for (const { field, message } of errors ?? []) {
    const path = field?.[0] === 'input' ? field.slice(1) : [...(field ?? [])]
    if (path[0] in aliases) path[0] = aliases[path[0]]
    if (path[0] === formKey && path.length > 1) {
      let at = form
      for (const key of path.slice(1)) at = at[key] ??= {}
      ;(at.__errors ??= []).push(message)
    } else if (inputs.includes(path[0])) {
      ;(byInput[path[0]] ??= []).push(message)
    } else {
      general.push(message)
    }
  }
  return { form, inputs: byInput, general }
}

/** The form's own title for a property of its top level, e.g. trainees_cumulative -> 累计培训服务外包人才（人）. */
export function fieldTitle(schema, name) {
  const property = schema?.properties?.[name]
  return property ? resolve(property, schema)?.title ?? property.title ?? name : name
}
