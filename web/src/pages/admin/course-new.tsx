import { useMemo } from 'preact/hooks';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { navigate } from '../../router.js';
import { adminMessages } from './admin-messages.js';
import { CourseEditor } from './course-editor.js';
import { newCourse } from './course-input.js';

/** /admin/new: a course from the form (prefilled as a usual final project) or pasted as JSON. */
export const CourseNew = () => {
  const { email, isAdmin } = useApp();
  const t = useT(adminMessages);
  const initial = useMemo(() => newCourse(email), [email]);
  return (
    <section>
      <h1>{t('newTitle')}</h1>
      {!isAdmin && <p class="warn">{t('notAdmin')}</p>}
      {/* Created: on to its roster, the next thing a new course needs. */}
      <CourseEditor initial={initial} onSaved={(view) => navigate(`/c/${view.courseId}/roster`)} />
    </section>
  );
};
