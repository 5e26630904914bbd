import type { ComponentChildren } from 'preact';
import { unwrap } from '../api/client.js';
import type { CourseView } from '../api/types.js';
import { useApp } from '../app-context.js';
import { useT } from '../i18n/i18n.js';
import { shellMessages } from '../i18n/shell-messages.js';
import { href, matchPath } from '../router.js';
import { Loaded } from '../ui/problem.js';
import { useResource } from '../ui/use-resource.js';
import { adminCourseArea } from './admin/index.js';
import type { CourseArea } from './course-area.js';
import { instructorArea } from './instructor/index.js';
import { studentArea } from './student/index.js';

const areaFor = (role: CourseView['role']): CourseArea[] =>
  role === 'student' ? [studentArea] : [instructorArea, adminCourseArea];

/**
 * /c/:courseId/* : reads the course (its role for the caller decides the pages), then the page the
 * rest of the path names. The menu belongs to the role.
 */
export const CoursePage = ({
  courseId,
  rest,
  frame,
}: {
  courseId: string;
  rest: string;
  frame: (
    nav: { title: string; links: { href: string; label: string; current: boolean }[] } | undefined,
    body: ComponentChildren,
  ) => ComponentChildren;
}) => {
  const { api } = useApp();
  const course = useResource(
    () => unwrap(api.GET('/courses/{courseId}', { params: { path: { courseId } } })),
    [courseId],
  );
  if (!course.data) return <>{frame(undefined, <Loaded resource={course}>{() => null}</Loaded>)}</>;
  return <CourseBody course={course.data} rest={rest} reload={course.reload} frame={frame} />;
};

const CourseBody = ({
  course,
  rest,
  reload,
  frame,
}: {
  course: CourseView;
  rest: string;
  reload: () => void;
  frame: Parameters<typeof CoursePage>[0]['frame'];
}) => {
  const t = useT(shellMessages);
  const areas = areaFor(course.role);
  const navs = areas.map((a) => a.useNav(course)).flat();
  const base = `/c/${course.courseId}`;
  const links = navs.map((n) => ({
    href: href(n.path ? `${base}/${n.path}` : base),
    label: n.label,
    current: n.path === rest,
  }));
  for (const area of areas)
    for (const page of area.pages) {
      const params = matchPath(page.path || '/', rest || '/');
      if (params)
        return (
          <>
            {frame(
              { title: `${course.config.title} — ${t('nav')}`, links },
              <page.Component course={course} params={params} reloadCourse={reload} />,
            )}
          </>
        );
    }
  return (
    <>
      {frame(
        { title: t('nav'), links },
        <section>
          <h1>{t('notFound')}</h1>
          <a href={href('/')}>{t('backHome')}</a>
        </section>,
      )}
    </>
  );
};
