import { sendMail, type Mail } from '../mail/send-mail.js';
import type { Deps } from '../runtime/deps.js';
import { log } from '../runtime/log.js';
import type { CourseRecord } from '../store/course-repo.js';
import { visibleGrades, type MemberResult } from './grade-book.js';

export interface GradeMail {
  email: string;
  name?: string;
  result: MemberResult;
}

const gradeText = (course: CourseRecord, m: GradeMail, headline: string): string => {
  const { grading } = course.config;
  const v = visibleGrades(grading, m.result);
  const line = (value: number | null, reason?: string) =>
    value === null ? `not available${reason ? ` (${reason})` : ''}` : `${value} / ${grading.scale}`;
  return [
    m.name ? `Dear ${m.name},` : 'Hello,',
    '',
    headline,
    '',
    `Course: ${course.config.title}`,
    ...grading.components.map((c) => {
      const r = m.result.components[c.id];
      return `${c.title} (weight ${c.weight}): ${line(v.components[c.id] ?? null, r && !r.ok ? r.reason : undefined)}`;
    }),
    `Final grade: ${v.finalText === null ? line(null, v.finalReason) : `${v.finalText} / ${grading.scale}`}`,
    '',
    `The final is Σ weight × component, computed exactly and rounded once (step ${grading.rounding.step}, ${grading.rounding.mode}).`,
    `Your grades are also in the course page (GET /courses/${course.courseId}/me).`,
  ].join('\n');
};

/** Runs at most `limit` sends at once; resolves with the addresses whose mail failed. */
const inBatches = async <T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>) => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await run(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
};

/** One student's grade mail, built and ready to send. */
export interface BuiltGradeMail {
  email: string;
  mail: Mail;
}

/**
 * Builds each student's mail with their own grades (and nobody else's). Pure: call it before the
 * write that makes the grades visible, so a mail that cannot be built fails the request with nothing
 * written.
 */
export const buildGradeMails = (
  course: CourseRecord,
  mails: readonly GradeMail[],
  kind: 'published' | 'updated',
): BuiltGradeMail[] => {
  const headline =
    kind === 'published' ? 'Your grades have been published.' : 'Your grades were updated after publication.';
  const subject = `[${course.config.title}] ${kind === 'published' ? 'Your grades' : 'Your grades were updated'}`;
  return mails.map((m) => ({
    email: m.email,
    mail: { to: [m.email], subject, text: gradeText(course, m, headline) },
  }));
};

/**
 * Sends built grade mails, at most 8 at once. A failed mail is logged and reported, not fatal: the
 * grades are saved and visible in /me.
 */
export const sendGradeMails = async (
  d: Pick<Deps, 'ses' | 'mailFrom'>,
  courseId: string,
  built: readonly BuiltGradeMail[],
): Promise<{ sent: number; failed: string[] }> => {
  const failed: string[] = [];
  let sent = 0;
  await inBatches(built, 8, async (m) => {
    try {
      await sendMail(d, m.mail);
      sent++;
    } catch (error) {
      failed.push(m.email);
      log.error('grade mail failed', { courseId, to: m.email, error });
    }
  });
  return { sent, failed };
};

/**
 * Builds and sends in one go, for callers whose mails depend on what they read with the write. A
 * mail that cannot be built is logged and reported as failed, like one that cannot be sent.
 */
export const mailGrades = async (
  d: Deps,
  course: CourseRecord,
  mails: readonly GradeMail[],
  kind: 'published' | 'updated',
): Promise<{ sent: number; failed: string[] }> => {
  const built: BuiltGradeMail[] = [];
  const unbuilt: string[] = [];
  for (const m of mails) {
    try {
      built.push(...buildGradeMails(course, [m], kind));
    } catch (error) {
      unbuilt.push(m.email);
      log.error('grade mail failed', { courseId: course.courseId, to: m.email, error });
    }
  }
  const { sent, failed } = await sendGradeMails(d, course.courseId, built);
  return { sent, failed: [...unbuilt, ...failed] };
};
