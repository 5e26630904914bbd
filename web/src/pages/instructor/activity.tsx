import { useT } from '../../i18n/i18n.js';
import type { CoursePageProps } from '../course-area.js';
import { activityMessages } from './activity-messages.js';
import { AuditLog } from './audit-log.js';
import { JobRuns } from './job-runs.js';
import { MailOutbox } from './mail-outbox.js';
import './staff.css';

/** The course's history: the audit log, the scheduled jobs' runs, the mail outbox. */
export const ActivityPage = ({ course }: CoursePageProps) => {
  const t = useT(activityMessages);
  const { courseId, config } = course;
  return (
    <section>
      <h1>{t('title')}</h1>
      <h2>{t('audit')}</h2>
      <AuditLog courseId={courseId} timeZone={config.timeZone} />
      <h2>{t('mail')}</h2>
      <MailOutbox courseId={courseId} timeZone={config.timeZone} />
      <h2>{t('jobs')}</h2>
      <JobRuns courseId={courseId} timeZone={config.timeZone} />
    </section>
  );
};
