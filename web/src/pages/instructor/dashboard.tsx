import { useState } from 'preact/hooks';
import { useApp } from '../../app-context.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { useCourseTime } from './course-time.js';
import { href } from '../../router.js';
import { Loaded } from '../../ui/problem.js';
import { useResource } from '../../ui/use-resource.js';
import type { CoursePageProps } from '../course-area.js';
import { dashboardMessages } from './dashboard-messages.js';
import { loadDeliverableStatus, type MissingOwner } from './deliverable-status.js';
import { ExtensionForm, type ExtensionTarget } from './extension-form.js';
import { useGroupLabel } from './group-label.js';
import { MissingList } from './missing-list.js';
import { PaperLoad } from './paper-load.js';
import { loadGroups } from './staff-data.js';
import { SubmissionsTimeline } from './submissions-timeline.js';
import './staff.css';

/**
 * The course at a glance: groups, students without one, paper load, who is missing which
 * deliverable, files received over time, and deadline extensions.
 */
export const Dashboard = ({ course }: CoursePageProps) => {
  const { api } = useApp();
  const t = useT(dashboardMessages);
  const fmt = useFormat();
  const when = useCourseTime(course.config.timeZone);
  const { courseId, config } = course;
  const zone = config.timeZone;
  const data = useResource(async () => {
    const [groups, ...statuses] = await Promise.all([
      loadGroups(api, courseId),
      ...config.deliverables.map((d) => loadDeliverableStatus(api, courseId, d.id)),
    ]);
    return { groups, statuses };
  }, [courseId, config]);
  const groupLabel = useGroupLabel(data.data?.groups.groups);
  const [target, setTarget] = useState<ExtensionTarget>({
    deliverableId: config.deliverables[0]?.id ?? '',
    owner: '',
    ask: 0,
  });
  return (
    <section>
      <h1>{t('title')}</h1>
      <Loaded resource={data}>
        {({ groups, statuses }) => {
          const names = new Map<string, string>();
          for (const g of groups.groups) for (const m of g.members) names.set(m.email, m.name ?? m.email);
          for (const u of groups.unassigned) names.set(u.email, u.name);
          const nameOf = (email: string) => names.get(email) ?? email;
          const ownerLabel = (m: Pick<MissingOwner, 'owner' | 'ownerKind'>) =>
            m.ownerKind === 'group' ? groupLabel(m.owner) : nameOf(m.owner);
          const owners = (kind: 'group' | 'student') =>
            kind === 'group'
              ? groups.groups.map((g) => ({
                  id: g.groupId,
                  label: `${groupLabel(g.groupId)} — ${g.members.map((m) => m.name ?? m.email).join(', ')}`,
                }))
              : [...names].map(([id, name]) => ({ id, label: `${name} <${id}>` }));
          const received = statuses.flatMap((s) =>
            s.submissions.flatMap((x) => (x.receivedAt ? [{ receivedAt: x.receivedAt, late: x.late }] : [])),
          );
          return (
            <>
              <dl class="stats">
                <div>
                  <dt>{t('groups')}</dt>
                  <dd>
                    <strong>{fmt.number(groups.counts.groups)}</strong>
                    <span>
                      {t('groupsDetail', {
                        complete: fmt.number(groups.counts.complete),
                        incomplete: fmt.number(groups.counts.incomplete),
                      })}
                    </span>
                  </dd>
                </div>
                <div>
                  <dt>{t('students')}</dt>
                  <dd>
                    <strong>{fmt.number(groups.counts.students)}</strong>
                  </dd>
                </div>
                <div>
                  <dt>{t('unassigned')}</dt>
                  <dd>
                    <strong class={groups.counts.unassigned ? 'warn' : ''}>
                      {fmt.number(groups.counts.unassigned)}
                    </strong>
                    <a href={href(`/c/${courseId}/groups`)}>{t('seeGroups')}</a>
                  </dd>
                </div>
              </dl>
              <p>{t('groupDeadline', { when: when(groups.deadline.at) })}</p>

              <h2>{t('paperLoad')}</h2>
              <PaperLoad papers={groups.papers} />

              <h2>{t('overTime')}</h2>
              <SubmissionsTimeline received={received} timeZone={zone} />

              <h2>{t('missing')}</h2>
              {config.deliverables.map((d, i) => {
                const status = statuses[i];
                const headingId = `missing-${d.id}`;
                const deadline = course.deadlines.find((x) => x.key === `deliverable:${d.id}`);
                return (
                  <section key={d.id} aria-labelledby={headingId}>
                    <h3 id={headingId}>
                      {d.title}{' '}
                      <span class="badge">{t('missingCount', { n: status?.missing.length ?? 0 })}</span>
                      {!d.required && <span class="badge">{t('optional')}</span>}
                    </h3>
                    {deadline && <p class="hint">{t('due', { when: when(deadline.at) })}</p>}
                    <MissingList
                      missing={status?.missing ?? []}
                      ownerLabel={ownerLabel}
                      nameOf={nameOf}
                      timeZone={zone}
                      headingId={headingId}
                      onExtend={(m) => setTarget({ deliverableId: d.id, owner: m.owner, ask: Date.now() })}
                    />
                  </section>
                );
              })}

              <h2>{t('extensions')}</h2>
              <ExtensionForm
                course={course}
                target={target}
                setTarget={setTarget}
                owners={owners}
                onDone={data.reload}
              />
            </>
          );
        }}
      </Loaded>
    </section>
  );
};
