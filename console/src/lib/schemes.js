// The schemes' vocabulary (kinds, stages, transitions, rounds, criteria), fetched once per page
// load and shared; a kind's form schema is fetched per scheme when a form is shown.
import { useEffect, useState } from 'react'
import { request } from './graphql'

let schemes = null
const forms = new Map()

export function loadSchemes() {
  schemes ??= request('Schemes').then(({ schemes: list }) => {
    const byId = Object.fromEntries(list.map((scheme) => [scheme.id, scheme]))
    for (const scheme of list) {
      scheme.kindById = Object.fromEntries(scheme.kinds.map((kind) => [kind.id, kind]))
      scheme.criterionById = Object.fromEntries(scheme.criteria.map((criterion) => [criterion.id, criterion]))
      for (const kind of scheme.kinds) {
        kind.stageById = Object.fromEntries(kind.stages.map((stage) => [stage.id, stage]))
        kind.transitionById = Object.fromEntries(kind.transitions.map((transition) => [transition.id, transition]))
      }
    }
    return { list, byId }
  })
  schemes.catch(() => {
    schemes = null
  })
  return schemes
}

export function loadForm(schemeId, kindId) {
  if (!forms.has(schemeId)) {
    const loading = request('KindForms', { schemeId }).then(({ scheme }) =>
      Object.fromEntries(scheme.kinds.map((kind) => [kind.id, kind.formSchema])),
    )
    loading.catch(() => forms.delete(schemeId))
    forms.set(schemeId, loading)
  }
  return forms.get(schemeId).then((byKind) => byKind[kindId])
}

function usePromise(make, deps) {
  const [state, setState] = useState({ value: null, error: null })
  useEffect(() => {
    let current = true
    setState({ value: null, error: null }) // never show what the previous arguments gave
    const promise = make()
    if (!promise) return undefined
    promise.then((value) => current && setState({ value, error: null }), (error) => current && setState({ value: null, error }))
    return () => {
      current = false
    }
  }, deps) // eslint-disable-line react-hooks/exhaustive-deps
  return state
}

/** { list, byId } of every scheme, or null while loading. */
export const useSchemes = () => usePromise(loadSchemes, []).value

/** The JSON Schema of a kind's form, or null while loading (or when none is chosen). */
export const useFormSchema = (schemeId, kindId) =>
  usePromise(() => (schemeId && kindId ? loadForm(schemeId, kindId) : null), [schemeId, kindId]).value
