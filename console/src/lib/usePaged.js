import { useEffect, useState } from 'react'
import { useQuery } from './useQuery'

/** A connection read page by page with its cursors (`first`/`after`): previous and next only, as
 * cursors are opaque. Filters changing go back to the first page. */
export function usePaged(name, field, variables, pageSize = 20) {
  const key = JSON.stringify(variables)
  const [position, setPosition] = useState({ key, cursors: [null] })
  const current = position.key === key ? position : { key, cursors: [null] }
  const after = current.cursors[current.cursors.length - 1]
  const { data, loading, error, reload } = useQuery(name, { ...variables, first: pageSize, after })
  useEffect(() => {
    if (position.key !== key) setPosition({ key, cursors: [null] })
  }, [key, position.key])
  const connection = data?.[field]
  return {
    rows: connection?.edges.map((edge) => edge.node) ?? [],
    total: connection?.totalCount ?? 0,
    page: current.cursors.length,
    pageSize,
    loading,
    error,
    reload,
    hasPrevious: current.cursors.length > 1,
    hasNext: Boolean(connection?.pageInfo.hasNextPage),
    next: () => setPosition({ key, cursors: [...current.cursors, connection.pageInfo.endCursor] }),
    previous: () => setPosition({ key, cursors: current.cursors.slice(0, -1) }),
  }
}
