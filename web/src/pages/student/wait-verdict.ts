import type { ApiClient } from '../../api/client.js';
import type { MeView } from '../../api/types.js';
import { loadMe, type Submission } from './student-data.js';

const sleep = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

export type Verdict =
  { kind: 'decided'; submission: Submission; me: MeView } | { kind: 'timeout' } | { kind: 'stopped' };

/**
 * The file is checked after S3 stores it (pages, type, hash). Reads /me until that submission is
 * no longer pending: quickly at first, then backing off (0.5 s growing to 3 s), giving up after
 * about a minute. `live()` false stops it (the page was left).
 */
export const waitForVerdict = async (
  api: ApiClient,
  courseId: string,
  deliverableId: string,
  submissionId: string,
  live: () => boolean,
  limitMs = 60_000,
): Promise<Verdict> => {
  const until = Date.now() + limitMs;
  let delay = 500;
  while (Date.now() < until) {
    await sleep(delay);
    if (!live()) return { kind: 'stopped' };
    // A read that fails (a network blip) is simply tried again at the next step.
    const me = await loadMe(api, courseId).catch(() => undefined);
    const found = me?.submissions
      .find((d) => d.deliverableId === deliverableId)
      ?.versions.find((v) => v.submissionId === submissionId);
    if (me && found && found.status !== 'pending') return { kind: 'decided', submission: found, me };
    delay = Math.min(delay * 1.5, 3000);
  }
  return { kind: 'timeout' };
};
