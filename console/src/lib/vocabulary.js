// Divisions and organisation types with their names, fetched once per page load.
import { useEffect, useState } from 'react'
import { request } from './graphql'

let loading = null

function load() {
  loading ??= request('Vocabulary').then(({ divisions, orgTypes }) => {
    const divisionName = Object.fromEntries(divisions.map((d) => [d.code, d.name]))
    const cities = divisions.filter((d) => d.level === 'city')
    // Grouped for a select: the province, then each city with its districts under it.
    const divisionOptions = [
      ...divisions.filter((d) => d.level === 'province').map((d) => ({ label: d.name, value: d.code })),
      ...cities.map((city) => ({
        label: city.name,
        title: city.name,
        options: divisions.filter((d) => d.cityCode === city.code)
          .map((d) => ({ label: d.level === 'city' ? `${d.name}（市本级）` : `${city.name} ${d.name}`, value: d.code })),
      })),
    ]
    return { divisions, divisionName, cities, divisionOptions, orgTypes }
  })
  loading.catch(() => {
    loading = null
  })
  return loading
}

/** { divisions, divisionName, cities, divisionOptions, orgTypes }, or null while loading. */
export function useVocabulary() {
  const [value, setValue] = useState(null)
  useEffect(() => {
    let current = true
    load().then((v) => current && setValue(v), () => null)
    return () => {
      current = false
    }
  }, [])
  return value
}
