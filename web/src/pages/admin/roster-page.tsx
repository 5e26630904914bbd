import { unwrap } from '../../api/client.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { Loaded } from '../../ui/problem.js';
import { useResource } from '../../ui/use-resource.js';
import type { CoursePageProps } from '../course-area.js';
import { staffMessages } from '../instructor/staff-messages.js';
import { TableWrap } from '../instructor/table-wrap.js';
import { adminMessages } from './admin-messages.js';
import { RosterImport } from './roster-import.js';
import '../instructor/staff.css';
import './admin.css';

/** The roster: import a CSV (previewed line by line first) and the students on it now. */
export const RosterPage = ({ course }: CoursePageProps) => {
  const { api } = useApp();
  const t = useT(adminMessages);
  const s = useT(staffMessages);
  const { courseId } = course;
  const roster = useResource(
    () => unwrap(api.GET('/courses/{courseId}/roster', { params: { path: { courseId } } })),
    [courseId],
  );
  return (
    <section>
      <h1>{t('rosterTitle')}</h1>
      <Loaded resource={roster}>
        {(list) => (
          <>
            <h2>{t('importTitle')}</h2>
            <RosterImport courseId={courseId} current={list} onImported={roster.reload} />
            <h2>{t('rosterTitle')}</h2>
            <p>{list.length ? t('rosterCount', { n: list.length }) : t('rosterEmpty')}</p>
            {list.length > 0 && (
              <TableWrap label={t('rosterTitle')}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('name')}</th>
                      <th scope="col">{s('email')}</th>
                      <th scope="col">{t('studentId')}</th>
                      <th scope="col">{t('group')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((st) => (
                      <tr key={st.email}>
                        <th scope="row">{st.name}</th>
                        <td>{st.email}</td>
                        <td>{st.studentId ?? ''}</td>
                        <td>{st.groupId ? t('inGroup') : t('noGroup')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
};
