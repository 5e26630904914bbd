import type { FunctionComponent } from 'preact';
import { useT } from '../../i18n/i18n.js';
import type { CourseArea } from '../course-area.js';
import { lazyPage } from '../../ui/lazy-page.js';
import { useKeptAnonymous } from '../instructor/kept-anonymous.js';
import { adminMessages } from './admin-messages.js';

/** Course settings and roster import, inside a course (instructors and admins). */
export const adminCourseArea: CourseArea = {
  useNav: (course) => {
    const t = useT(adminMessages);
    // A grader kept anonymous is refused these (403) until grades are published.
    if (useKeptAnonymous(course) !== false) return [];
    return [
      { path: 'settings', label: t('navSettings') },
      { path: 'roster', label: t('navRoster') },
    ];
  },
  pages: [
    {
      path: 'settings',
      Component: lazyPage(() => import('./course-settings.js').then((m) => m.CourseSettings)),
    },
    { path: 'roster', Component: lazyPage(() => import('./roster-page.js').then((m) => m.RosterPage)) },
  ],
};

/** Pages outside any course (/admin…): every course, and creating one. Loaded when first opened. */
export const adminPages: {
  path: string;
  Component: FunctionComponent<{ params: Record<string, string> }>;
}[] = [
  { path: '/admin', Component: lazyPage(() => import('./course-list.js').then((m) => m.CourseList)) },
  { path: '/admin/new', Component: lazyPage(() => import('./course-new.js').then((m) => m.CourseNew)) },
];
