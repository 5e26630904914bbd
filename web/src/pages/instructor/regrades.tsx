import { useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import type { ResponseOf } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { href } from '../../router.js';
import { Loaded } from '../../ui/problem.js';
import { useResource } from '../../ui/use-resource.js';
import type { CoursePageProps } from '../course-area.js';
import { useCourseTime } from './course-time.js';
import { RegradeAnswerForm } from './regrade-answer-form.js';
import { regradesMessages } from './regrades-messages.js';
import { staffMessages } from './staff-messages.js';
import './staff.css';

type Regrade = ResponseOf<'/courses/{courseId}/regrades', 'get'>[number];

/** Decimals the course's rounding step keeps ("0.01" → 2). */
const digitsOf = (step: string) => step.split('.')[1]?.length ?? 0;

/**
 * Regrade requests (courses with grading.regradeDays), open ones first as the API lists them: who
 * asked about which component, what they saw then, their reason, and the answer form; a change of
 * the grade itself is made in the grading grid first. Answered ones below, with what the student
 * sees since.
 */
export const RegradesPage = ({ course }: CoursePageProps) => {
  const t = useT(regradesMessages);
  const s = useT(staffMessages);
  const fmt = useFormat();
  const { api } = useApp();
  const { courseId, config } = course;
  const when = useCourseTime(config.timeZone);
  const [said, setSaid] = useState('');
  const list = useResource(
    () => unwrap(api.GET('/courses/{courseId}/regrades', { params: { path: { courseId } } })),
    [courseId],
  );
  const digits = digitsOf(config.grading.rounding.step);
  const value = (v: number | null) =>
    v === null ? t('notGraded') : `${fmt.number(v, digits)} / ${fmt.number(config.grading.scale)}`;
  const card = (r: Regrade) => {
    const headingId = `rg-${r.regradeId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    return (
      <li key={r.regradeId} class="card regrade" aria-labelledby={headingId}>
        <h3 id={headingId}>
          {t('requestOf', { name: r.name, component: r.componentTitle })}{' '}
          <span class="subtle">({t('round', { n: r.round })})</span>
        </h3>
        <p class="subtle">
          {r.email} · {t('requestedOn', { when: when(r.requestedAt) })}
        </p>
        <p>{t('saw', { value: value(r.seen.value), final: value(r.seen.final) })}</p>
        <figure class="reason">
          <figcaption>{t('reason')}</figcaption>
          <blockquote>{r.reason}</blockquote>
        </figure>
        {r.answer ? (
          <>
            <p>
              <span class="badge ok">{r.status === 'changed' ? t('statusChanged') : t('statusUpheld')}</span>{' '}
              {t('answerBy', { by: r.answer.by, when: when(r.answer.at) })}
            </p>
            <blockquote>{r.answer.response}</blockquote>
            <p>{t('nowSee', { value: value(r.answer.now.value), final: value(r.answer.now.final) })}</p>
          </>
        ) : (
          <RegradeAnswerForm
            courseId={courseId}
            regradeId={r.regradeId}
            onAnswered={() => {
              setSaid(t('answeredOk', { name: r.name }));
              list.reload();
            }}
          />
        )}
      </li>
    );
  };
  return (
    <section>
      <h1>{t('title')}</h1>
      <p>{t('intro', { days: config.grading.regradeDays ?? 0 })}</p>
      <p class="hint">
        {t('changeFirst')} <a href={href(`/c/${courseId}/grading`)}>{t('toGrading')}</a>
      </p>
      <p class="hint">{s('courseTime', { zone: config.timeZone })}</p>
      <p role="status" class="ok">
        {said}
      </p>
      <Loaded resource={list}>
        {(requests) => {
          const open = requests.filter((r) => r.status === 'open');
          const answered = requests.filter((r) => r.status !== 'open');
          return (
            <>
              <h2>{t('openTitle', { n: open.length })}</h2>
              {open.length ? <ul class="cards">{open.map(card)}</ul> : <p>{t('noOpen')}</p>}
              <h2>{t('answeredTitle', { n: answered.length })}</h2>
              {answered.length ? <ul class="cards">{answered.map(card)}</ul> : <p>{t('noAnswered')}</p>}
            </>
          );
        }}
      </Loaded>
    </section>
  );
};
