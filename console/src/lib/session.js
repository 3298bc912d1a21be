// Who is logged in: the bearer token and viewer from `login`, kept for this browser tab only
// (sessionStorage). Components subscribe to changes (login, logout, expiry).
const KEY = 'accredit.session'

function load() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) || 'null')
    if (saved && new Date(saved.expiresAt) > new Date()) return saved
  } catch {
    /* a damaged entry is the same as none */
  }
  return null
}

const listeners = new Set()
let current = load()

export const session = {
  get token() {
    return current?.token ?? null
  },
  get viewer() {
    return current?.viewer ?? { username: '', role: 'PUBLIC' }
  },
  /** Why the last session ended, when it was not the user's choice (shown on the login page). */
  notice: null,
  start(token, expiresAt, viewer) {
    current = { token, expiresAt, viewer }
    sessionStorage.setItem(KEY, JSON.stringify(current))
    this.notice = null
    listeners.forEach((listener) => listener())
  },
  end(notice = null) {
    current = null
    sessionStorage.removeItem(KEY)
    this.notice = notice
    listeners.forEach((listener) => listener())
  },
  subscribe(listener) {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}
