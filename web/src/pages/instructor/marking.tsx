import { useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import type { ResponseOf } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { Loaded } from '../../ui/problem.js';
import { useResource } from '../../ui/use-resource.js';
import type { CoursePageProps } from '../course-area.js';
import { useGroupLabel } from './group-label.js';
import { GradeForm } from './mark-forms.js';
import { MarkPanel, ReportLink } from './mark-panel.js';
import { AssignmentsForm } from './marking-assignments.js';
import { markingMessages } from './marking-messages.js';
import { loadGroups } from './staff-data.js';
import { staffMessages } from './staff-messages.js';
import { TableWrap } from './table-wrap.js';
import './staff.css';

type QueueItem = ResponseOf<'/courses/{courseId}/marking/queue', 'get'>['items'][number];

/**
 * Courses with grading.markers: the caller's queue (labels instead of names where the component is
 * anonymous for them) with their progress; a second-marked item opens its marks (the caller's own
 * first, then both). The lead also sees every grader's progress, agrees finals, and assigns graders.
 */
export const MarkingPage = ({ course }: CoursePageProps) => {
  const t = useT(markingMessages);
  const s = useT(staffMessages);
  const { api } = useApp();
  const { courseId, config } = course;
  const [openKey, setOpenKey] = useState<string>();
  const data = useResource(async () => {
    const queue = await unwrap(
      api.GET('/courses/{courseId}/marking/queue', { params: { path: { courseId } } }),
    );
    // A grader kept anonymous may not list groups (the API refuses): their queue is by label only.
    const groups = queue.anonymous ? undefined : (await loadGroups(api, courseId)).groups;
    return { queue, groups };
  }, [courseId]);
  const groupLabel = useGroupLabel(data.data?.groups);
  const component = (componentId: string) => config.grading.components.find((c) => c.id === componentId);
  const titleOf = (componentId: string) => component(componentId)?.title ?? componentId;
  // Anonymous items show only the API's opaque label: not even the group's number.
  const who = (item: QueueItem) =>
    item.anonymous || item.groupId === null
      ? item.label
      : `${groupLabel(item.groupId)}: ${(item.members ?? []).map((m) => m.name ?? m.email).join(', ')}`;
  // Names the item in button labels: the label or the group's number, never the members.
  const short = (item: QueueItem) =>
    item.anonymous || item.groupId === null ? item.label : groupLabel(item.groupId);
  const state = (item: QueueItem) =>
    item.graded
      ? { text: t('stGraded'), cls: 'ok' }
      : item.flagged
        ? { text: t('stFlagged'), cls: 'bad' }
        : item.secondMarking && item.markedBy.length === 2
          ? { text: t('stBothIn'), cls: 'warn' }
          : item.done
            ? { text: t('stDone'), cls: 'ok' }
            : { text: t('stTodo'), cls: 'warn' };
  return (
    <section>
      <h1>{t('title')}</h1>
      <Loaded resource={data}>
        {({ queue, groups }) => {
          const lead = queue.role === 'lead';
          return (
            <>
              <p>{lead ? t('introLead') : t('introGrader')}</p>
              <p>
                <strong>
                  {lead
                    ? t('progressLead', queue.progress)
                    : t('progress', { done: queue.progress.done, assigned: queue.progress.assigned })}
                </strong>
                {queue.toAgree !== null && queue.toAgree > 0 && <> {t('toAgree', { n: queue.toAgree })}</>}
              </p>
              {(config.grading.markers?.anonymous?.length ?? 0) > 0 && !queue.publishedAt && (
                <p class="hint">{t('anonymousUntil')}</p>
              )}
              {queue.graders && queue.graders.length > 0 && (
                <>
                  <h2 id="graders-title">{t('gradersTitle')}</h2>
                  <TableWrap label={t('gradersTitle')}>
                    <table aria-labelledby="graders-title">
                      <thead>
                        <tr>
                          <th scope="col">{t('grader')}</th>
                          <th scope="col" class="num">
                            {t('done')}
                          </th>
                          <th scope="col" class="num">
                            {t('assigned')}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {queue.graders.map((g) => (
                          <tr key={g.email}>
                            <th scope="row">{g.email}</th>
                            <td class="num">{g.done}</td>
                            <td class="num">{g.assigned}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableWrap>
                </>
              )}
              <h2>{t('queueTitle')}</h2>
              {queue.items.length === 0 ? (
                <p>{t('empty')}</p>
              ) : (
                <ul class="cards marking-queue">
                  {queue.items.map((item) => {
                    const key = `${item.groupId}/${item.componentId}`;
                    const st = state(item);
                    const comp = component(item.componentId);
                    const open = openKey === key;
                    const panelId = `marks-${item.groupId}-${item.componentId}`;
                    return (
                      <li key={key} class="card">
                        <h3>
                          {who(item)} — {titleOf(item.componentId)}
                        </h3>
                        <p>
                          <span class={`badge ${st.cls}`}>{st.text}</span>{' '}
                          <span class="subtle">
                            {t('graders')}: {item.graders.join(', ')}
                          </span>
                        </p>
                        {comp?.deliverableId && (
                          <ReportLink
                            course={course}
                            groupRef={item.groupId ?? item.label}
                            componentId={item.componentId}
                            label={short(item)}
                          />
                        )}
                        {item.secondMarking ? (
                          <>
                            <button
                              type="button"
                              aria-expanded={open}
                              aria-controls={panelId}
                              onClick={() => setOpenKey(open ? undefined : key)}
                            >
                              {open
                                ? t('close')
                                : t('openMarks', { label: who(item), component: titleOf(item.componentId) })}
                            </button>
                            <div id={panelId}>
                              {open && (
                                <MarkPanel
                                  course={course}
                                  groupId={item.groupId ?? item.label}
                                  componentId={item.componentId}
                                  lead={lead}
                                  onChanged={data.reload}
                                />
                              )}
                            </div>
                          </>
                        ) : (
                          comp && (
                            <GradeForm
                              course={course}
                              component={comp}
                              groupRef={item.groupId ?? item.label}
                              grade={item.grade}
                              onSaved={data.reload}
                            />
                          )
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
              {lead && groups && (
                <AssignmentsForm
                  course={course}
                  groups={groups}
                  groupLabel={groupLabel}
                  gradersOf={(groupId, componentId) =>
                    queue.items.find((i) => i.groupId === groupId && i.componentId === componentId)
                      ?.graders ?? []
                  }
                  onSaved={data.reload}
                />
              )}
              <p class="hint">{s('courseTime', { zone: config.timeZone })}</p>
            </>
          );
        }}
      </Loaded>
    </section>
  );
};
