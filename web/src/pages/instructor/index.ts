import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import { useT } from '../../i18n/i18n.js';
import { href } from '../../router.js';
import type { CourseArea, CoursePageProps } from '../course-area.js';
import { lazyPage } from '../../ui/lazy-page.js';
import { Loading } from '../../ui/problem.js';
import { useKeptAnonymous } from './kept-anonymous.js';
import { staffMessages } from './staff-messages.js';

const Dashboard = lazyPage(() => import('./dashboard.js').then((m) => m.Dashboard));
const Marking = lazyPage(() => import('./marking.js').then((m) => m.MarkingPage));

/**
 * The course's home: the dashboard, except for a grader kept anonymous, whom the API refuses it
 * (403): they land on Marking (replacing the history entry, so Back does not bounce here again).
 */
const Home = (props: CoursePageProps) => {
  const anonymous = useKeptAnonymous(props.course);
  useEffect(() => {
    if (anonymous) window.location.replace(href(`/c/${props.course.courseId}/marking`));
  }, [anonymous, props.course.courseId]);
  return anonymous === false ? h(Dashboard, props) : h(Loading, {});
};

/**
 * The instructor's pages in a course. Each page's code is loaded when first opened (lazyPage), so
 * the first page of the app carries none of it.
 */
export const instructorArea: CourseArea = {
  useNav: (course) => {
    const t = useT(staffMessages);
    const anonymous = useKeptAnonymous(course);
    const { grading } = course.config;
    const marking = { path: 'marking', label: t('navMarking') };
    // A grader kept anonymous (or maybe so, while the queue answers) may open Marking only.
    if (anonymous !== false) return [marking];
    return [
      { path: '', label: t('navDashboard') },
      { path: 'groups', label: t('navGroups') },
      { path: 'submissions', label: t('navSubmissions') },
      { path: 'schedule', label: t('navSchedule') },
      { path: 'grading', label: t('navGrading') },
      // Only in courses that mark with assigned graders, or take regrade requests.
      ...(grading.markers ? [marking] : []),
      ...(grading.regradeDays !== undefined ? [{ path: 'regrades', label: t('navRegrades') }] : []),
      { path: 'activity', label: t('navActivity') },
    ];
  },
  pages: [
    { path: '', Component: Home },
    { path: 'groups', Component: lazyPage(() => import('./groups.js').then((m) => m.GroupsPage)) },
    {
      path: 'submissions',
      Component: lazyPage(() => import('./submissions.js').then((m) => m.SubmissionsPage)),
    },
    { path: 'schedule', Component: lazyPage(() => import('./schedule.js').then((m) => m.SchedulePage)) },
    { path: 'grading', Component: lazyPage(() => import('./grading.js').then((m) => m.GradingPage)) },
    { path: 'marking', Component: Marking },
    { path: 'regrades', Component: lazyPage(() => import('./regrades.js').then((m) => m.RegradesPage)) },
    { path: 'activity', Component: lazyPage(() => import('./activity.js').then((m) => m.ActivityPage)) },
  ],
};
