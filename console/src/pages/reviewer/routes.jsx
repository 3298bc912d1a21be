// The reviewers' pages (district, city and province reviewers alike: what waits on each is their
// role's, in their area).
import { InboxOutlined } from '@ant-design/icons'
import Queue from './Queue'
import ReviewPage from './ReviewPage'

export const REVIEWER = {
  home: '/review',
  pages: [
    { path: 'review', label: '待办审核', icon: <InboxOutlined />, element: <Queue />, menu: true },
    { path: 'review/:id', element: <ReviewPage /> },
  ],
}
