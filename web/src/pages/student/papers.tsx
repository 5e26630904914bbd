import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { href } from '../../router.js';
import { Loaded } from '../../ui/problem.js';
import type { CoursePageProps } from '../course-area.js';
import { PageHeading } from './page-heading.js';
import { papersMessages } from './papers-messages.js';
import { useMe, usePapers } from './student-data.js';
import './student.css';

/** Every paper with how many groups took it and the seats left (counts only: GET …/papers). */
export const PapersPage = ({ course }: CoursePageProps) => {
  const t = useT(papersMessages);
  const fmt = useFormat();
  const papers = usePapers(course.courseId);
  const me = useMe(course.courseId);
  const mine = me.data?.group?.paperId;
  return (
    <section>
      <PageHeading>{t('title')}</PageHeading>
      <p>{t('intro')}</p>
      {me.data && !me.data.group && (
        <p>
          <a href={href(`/c/${course.courseId}/group`)}>{t('choose')}</a>
        </p>
      )}
      <Loaded resource={papers}>
        {(view) => (
          <ul class="cards st-papers">
            {view.papers.map((p) => {
              const paper = course.config.papers.find((c) => c.id === p.id);
              return (
                <li key={p.id} class={`card${p.id === mine ? ' st-mine' : ''}`}>
                  <h2 class="st-card-title">{p.title}</h2>
                  {p.id === mine && <span class="badge">{t('yours')}</span>}
                  <dl class="st-facts">
                    <div>
                      <dt>{t('load')}</dt>
                      <dd>{t('taken', { count: p.groups, n: fmt.number(p.groups) })}</dd>
                    </div>
                    <div>
                      <dt>{t('seatsHead')}</dt>
                      <dd class={p.full ? 'bad' : 'ok'}>
                        {p.cap === null || p.seatsLeft === null
                          ? t('unlimited')
                          : p.full
                            ? t('full')
                            : t('seats', {
                                count: p.seatsLeft,
                                capCount: p.cap,
                                n: fmt.number(p.seatsLeft),
                                cap: fmt.number(p.cap),
                              })}
                      </dd>
                    </div>
                  </dl>
                  {paper && (
                    <a href={paper.url} rel="noopener noreferrer">
                      {t('read')}
                      <span class="visually-hidden">: {p.title}</span>
                    </a>
                  )}
                  {paper?.questions && paper.questions.length > 0 && (
                    <details>
                      <summary>{t('questions')}</summary>
                      <ul>
                        {paper.questions.map((q) => (
                          <li key={q}>{q}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </Loaded>
    </section>
  );
};
