import type { Api, Loose } from './api.js';

/**
 * Forms a group the way students do: the first listed creates it and invites the others, then each
 * invitee accepts, in list order (so `members` ends in that order). `at` serves every call at that
 * instant. Returns the group as the last accept answered it. Throws with the API's answer on any
 * refusal: fixtures fail loudly, tests assert.
 */
export const formGroupWithConsent = async (
  api: Api,
  courseId: string,
  members: string[],
  options: { paperId?: string; at?: string } = {},
): Promise<Loose> => {
  const as = (email: string) => (options.at ? api.as(email).at(options.at) : api.as(email));
  const [creator = '', ...invitees] = members;
  const made = await as(creator).post(`/courses/${courseId}/groups`, {
    members,
    ...(options.paperId ? { paperId: options.paperId } : {}),
  });
  if (made.status !== 201) throw new Error(`group of ${members.join(', ')}: ${made.status} ${made.text}`);
  let group: Loose = made.body;
  for (const email of invitees) {
    const accepted = await as(email).post(`/courses/${courseId}/groups/${group.groupId}/accept`);
    if (accepted.status !== 200) throw new Error(`${email} accepting: ${accepted.status} ${accepted.text}`);
    group = accepted.body;
  }
  return group;
};
