import { useT } from '../../i18n/i18n.js';
import type { CourseArea } from '../course-area.js';
import { lazyPage } from '../../ui/lazy-page.js';
import { staffMessages } from './staff-messages.js';

/**
 * The instructor's pages in a course. Each page's code is loaded when first opened (lazyPage), so
 * the first page of the app carries none of it.
 */
export const instructorArea: CourseArea = {
  useNav: (course) => {
    const t = useT(staffMessages);
    const { grading } = course.config;
    return [
      { path: '', label: t('navDashboard') },
      { path: 'groups', label: t('navGroups') },
      { path: 'submissions', label: t('navSubmissions') },
      { path: 'schedule', label: t('navSchedule') },
      { path: 'grading', label: t('navGrading') },
      // Only in courses that mark with assigned graders, or take regrade requests.
      ...(grading.markers ? [{ path: 'marking', label: t('navMarking') }] : []),
      ...(grading.regradeDays !== undefined ? [{ path: 'regrades', label: t('navRegrades') }] : []),
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
    { path: 'marking', Component: lazyPage(() => import('./marking.js').then((m) => m.MarkingPage)) },
    { path: 'regrades', Component: lazyPage(() => import('./regrades.js').then((m) => m.RegradesPage)) },
    { path: 'activity', Component: lazyPage(() => import('./activity.js').then((m) => m.ActivityPage)) },
  ],
};
