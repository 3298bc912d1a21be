import { useSyncExternalStore } from 'react'
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router'
import Shell from './components/Shell'
import Login from './pages/Login'
import { homeOf, routes } from './roles.jsx'
import { session } from './lib/session'

const subscribe = (listener) => session.subscribe(listener)
const currentRole = () => session.viewer.role

/** The page a path shows to the role now logged in; a path the role has no page for leads home
 * (or to the login page when nobody is logged in). */
function ForRole({ pages }) {
  const role = useSyncExternalStore(subscribe, currentRole)
  const page = pages[role] ?? pages.PUBLIC
  if (page) return page
  return <Navigate to={session.token ? homeOf(role) : '/login'} replace />
}

function Home() {
  const role = useSyncExternalStore(subscribe, currentRole)
  return <Navigate to={homeOf(role)} replace />
}

const router = createBrowserRouter([
  { path: '/login', element: <Login /> },
  {
    path: '/',
    element: <Shell />,
    children: [
      ...routes().map(({ path, pages }) => ({ path, element: <ForRole pages={pages} /> })),
      { index: true, element: <Home /> },
      { path: '*', element: <Home /> },
    ],
  },
], { basename: import.meta.env.BASE_URL.replace(/\/$/, '') })

export default function App() {
  return <RouterProvider router={router} />
}
