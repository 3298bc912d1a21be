import { useQuery } from './useQuery'

/** The institutions the applicant acts for, and the credit codes its account names that have no
 * institution registered yet (those it may register). */
export function useMyInstitutions() {
  const institutions = useQuery('MyInstitutions', { first: 100 })
  const viewer = useQuery('Viewer')
  const list = institutions.data?.institutions.edges.map((edge) => edge.node) ?? []
  const registered = new Set(list.map((inst) => inst.creditCode))
  const unregistered = (viewer.data?.me.scopes ?? []).map((scope) => scope.creditCode)
    .filter((code) => code && !registered.has(code))
  return {
    list,
    unregistered,
    loading: institutions.loading || viewer.loading,
    error: institutions.error || viewer.error,
    reload: () => {
      institutions.reload()
      viewer.reload()
    },
  }
}
