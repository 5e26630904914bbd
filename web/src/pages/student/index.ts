import { useT } from '../../i18n/i18n.js';
import type { CourseArea } from '../course-area.js';
import { lazyPage } from '../../ui/lazy-page.js';
import { studentMessages } from './student-messages.js';

/**
 * The student's pages in a course. Each page's code is fetched when first opened (lazyPage), so
 * signed-out visitors and staff never download it, and the app's first page stays small.
 */
export const studentArea: CourseArea = {
  useNav: () => {
    const t = useT(studentMessages);
    return [
      { path: '', label: t('navHome') },
      { path: 'group', label: t('navGroup') },
      { path: 'papers', label: t('navPapers') },
      { path: 'uploads', label: t('navUploads') },
      { path: 'slots', label: t('navSlots') },
      { path: 'grades', label: t('navGrades') },
    ];
  },
  pages: [
    { path: '', Component: lazyPage(() => import('./home.js').then((m) => m.StudentHome)) },
    { path: 'group', Component: lazyPage(() => import('./group.js').then((m) => m.GroupPage)) },
    { path: 'papers', Component: lazyPage(() => import('./papers.js').then((m) => m.PapersPage)) },
    { path: 'uploads', Component: lazyPage(() => import('./uploads.js').then((m) => m.UploadsPage)) },
    {
      path: 'uploads/:deliverableId',
      Component: lazyPage(() => import('./upload-page.js').then((m) => m.UploadPage)),
    },
    { path: 'slots', Component: lazyPage(() => import('./slots.js').then((m) => m.SlotsPage)) },
    { path: 'grades', Component: lazyPage(() => import('./grades.js').then((m) => m.GradesPage)) },
  ],
};
