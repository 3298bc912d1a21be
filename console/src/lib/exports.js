// Lists as Excel workbooks: POST /exports/<list>.xlsx with the list's filters (GraphQL variables) and
// the same bearer token as /graphql; the server writes every row the filters select.
import { RequestFailed } from './graphql'
import { session } from './session'

const BASE = new URL('../exports/', new URL(import.meta.env.BASE_URL, window.location.origin)).pathname

/** Download the workbook of `list` for `variables`, under the name the server gives it. */
export async function downloadWorkbook(list, variables = {}) {
  const headers = { 'Content-Type': 'application/json' }
  if (session.token) headers.Authorization = `Bearer ${session.token}`
  let response
  try {
    response = await fetch(`${BASE}${list}.xlsx`, { method: 'POST', headers, body: JSON.stringify(variables) })
  } catch {
    throw new RequestFailed('无法连接服务器，请检查网络后重试', 'NETWORK')
  }
  if (response.status === 401) session.end('登录已过期，请重新登录')
  if (!response.ok) {
    const body = await response.json().catch(() => ({}))
    const [first] = body.errors ?? []
    throw new RequestFailed(first?.message ?? `服务器返回 ${response.status}`, first?.extensions?.code ?? 'HTTP')
  }
  const name = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('content-disposition') ?? '')?.[1]
  const link = document.createElement('a')
  link.href = URL.createObjectURL(await response.blob())
  link.download = name ? decodeURIComponent(name) : `${list}.xlsx`
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
}
