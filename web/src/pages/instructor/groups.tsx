import { useState } from 'preact/hooks';
import { useApp } from '../../app-context.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { useCourseTime } from './course-time.js';
import { Loaded } from '../../ui/problem.js';
import { useResource } from '../../ui/use-resource.js';
import type { CoursePageProps } from '../course-area.js';
import { Allocation } from './allocation.js';
import { useGroupLabel } from './group-label.js';
import { InvitationList } from './invitation-list.js';
import { groupsMessages } from './groups-messages.js';
import { PlaceUnassigned } from './place-unassigned.js';
import { RemoveMemberForm, type Removal } from './remove-member-form.js';
import { loadGroups } from './staff-data.js';
import { staffMessages } from './staff-messages.js';
import './staff.css';

/**
 * Every group with its members, pending invitations and paper (or none yet); the students in none;
 * removals, withdrawals and placements; in ranked courses, the paper allocation and its report.
 */
export const GroupsPage = ({ course }: CoursePageProps) => {
  const { api } = useApp();
  const t = useT(groupsMessages);
  const s = useT(staffMessages);
  const fmt = useFormat();
  const when = useCourseTime(course.config.timeZone);
  const { courseId } = course;
  const data = useResource(() => loadGroups(api, courseId), [courseId]);
  const groupLabel = useGroupLabel(data.data?.groups);
  const [removal, setRemoval] = useState<Removal>();
  const [message, setMessage] = useState('');
  return (
    <section>
      <h1>{t('title')}</h1>
      <Loaded resource={data}>
        {(view) => {
          const names = new Map<string, string>();
          for (const g of view.groups) for (const m of g.members) names.set(m.email, m.name ?? m.email);
          for (const u of view.unassigned) names.set(u.email, u.name);
          const nameOf = (email: string) => names.get(email) ?? email;
          const paperTitle = (id: string) => view.papers.find((p) => p.id === id)?.title ?? id;
          const withoutPaper = view.groups.filter((g) => !g.paperId);
          return (
            <>
              <p>
                {t('summary', {
                  groups: fmt.number(view.counts.groups),
                  complete: fmt.number(view.counts.complete),
                  unassigned: fmt.number(view.counts.unassigned),
                  students: fmt.number(view.counts.students),
                })}{' '}
                {t('deadline', { when: when(view.deadline.at) })}
              </p>
              {withoutPaper.length > 0 && (
                <p class="warn">
                  {t('withoutPaper', { list: withoutPaper.map((g) => groupLabel(g.groupId)).join(', ') })}
                </p>
              )}
              <p role="status" class="ok">
                {message}
              </p>
              {view.groups.length === 0 ? (
                <p>{t('noGroups')}</p>
              ) : (
                <div class="table-wrap">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{s('groupCol')}</th>
                        <th scope="col">{s('paper')}</th>
                        <th scope="col">{t('status')}</th>
                        <th scope="col">{s('members')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {view.groups.map((g) => (
                        <tr key={g.groupId}>
                          <th scope="row">{groupLabel(g.groupId)}</th>
                          <td>
                            {g.paper ? (
                              <a href={g.paper.url}>{g.paper.title}</a>
                            ) : (
                              <span class="warn">{t('noPaper')}</span>
                            )}
                          </td>
                          <td>
                            <span class={g.status === 'complete' ? 'ok' : 'warn'}>{t(g.status)}</span>
                            <br />
                            {t('size', { members: g.size.members, min: g.size.min, max: g.size.max })}
                          </td>
                          <td>
                            <ul class="plain">
                              {g.members.map((m) => (
                                <li key={m.email} class="row">
                                  <span>
                                    {m.name ?? m.email} <span class="subtle">{m.email}</span>
                                  </span>
                                  <button
                                    type="button"
                                    class="link"
                                    onClick={() => {
                                      setMessage('');
                                      setRemoval({
                                        groupId: g.groupId,
                                        groupLabel: groupLabel(g.groupId),
                                        email: m.email,
                                        name: m.name ?? m.email,
                                      });
                                    }}
                                  >
                                    {t('remove')}
                                    <span class="visually-hidden"> {m.name ?? m.email}</span>
                                  </button>
                                </li>
                              ))}
                            </ul>
                            <InvitationList
                              courseId={courseId}
                              group={g}
                              groupLabel={groupLabel(g.groupId)}
                              onWithdrawn={(text) => {
                                setMessage(text);
                                data.reload();
                              }}
                            />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {removal && (
                <RemoveMemberForm
                  key={removal.groupId + removal.email}
                  courseId={courseId}
                  removal={removal}
                  onCancel={() => setRemoval(undefined)}
                  onRemoved={(text) => {
                    setRemoval(undefined);
                    setMessage(text);
                    data.reload();
                  }}
                />
              )}
              {course.config.groups.paperChoice === 'ranked' && (
                <>
                  <h2>{t('allocationTitle')}</h2>
                  <Allocation
                    courseId={courseId}
                    timeZone={course.config.timeZone}
                    groupLabel={groupLabel}
                    nameOf={nameOf}
                    paperTitle={paperTitle}
                    version={view}
                  />
                </>
              )}
              <h2>{t('unassignedTitle')}</h2>
              {view.unassigned.length === 0 ? (
                <p>{t('everyoneHasGroup')}</p>
              ) : (
                <ul>
                  {view.unassigned.map((u) => (
                    <li key={u.email}>
                      {u.name} <span class="subtle">{u.email}</span>
                    </li>
                  ))}
                </ul>
              )}
              <h2>{t('placeTitle')}</h2>
              <PlaceUnassigned
                courseId={courseId}
                groupLabel={groupLabel}
                nameOf={nameOf}
                paperTitle={paperTitle}
                onPlaced={data.reload}
              />
            </>
          );
        }}
      </Loaded>
    </section>
  );
};
