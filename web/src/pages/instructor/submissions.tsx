import { useState } from 'preact/hooks';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { Field, Loaded } from '../../ui/problem.js';
import { useResource } from '../../ui/use-resource.js';
import type { CoursePageProps } from '../course-area.js';
import { ArchivePanel } from './archive-panel.js';
import { loadDeliverableStatus } from './deliverable-status.js';
import { useGroupLabel } from './group-label.js';
import { loadGroups } from './staff-data.js';
import { staffMessages } from './staff-messages.js';
import { SubmissionCard } from './submission-card.js';
import { submissionsMessages } from './submissions-messages.js';
import './staff.css';

/**
 * One deliverable's files as received, newest first, each with its members' contribution
 * statements next to it; and the ZIP of the accepted files.
 */
export const SubmissionsPage = ({ course }: CoursePageProps) => {
  const { api } = useApp();
  const t = useT(submissionsMessages);
  const s = useT(staffMessages);
  const { courseId, config } = course;
  const [deliverableId, setDeliverableId] = useState(
    (config.deliverables.find((d) => d.requiresContributions) ?? config.deliverables[0])?.id ?? '',
  );
  const data = useResource(async () => {
    const [groups, status] = await Promise.all([
      loadGroups(api, courseId),
      loadDeliverableStatus(api, courseId, deliverableId),
    ]);
    return { groups, status };
  }, [courseId, deliverableId]);
  const groupLabel = useGroupLabel(data.data?.groups.groups);
  return (
    <section>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <Field id="submissions-deliverable" label={t('deliverable')}>
        {(a11y) => (
          <select
            {...a11y}
            value={deliverableId}
            onChange={(e) => setDeliverableId((e.target as HTMLSelectElement).value)}
          >
            {config.deliverables.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p class="hint">{s('courseTime', { zone: config.timeZone })}</p>
      <h2>{t('archiveTitle')}</h2>
      <ArchivePanel
        key={deliverableId}
        courseId={courseId}
        deliverableId={deliverableId}
        timeZone={config.timeZone}
      />
      <h2>{t('title')}</h2>
      <Loaded resource={data}>
        {({ groups, status }) => {
          const names = new Map<string, string>();
          for (const g of groups.groups) for (const m of g.members) names.set(m.email, m.name ?? m.email);
          for (const u of groups.unassigned) names.set(u.email, u.name);
          const nameOf = (email: string) => names.get(email) ?? email;
          // Newest first: the version that counts is read first.
          const files = [...status.submissions].sort((a, b) =>
            (b.receivedAt ?? '').localeCompare(a.receivedAt ?? ''),
          );
          return files.length === 0 ? (
            <p>{t('noFiles')}</p>
          ) : (
            <ul class="plain submissions">
              {files.map((v) => (
                <SubmissionCard
                  key={v.submissionId}
                  courseId={courseId}
                  submission={v}
                  ownerLabel={v.ownerKind === 'group' ? groupLabel(v.owner) : nameOf(v.owner)}
                  nameOf={nameOf}
                  timeZone={config.timeZone}
                />
              ))}
            </ul>
          );
        }}
      </Loaded>
    </section>
  );
};
