import { expect } from 'vitest';
import { createCourse, type CourseFixture } from '../support/course-fixture.js';
import type { Loose } from '../support/api.js';
import { seedGroups } from '../support/seed-groups.js';
import { stackDeps } from '../support/stack-deps.js';

/** Group formation happens before the group deadline (13 March). */
export const GROUPS_AT = '2023-03-01T10:00:00+01:00';

export interface GroupCourse extends CourseFixture {
  /** Group A: students 0, 1, 2; group B: students 3, 4, 5. */
  groupA: string;
  groupB: string;
  membersA: string[];
  membersB: string[];
}

export const courseWithGroups = async (
  options: Parameters<typeof createCourse>[0] = {},
): Promise<GroupCourse> => {
  const c = await createCourse({ students: 7, ...options });
  const membersA = c.students.slice(0, 3);
  const membersB = c.students.slice(3, 6);
  // Straight into the table: these tests start once the groups exist (forming has its own tests).
  const [a, b] = await seedGroups(stackDeps(), {
    courseId: c.courseId,
    members: [membersA, membersB],
    paperOf: () => 'ddim',
  });
  const [groupA, groupB] = [a?.groupId ?? '', b?.groupId ?? ''];
  return { ...c, groupA, groupB, membersA, membersB };
};

export const contributionsOf = (members: string[]) =>
  Object.fromEntries(
    members.map((m, i) => [m, `Member ${i + 1}: wrote section ${i + 1} and ran experiments.`]),
  );

export interface Ticket {
  uploadId: string;
  submissionId: string;
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}

/**
 * Sends the file the way a browser form does: multipart/form-data, the presigned fields first, the
 * file last as `file`. `now` stamps the request's instant on the local S3 (x-examdesk-now).
 */
export const postForm = async (
  ticket: Ticket,
  file: Uint8Array,
  options: { now?: string; fileName?: string; type?: string; fields?: Record<string, string> } = {},
): Promise<{ status: number; text: string }> => {
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...ticket.fields, ...options.fields })) form.append(k, v);
  form.append(
    'file',
    new Blob([file], { type: options.type ?? ticket.fields['Content-Type'] ?? 'application/octet-stream' }),
    options.fileName ?? 'upload.bin',
  );
  const res = await fetch(ticket.url, {
    method: 'POST',
    body: form,
    headers: options.now ? { 'x-examdesk-now': options.now } : {},
  });
  return { status: res.status, text: await res.text() };
};

type As = ReturnType<CourseFixture['api']['as']>;

/** Polls the owner's list until the submission is decided (the event handler runs after S3 answers). */
export const waitForDecision = async (
  who: As,
  courseId: string,
  deliverableId: string,
  submissionId: string,
  timeoutMs = 20_000,
): Promise<Loose> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await who.get(`/courses/${courseId}/deliverables/${deliverableId}/submissions`);
    expect(res.status, res.text).toBe(200);
    const found = (res.body as Loose[]).find((s) => s.submissionId === submissionId);
    if (found && found.status !== 'pending') return found;
    if (Date.now() > deadline)
      throw new Error(`submission ${submissionId} still ${found?.status ?? 'absent'}`);
    await new Promise((r) => setTimeout(r, 150));
  }
};

/** Ask for a form, send the file, wait for the decision. */
export const uploadFile = async (
  who: As,
  courseId: string,
  deliverableId: string,
  file: Uint8Array,
  options: {
    fileName: string;
    contentType: string;
    at: string;
    arriveAt?: string;
    contributions?: Record<string, string>;
  },
) => {
  const res = await who.at(options.at).post(`/courses/${courseId}/deliverables/${deliverableId}/uploads`, {
    fileName: options.fileName,
    contentType: options.contentType,
    size: file.length,
    ...(options.contributions ? { contributions: options.contributions } : {}),
  });
  expect(res.status, res.text).toBe(201);
  const ticket = res.body as Ticket;
  const sent = await postForm(ticket, file, {
    now: options.arriveAt ?? options.at,
    fileName: options.fileName,
  });
  expect(sent.status, sent.text).toBe(204);
  const decided = await waitForDecision(who, courseId, deliverableId, ticket.submissionId);
  return { ticket, submission: decided, ddbCalls: Number(res.headers.get('x-examdesk-ddb-calls')) };
};
