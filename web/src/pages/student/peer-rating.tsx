import { useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import type { CourseView } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { Field, Problem } from '../../ui/problem.js';
import { useSubmit } from '../../ui/use-resource.js';
import { peerRatingMessages } from './peer-rating-messages.js';

const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * WebPA peer rating (courses with `groups.peerRating`): the caller scores every member, themselves
 * included, 1–5. Confidential: there is no route to read it back, so the form starts blank and says
 * when the last rating was recorded. Unscored members are not sent: the API names each one missing
 * at `body.ratings.<email>`, next to its select.
 */
export const PeerRating = ({
  course,
  groupId,
  members,
  myEmail,
}: {
  course: CourseView;
  groupId: string;
  members: { email: string; name: string | null }[];
  myEmail: string;
}) => {
  const { api } = useApp();
  const t = useT(peerRatingMessages);
  const dateTime = useFormat().dateTime;
  const [scores, setScores] = useState<Record<string, string>>({});
  const [ratedAt, setRatedAt] = useState('');
  const submit = useSubmit();
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const ratings = Object.fromEntries(
      Object.entries(scores)
        .filter(([email, v]) => v && members.some((m) => m.email === email))
        .map(([email, v]) => [email, Number(v)]),
    );
    const done = await submit.run(() =>
      unwrap(
        api.PUT('/courses/{courseId}/groups/{groupId}/peer-ratings/me', {
          params: { path: { courseId: course.courseId, groupId } },
          body: { ratings },
        }),
      ),
    );
    if (done) setRatedAt(done.ratedAt);
  };
  return (
    <section aria-labelledby="peer-title">
      <h2 id="peer-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      <form onSubmit={onSubmit} noValidate class="st-inline">
        <Problem problem={submit.problem} fieldPaths={['body.ratings']} />
        {members.map((m) => (
          <Field
            key={m.email}
            id={`peer-${m.email}`}
            label={`${m.name ?? m.email}${m.email === myEmail ? ` ${t('you')}` : ''}`}
            path={`body.ratings.${m.email}`}
            problem={submit.problem}
          >
            {(a11y) => (
              <select
                {...a11y}
                value={scores[m.email] ?? ''}
                onChange={(e) => setScores({ ...scores, [m.email]: (e.target as HTMLSelectElement).value })}
              >
                <option value="">{t('choose')}</option>
                {SCORES.map((n) => (
                  <option key={n} value={String(n)}>
                    {t(`score_${n}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
        <button type="submit" disabled={submit.busy}>
          {t('save')}
        </button>
        <p role="status" class="ok">
          {ratedAt && t('saved', { when: dateTime(ratedAt, course.config.timeZone) })}
        </p>
      </form>
    </section>
  );
};
