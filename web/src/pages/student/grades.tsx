import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { Loaded } from '../../ui/problem.js';
import type { CoursePageProps } from '../course-area.js';
import { gradesMessages } from './grades-messages.js';
import { ComponentRegrades, RegradeWindow } from './grades-regrades.js';
import { regradeWindowEnd } from './regrade-window.js';
import { PageHeading } from './page-heading.js';
import { useMe } from './student-data.js';
import { useNow } from './use-now.js';
import './student.css';

/** Decimals the course's rounding step keeps ("0.01" → 2, "0.5" → 1, "1" → 0). */
const digitsOf = (step: string) => step.split('.')[1]?.length ?? 0;

/** "2/3" → "66.7 %": weights are exact fractions, shown as a share. */
const shareOf = (weight: string) => {
  const [n, d] = weight.split('/').map(Number);
  return (n ?? 0) / (d ?? 1);
};

/**
 * The student's own grades once published: each component, the final, out of the course's scale,
 * then the feedback per component: its aspect scores and the grader's comment.
 */
export const GradesPage = ({ course }: CoursePageProps) => {
  const t = useT(gradesMessages);
  const fmt = useFormat();
  const dateTime = useFormat().dateTime;
  const me = useMe(course.courseId);
  const now = useNow();
  const { grading, timeZone } = course.config;
  const digits = digitsOf(grading.rounding.step);
  const percent = new Intl.NumberFormat(fmt.locale === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  return (
    <section>
      <PageHeading>{t('title')}</PageHeading>
      <Loaded resource={me}>
        {(view) => {
          const grades = view.grades;
          if (!grades) return <p>{t('notYet')}</p>;
          const out = (value: number | null) =>
            value === null
              ? t('missing')
              : t('outOf', { value: fmt.number(value, digits), scale: fmt.number(grades.scale) });
          // Courses with grading.regradeDays take requests until that many days after publication.
          const windowEnd =
            grading.regradeDays === undefined
              ? undefined
              : regradeWindowEnd(grades.publishedAt, timeZone, grading.regradeDays);
          const windowOpen = !!windowEnd && windowEnd.getTime() > now;
          return (
            <>
              <p>
                {t('published')}:{' '}
                <time dateTime={grades.publishedAt}>{dateTime(grades.publishedAt, timeZone)}</time>
              </p>
              <p class="st-final">
                {t('final')}: <strong>{out(grades.final)}</strong>
              </p>
              {grades.final === null && grades.finalReason && (
                <p class="warn">{t('noFinal', { reason: grades.finalReason })}</p>
              )}
              {!grades.complete && <p class="notice">{t('incomplete')}</p>}
              {windowEnd && <RegradeWindow end={windowEnd} zone={timeZone} now={now} />}
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('component')}</th>
                      <th scope="col">{t('weight')}</th>
                      <th scope="col">{t('grade')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {grading.components.map((c) => (
                      <tr key={c.id}>
                        <th scope="row">{c.title}</th>
                        <td>{percent.format(shareOf(c.weight))}</td>
                        <td>{out(grades.components[c.id] ?? null)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <h2>{t('feedback')}</h2>
              {grades.feedback.map((f) => (
                <section key={f.componentId} class="st-feedback" aria-labelledby={`fb-${f.componentId}`}>
                  <h3 id={`fb-${f.componentId}`}>
                    {f.title}: {out(f.value)}
                  </h3>
                  {f.value === null && f.missing && <p class="st-subtle">{f.missing}</p>}
                  {f.aspects.length > 0 && (
                    <div class="table-wrap">
                      <table>
                        <thead>
                          <tr>
                            <th scope="col">{t('aspect')}</th>
                            <th scope="col">{t('weight')}</th>
                            <th scope="col">{t('score')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {f.aspects.map((a) => (
                            <tr key={a.aspectId}>
                              <th scope="row">{a.title}</th>
                              <td>{percent.format(shareOf(a.weight))}</td>
                              <td>{out(a.score)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  )}
                  {f.comment ? (
                    <figure class="st-comment">
                      <figcaption>{t('comment')}</figcaption>
                      <blockquote>{f.comment}</blockquote>
                    </figure>
                  ) : (
                    f.value !== null && <p class="st-subtle">{t('noComment')}</p>
                  )}
                  {windowEnd && (
                    <ComponentRegrades
                      courseId={course.courseId}
                      componentId={f.componentId}
                      title={f.title}
                      requests={view.regrades.filter((r) => r.componentId === f.componentId)}
                      canAsk={windowOpen && f.value !== null}
                      zone={timeZone}
                      out={out}
                      onSent={me.reload}
                    />
                  )}
                </section>
              ))}
            </>
          );
        }}
      </Loaded>
    </section>
  );
};
