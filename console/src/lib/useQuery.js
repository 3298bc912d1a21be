import { useCallback, useEffect, useState } from 'react'
import { request } from './graphql'

/** Run a query when the component shows and whenever its variables change; `reload` runs it again. */
export function useQuery(name, variables = {}, { skip = false } = {}) {
  const key = JSON.stringify(variables)
  const [state, setState] = useState({ data: null, error: null, loading: !skip })
  const [round, setRound] = useState(0)
  useEffect(() => {
    if (skip) return undefined
    let current = true
    setState((previous) => ({ ...previous, loading: true }))
    request(name, JSON.parse(key)).then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error) => current && setState({ data: null, error, loading: false }),
    )
    return () => {
      current = false
    }
  }, [name, key, skip, round])
  const reload = useCallback(() => setRound((n) => n + 1), [])
  return { ...state, reload }
}
