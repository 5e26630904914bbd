import { useMemo, useState } from 'preact/hooks';
import { useT } from '../../i18n/i18n.js';
import type { CoursePageProps } from '../course-area.js';
import { adminMessages } from './admin-messages.js';
import { CourseEditor } from './course-editor.js';
import { fromView } from './course-input.js';

/** The course's config in the same editor, prefilled, with the version it replaces. */
export const CourseSettings = ({ course, reloadCourse }: CoursePageProps) => {
  const t = useT(adminMessages);
  const initial = useMemo(() => fromView(course.config), [course]);
  const [saved, setSaved] = useState('');
  return (
    <section>
      <h1>{t('settingsTitle')}</h1>
      <p>
        <span class="badge">{t('version', { version: course.version })}</span> <code>{course.courseId}</code>
      </p>
      <p role="status" class="ok">
        {saved}
      </p>
      <CourseEditor
        key={course.version}
        initial={initial}
        courseId={course.courseId}
        onSaved={(view) => {
          setSaved(t('saved', { version: view.version }));
          reloadCourse();
        }}
      />
    </section>
  );
};
