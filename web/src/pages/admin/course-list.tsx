import { unwrap } from '../../api/client.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { shellMessages } from '../../i18n/shell-messages.js';
import { href } from '../../router.js';
import { Loaded } from '../../ui/problem.js';
import { useResource } from '../../ui/use-resource.js';
import { adminMessages } from './admin-messages.js';
import { TableWrap } from '../instructor/table-wrap.js';
import '../instructor/staff.css';

/** /admin: every course (GET /courses answers an admin with all of them), and a way to create one. */
export const CourseList = () => {
  const { api, isAdmin } = useApp();
  const t = useT(adminMessages);
  const shell = useT(shellMessages);
  const courses = useResource(() => unwrap(api.GET('/courses')), []);
  return (
    <section>
      <h1>{t('coursesTitle')}</h1>
      {!isAdmin && <p class="warn">{t('notAdmin')}</p>}
      <p>
        <a class="button primary" href={href('/admin/new')}>
          {t('createCourse')}
        </a>
      </p>
      <Loaded resource={courses}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('noCourses')}</p>
          ) : (
            <TableWrap label={t('coursesTitle')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('title')}</th>
                    <th scope="col">{t('courseId')}</th>
                    <th scope="col">{t('navSettings')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((c) => (
                    <tr key={c.courseId}>
                      <th scope="row">
                        <a href={href(`/c/${c.courseId}`)}>{c.title}</a>
                      </th>
                      <td>
                        <code>{c.courseId}</code> <span class="badge">{shell(`role_${c.role}`)}</span>
                      </td>
                      <td>
                        <a href={href(`/c/${c.courseId}/settings`)}>
                          {t('navSettings')}
                          <span class="visually-hidden"> — {c.title}</span>
                        </a>{' '}
                        ·{' '}
                        <a href={href(`/c/${c.courseId}/roster`)}>
                          {t('navRoster')}
                          <span class="visually-hidden"> — {c.title}</span>
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </Loaded>
    </section>
  );
};
