import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { href } from '../../router.js';
import { Loaded } from '../../ui/problem.js';
import type { CoursePageProps } from '../course-area.js';
import { ContributionStatements } from './contribution-statements.js';
import { DeliverableState } from './deliverable-state.js';
import { typeName } from './file-rules.js';
import { PageHeading } from './page-heading.js';
import { isPast, useMe } from './student-data.js';
import { studentMessages } from './student-messages.js';
import { UploadForm } from './upload-form.js';
import { uploadsMessages } from './uploads-messages.js';
import { useNow } from './use-now.js';
import { Versions } from './versions.js';
import { When } from './when.js';
import './student.css';

/**
 * One deliverable: its rules and deadline, the upload (drop or choose a file), the members'
 * contribution statements when it requires them, every version.
 */
export const UploadPage = ({ course, params }: CoursePageProps) => {
  const t = useT(uploadsMessages);
  const s = useT(studentMessages);
  const fmt = useFormat();
  const dateTime = useFormat().dateTime;
  const now = useNow();
  const me = useMe(course.courseId);
  const zone = course.config.timeZone;
  const config = course.config.deliverables.find((d) => d.id === params.deliverableId);
  const back = (
    <p>
      <a href={href(`/c/${course.courseId}/uploads`)}>{t('allUploads')}</a>
    </p>
  );
  if (!config)
    return (
      <section>
        <PageHeading>{t('title')}</PageHeading>
        {back}
      </section>
    );
  return (
    <section>
      <PageHeading>{config.title}</PageHeading>
      {back}
      <Loaded resource={me}>
        {(view) => {
          const d = view.submissions.find((x) => x.deliverableId === config.id);
          if (!d) return null;
          const closed = isPast(d.deadline, now);
          return (
            <>
              <dl class="st-facts st-rules">
                <div>
                  <dt>{t('state')}</dt>
                  <dd>
                    <DeliverableState state={d.state} />
                  </dd>
                </div>
                <div>
                  <dt>{t('deadline')}</dt>
                  <dd>
                    {closed ? (
                      t('closedOn', { when: dateTime(d.deadline, zone) })
                    ) : (
                      <When iso={d.deadline} zone={zone} now={now} countdown />
                    )}
                    {d.extended && <span class="badge">{t('extended')}</span>}
                  </dd>
                </div>
                <div>
                  <dt>{t('accepts')}</dt>
                  <dd>
                    {config.accept.map(typeName).join(', ')}
                    {config.maxPages !== undefined && (
                      <>; {t('maxPages', { n: fmt.number(config.maxPages) })}</>
                    )}
                  </dd>
                </div>
                <div>
                  <dt>{t('maxSize')}</dt>
                  <dd>{fmt.bytes(config.maxBytes)}</dd>
                </div>
              </dl>
              <h2>{d.versions.length ? t('sendAgain') : t('send')}</h2>
              {d.owner === null ? (
                <p class="notice">
                  {t('noGroup')} <a href={href(`/c/${course.courseId}/group`)}>{s('formGroupLink')}</a>
                </p>
              ) : closed ? (
                <p class="notice">{t('closed', { when: dateTime(d.deadline, zone) })}</p>
              ) : (
                <UploadForm
                  key={d.deliverableId}
                  courseId={course.courseId}
                  me={view}
                  deliverable={d}
                  config={config}
                  zone={zone}
                  onDecided={me.reload}
                />
              )}
              <ContributionStatements
                courseId={course.courseId}
                me={view}
                deliverable={d}
                open={!closed && d.owner !== null}
                zone={zone}
                onSaved={me.reload}
              />
              <h2>{t('history')}</h2>
              <Versions courseId={course.courseId} versions={d.versions} zone={zone} />
            </>
          );
        }}
      </Loaded>
    </section>
  );
};
