// The console's only way to the server: POST /graphql with the bearer token from `login`, exactly
// as any other client. Documents live in ../graphql/<OperationName>.graphql (checked against
// schema.graphql by tests/test_console_documents.py) and are sent by operation name.
import { session } from './session'

const files = import.meta.glob('../graphql/*.graphql', { query: '?raw', import: 'default', eager: true })
const DOCUMENTS = Object.fromEntries(
  Object.entries(files).map(([path, text]) => [path.split('/').pop().replace('.graphql', ''), text]),
)
const ENDPOINT = new URL('../graphql', new URL(import.meta.env.BASE_URL, window.location.origin)).pathname

/** A top-level GraphQL error (not a mutation's `errors` list): the request did not run. */
export class RequestFailed extends Error {
  constructor(message, code) {
    super(message)
    this.code = code
  }
}

/** Run the operation `name` with `variables`; resolves to its `data`. */
export async function request(name, variables = {}) {
  const query = DOCUMENTS[name]
  if (!query) throw new Error(`no GraphQL document named ${name}`)
  const headers = { 'Content-Type': 'application/json' }
  if (session.token) headers.Authorization = `Bearer ${session.token}`
  let response
  try {
    response = await fetch(ENDPOINT, { method: 'POST', headers, body: JSON.stringify({ query, variables, operationName: name }) })
  } catch {
    throw new RequestFailed('无法连接服务器，请检查网络后重试', 'NETWORK')
  }
  if (response.status === 401) {
    session.end('登录已过期，请重新登录')
    throw new RequestFailed('登录已过期，请重新登录', 'UNAUTHENTICATED')
  }
  const body = await response.json().catch(() => ({}))
  if (body.errors?.length) {
    const [first] = body.errors
    throw new RequestFailed(first.message, first.extensions?.code)
  }
  if (!response.ok || !body.data) throw new RequestFailed(`服务器返回 ${response.status}`, 'HTTP')
  return body.data
}
