import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { href } from '../../router.js';
import { Loaded } from '../../ui/problem.js';
import type { CoursePageProps } from '../course-area.js';
import { DeliverableState } from './deliverable-state.js';
import { PageHeading } from './page-heading.js';
import { isPast, useMe } from './student-data.js';
import { studentMessages } from './student-messages.js';
import { uploadsMessages } from './uploads-messages.js';
import { useNow } from './use-now.js';
import { When } from './when.js';
import './student.css';

/** Every deliverable of the course: its state, its deadline for this student, its versions. */
export const UploadsPage = ({ course }: CoursePageProps) => {
  const t = useT(uploadsMessages);
  const s = useT(studentMessages);
  const dateTime = useFormat().dateTime;
  const now = useNow();
  const me = useMe(course.courseId);
  const zone = course.config.timeZone;
  return (
    <section>
      <PageHeading>{t('title')}</PageHeading>
      <p>{t('intro')}</p>
      <p class="hint">{s('courseTime', { zone })}</p>
      <Loaded resource={me}>
        {(view) => (
          <ul class="cards st-deliverables">
            {view.submissions.map((d) => (
              <li key={d.deliverableId} class="card">
                <h2 class="st-card-title">
                  <a href={href(`/c/${course.courseId}/uploads/${d.deliverableId}`)}>{d.title}</a>
                </h2>
                <span class="row">
                  <span class="badge">{d.required ? t('required') : t('optional')}</span>
                  {d.extended && <span class="badge">{t('extended')}</span>}
                </span>
                <DeliverableState state={d.state} />
                <span>
                  {t('deadline')}:{' '}
                  {isPast(d.deadline, now) ? (
                    t('closedOn', { when: dateTime(d.deadline, zone) })
                  ) : (
                    <When iso={d.deadline} zone={zone} now={now} countdown />
                  )}
                </span>
                <span class="st-subtle">{t('versions', { n: d.versions.length })}</span>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
};
