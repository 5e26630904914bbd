import { useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import type { CourseView, ResponseOf } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { Loaded, Problem } from '../../ui/problem.js';
import { useResource, useSubmit } from '../../ui/use-resource.js';
import { rankingMessages } from './ranking-messages.js';
import { initialOrder, moved } from './ranking-order.js';

type Preferences = ResponseOf<'/courses/{courseId}/groups/{groupId}/preferences', 'get'>;

const RankingForm = ({
  course,
  groupId,
  saved,
}: {
  course: CourseView;
  groupId: string;
  saved: Preferences;
}) => {
  const { api } = useApp();
  const t = useT(rankingMessages);
  const dateTime = useFormat().dateTime;
  const papers = course.config.papers;
  // What the server has: shown as "last saved", replaced by each save's answer.
  const [stored, setStored] = useState(saved);
  const [order, setOrder] = useState(() => initialOrder(papers, saved.ranking));
  const [said, setSaid] = useState('');
  const submit = useSubmit();
  const titleOf = (id: string) => papers.find((p) => p.id === id)?.title ?? id;
  const move = (from: number, to: number) => {
    const id = order[from] ?? '';
    setOrder(moved(order, from, to));
    setSaid(t('moved', { title: titleOf(id), n: to + 1 }));
    // The button pressed may have left its place (or vanished, at an end): keep the reader there.
    requestAnimationFrame(
      () =>
        document.getElementById(`rank-${id}-${to < from ? 'up' : 'down'}`)?.focus() ??
        document.getElementById(`rank-${id}-${to < from ? 'down' : 'up'}`)?.focus(),
    );
  };
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const done = await submit.run(() =>
      unwrap(
        api.PUT('/courses/{courseId}/groups/{groupId}/preferences', {
          params: { path: { courseId: course.courseId, groupId } },
          body: { ranking: order },
        }),
      ),
    );
    if (done) {
      setStored(done);
      setSaid(t('saved'));
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate class="st-inline">
      <Problem problem={submit.problem} />
      <p class="hint">
        {stored.updatedAt && stored.updatedBy
          ? t('lastSaved', {
              who: stored.updatedBy,
              when: dateTime(stored.updatedAt, course.config.timeZone),
            })
          : t('notSaved')}
      </p>
      <ol class="st-ranking">
        {order.map((id, i) => (
          <li key={id}>
            <span class="st-rank">{t('rank', { n: i + 1 })}</span>
            <span class="st-rank-title">{titleOf(id)}</span>
            <span class="row">
              {i > 0 && (
                <button
                  type="button"
                  id={`rank-${id}-up`}
                  aria-label={t('upOf', { title: titleOf(id) })}
                  onClick={() => move(i, i - 1)}
                >
                  {t('up')}
                </button>
              )}
              {i < order.length - 1 && (
                <button
                  type="button"
                  id={`rank-${id}-down`}
                  aria-label={t('downOf', { title: titleOf(id) })}
                  onClick={() => move(i, i + 1)}
                >
                  {t('down')}
                </button>
              )}
            </span>
          </li>
        ))}
      </ol>
      <p role="status" class="ok">
        {said}
      </p>
      <button type="submit" class="primary" disabled={submit.busy}>
        {t('save')}
      </button>
    </form>
  );
};

/**
 * In a `ranked` course, the group orders the papers (best first) instead of choosing one; the
 * group-deadline job allocates them. Every paper is sent, in the order shown.
 */
export const PaperRanking = ({ course, groupId }: { course: CourseView; groupId: string }) => {
  const { api } = useApp();
  const t = useT(rankingMessages);
  const prefs = useResource(
    () =>
      unwrap(
        api.GET('/courses/{courseId}/groups/{groupId}/preferences', {
          params: { path: { courseId: course.courseId, groupId } },
        }),
      ),
    [course.courseId, groupId],
  );
  return (
    <section aria-labelledby="ranking-title">
      <h2 id="ranking-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      <Loaded resource={prefs}>
        {(stored) =>
          stored.used ? (
            <RankingForm course={course} groupId={groupId} saved={stored} />
          ) : (
            <p class="notice">{t('unused')}</p>
          )
        }
      </Loaded>
    </section>
  );
};
