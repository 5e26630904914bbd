import { useT } from '../../i18n/i18n.js';
import type { CourseArea } from '../course-area.js';
import { lazyPage } from '../../ui/lazy-page.js';
import { staffMessages } from './staff-messages.js';

/**
 * The instructor's pages in a course. Each page's code is loaded when first opened (lazyPage), so
 * the first page of the app carries none of it.
 */
export const instructorArea: CourseArea = {
  useNav: () => {
    const t = useT(staffMessages);
    return [
      { path: '', label: t('navDashboard') },
      { path: 'groups', label: t('navGroups') },
      { path: 'submissions', label: t('navSubmissions') },
      { path: 'schedule', label: t('navSchedule') },
      { path: 'grading', label: t('navGrading') },
      { path: 'activity', label: t('navActivity') },
    ];
  },
  pages: [
    { path: '', Component: lazyPage(() => import('./dashboard.js').then((m) => m.Dashboard)) },
    { path: 'groups', Component: lazyPage(() => import('./groups.js').then((m) => m.GroupsPage)) },
    {
      path: 'submissions',
      Component: lazyPage(() => import('./submissions.js').then((m) => m.SubmissionsPage)),
    },
    { path: 'schedule', Component: lazyPage(() => import('./schedule.js').then((m) => m.SchedulePage)) },
    { path: 'grading', Component: lazyPage(() => import('./grading.js').then((m) => m.GradingPage)) },
    { path: 'activity', Component: lazyPage(() => import('./activity.js').then((m) => m.ActivityPage)) },
  ],
};
