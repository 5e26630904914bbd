import { useState } from 'preact/hooks';
import type { MeView } from '../../api/types.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { href } from '../../router.js';
import { Loaded } from '../../ui/problem.js';
import type { CoursePageProps } from '../course-area.js';
import { homeMessages } from './home-messages.js';
import { InvitationCard } from './my-invitations.js';
import { nextSteps, type Step } from './next-steps.js';
import { PageHeading } from './page-heading.js';
import { isPast, useMe } from './student-data.js';
import { studentMessages } from './student-messages.js';
import { useNow } from './use-now.js';
import { When } from './when.js';
import './student.css';

const StepItem = ({
  step,
  props,
  now,
  me,
  onChanged,
}: {
  step: Step;
  props: CoursePageProps;
  now: number;
  me: MeView;
  onChanged: (message: string) => void;
}) => {
  const t = useT(homeMessages);
  const dateTime = useFormat().dateTime;
  const { course } = props;
  const zone = course.config.timeZone;
  const link = (path: string, label: string) => <a href={href(`/c/${course.courseId}/${path}`)}>{label}</a>;
  const until = (iso: string) => (
    <p class="st-until">
      {t('before')} <When iso={iso} zone={zone} now={now} countdown />
    </p>
  );
  switch (step.kind) {
    case 'grades':
      return (
        <li class="card">
          <strong>{t('gradesOut')}</strong> {link('grades', t('seeGrades'))}
        </li>
      );
    case 'invitation':
      return (
        <li class="card">
          <InvitationCard
            courseId={course.courseId}
            me={me}
            invitation={step.invitation}
            onAnswered={onChanged}
          />
        </li>
      );
    case 'form-group':
      return (
        <li class="card">
          <strong>
            {t('formGroup', { min: course.config.groups.minSize, max: course.config.groups.maxSize })}
          </strong>
          {until(step.until)}
          {link('group', t('openGroup'))}
        </li>
      );
    case 'groups-closed':
      return (
        <li class="card">
          <strong class="warn">{t('groupsClosed')}</strong>
        </li>
      );
    case 'complete-group':
      return (
        <li class="card">
          <strong>{t('completeGroup', { members: step.members, min: step.min })}</strong>
          {until(step.until)}
          {link('group', t('openGroup'))}
        </li>
      );
    case 'upload':
      return (
        <li class="card">
          <strong>{t('upload', { title: step.title })}</strong>
          {step.refused && <span class="bad">{t('refused')}</span>}
          {until(step.until)}
          {link(`uploads/${step.deliverableId}`, t('openUpload'))}
        </li>
      );
    case 'book':
      return (
        <li class="card">
          <strong>{t('book')}</strong>
          {step.opens && <span>{t('bookOpens', { when: dateTime(step.opens, zone) })}</span>}
          {until(step.closes)}
          {link('slots', t('openSlots'))}
        </li>
      );
    case 'booked':
      return (
        <li class="card">
          <strong>{t('booked', { when: dateTime(step.start, zone) })}</strong>
          {link('slots', t('openSlots'))}
        </li>
      );
  }
};

/** Every dated step, with the student's own deadline for each deliverable (extension, grace). */
const Deadlines = ({ me, props, now }: { me: MeView; props: CoursePageProps; now: number }) => {
  const t = useT(homeMessages);
  const dateTime = useFormat().dateTime;
  const zone = props.course.config.timeZone;
  const rows = me.deadlines.map((d) => {
    const deliverable = me.submissions.find((s) => `deliverable:${s.deliverableId}` === d.key);
    const label =
      d.key === 'groups' || d.key === 'booking-opens' || d.key === 'booking-closes'
        ? t(`dl_${d.key}`)
        : (deliverable?.title ?? d.title);
    return { key: d.key, label, at: deliverable?.deadline ?? d.at, extended: deliverable?.extended ?? false };
  });
  rows.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  return (
    <ol class="st-deadlines">
      {rows.map((r) => {
        const past = isPast(r.at, now);
        return (
          <li key={r.key} class={past ? 'st-past' : ''}>
            <strong>{r.label}</strong>
            {r.extended && <span class="badge">{t('extended')}</span>}
            {past ? (
              <span>
                <span class="badge">{t('passed')}</span> <time dateTime={r.at}>{dateTime(r.at, zone)}</time>
              </span>
            ) : (
              <When iso={r.at} zone={zone} now={now} countdown />
            )}
          </li>
        );
      })}
    </ol>
  );
};

/** The student's course home: what to do next, then every deadline with a countdown. */
export const StudentHome = (props: CoursePageProps) => {
  const t = useT(homeMessages);
  const s = useT(studentMessages);
  const me = useMe(props.course.courseId);
  const now = useNow();
  const [message, setMessage] = useState('');
  const changed = (text: string) => {
    setMessage(text);
    me.reload();
  };
  const { config } = props.course;
  return (
    <section>
      <PageHeading>{config.title}</PageHeading>
      <Loaded resource={me}>
        {(view) => {
          const steps = nextSteps(view, props.course, now);
          return (
            <>
              <p>{t('hello', { name: view.student.name })}</p>
              <h2>{t('next')}</h2>
              <p role="status" class="ok">
                {message}
              </p>
              {steps.length === 0 ? (
                <p>{t('nothing')}</p>
              ) : (
                <ul class="cards st-steps">
                  {steps.map((step, i) => (
                    <StepItem
                      key={step.kind === 'invitation' ? step.invitation.groupId : `${step.kind}-${i}`}
                      step={step}
                      props={props}
                      now={now}
                      me={view}
                      onChanged={changed}
                    />
                  ))}
                </ul>
              )}
              <h2>{t('deadlines')}</h2>
              <p class="hint">{s('courseTime', { zone: config.timeZone })}</p>
              <Deadlines me={view} props={props} now={now} />
            </>
          );
        }}
      </Loaded>
    </section>
  );
};
