// What each role sees: its menu and its pages. Adding a role to the console is adding its pages
// here; everyone, logged in or not, has the public ones.
import {
  AuditOutlined, BankOutlined, FileAddOutlined, FileTextOutlined, SafetyCertificateOutlined,
} from '@ant-design/icons'
import PublicRegister from './pages/public/PublicRegister'
import Applications from './pages/applicant/Applications'
import ApplicationEditor from './pages/applicant/ApplicationEditor'
import ApplicationPage from './pages/applicant/ApplicationPage'
import Institutions from './pages/applicant/Institutions'
import InstitutionForm from './pages/applicant/InstitutionForm'
import Recognitions from './pages/applicant/Recognitions'

const PUBLIC = [
  { path: 'register', label: '认定名单公示', icon: <AuditOutlined />, element: <PublicRegister />, menu: true },
]

const ROLES = {
  APPLICANT: {
    home: '/applications',
    pages: [
      { path: 'applications', label: '我的申请', icon: <FileTextOutlined />, element: <Applications />, menu: true },
      { path: 'applications/new', label: '新建申请', icon: <FileAddOutlined />, element: <ApplicationEditor />, menu: true },
      { path: 'applications/:id', element: <ApplicationPage /> },
      { path: 'applications/:id/edit', element: <ApplicationEditor /> },
      { path: 'institutions', label: '机构信息', icon: <BankOutlined />, element: <Institutions />, menu: true },
      { path: 'institutions/new', element: <InstitutionForm /> },
      { path: 'institutions/:id/edit', element: <InstitutionForm /> },
      { path: 'recognitions', label: '我的认定', icon: <SafetyCertificateOutlined />, element: <Recognitions />, menu: true },
    ],
  },
}

const pagesOf = (role) => [...(ROLES[role]?.pages ?? []), ...PUBLIC]
export const homeOf = (role) => ROLES[role]?.home ?? '/register'
export const menuOf = (role) => pagesOf(role).filter((page) => page.menu)

/** Every path with the page each role gets there ({path, pages: {ROLE: element}}; PUBLIC for all). */
export function routes() {
  const byPath = new Map()
  const add = (role, { path, element }) => byPath.set(path, { ...byPath.get(path), [role]: element })
  for (const [role, { pages }] of Object.entries(ROLES)) pages.forEach((page) => add(role, page))
  PUBLIC.forEach((page) => add('PUBLIC', page))
  return [...byPath].map(([path, pages]) => ({ path, pages }))
}
