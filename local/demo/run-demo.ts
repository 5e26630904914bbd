import { PDFDocument, StandardFonts } from 'pdf-lib';
import { demoCourse, demoRosterCsv } from '../../shared/demo/demo-course.js';
import { ADMIN, demoSession } from './demo-session.js';

export interface DemoResult {
  courseId: string;
  story: string[];
  grades: {
    email: string;
    name: string;
    groupId: string | null;
    components: Record<string, number | null>;
    final: number | null;
  }[];
  mails: number;
}

const pdf = async (pages: number, title: string): Promise<Uint8Array> => {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++)
    doc.addPage([595, 842]).drawText(`${title} — page ${i}`, { x: 72, y: 770, size: 14, font });
  return doc.save();
};

/**
 * The demo course played from March to May 2023 through the public API only: sign-up, uploads,
 * booking, the scheduled jobs (fired through /_local/run at the right instants), grading and
 * publication. Returns the story and the final grade table; `npm run demo` prints them.
 */
export const runDemo = async (
  apiUrl: string,
  say: (line: string) => void = () => undefined,
  options: { year?: number } = {},
): Promise<DemoResult> => {
  const { api, story, tell, at, y, courseId, teacher, students, s } = demoSession(apiUrl, say, {
    ...options,
    prefix: 'genmod-demo',
  });

  at('2023-02-27T09:00:00+01:00');
  // Regrade requests are open for 7 days after publication in the demo (a course setting).
  const config = y(demoCourse);
  await api.must(201, ADMIN, 'PUT', `/courses/${courseId}`, {
    ...config,
    grading: { ...config.grading, regradeDays: 7 },
  });
  await api.must(200, teacher, 'PUT', `/courses/${courseId}/roster`, demoRosterCsv, 'text/csv');
  tell(
    `27 Feb: the admin opens ${courseId} (the Generative Modeling course); the instructor loads a roster of ${students.length}.`,
  );

  at('2023-03-01T10:00:00+01:00');
  const plan: [number[], string][] = [
    [[0, 1, 2, 3], 'ddim'],
    [[4, 5, 6, 7], 'flow-matching'],
    [[8, 9, 10], 'ddrm'],
    [[11, 12, 13], 'analog-bits'],
  ];
  const groups: string[] = [];
  for (const [members, paperId] of plan) {
    // The first forms the group and invites the others; each joins by accepting.
    const g = await api.must<{ groupId: string }>(
      201,
      s(members[0] ?? 0),
      'POST',
      `/courses/${courseId}/groups`,
      {
        members: members.map(s),
        paperId,
      },
    );
    for (const m of members.slice(1))
      await api.must(200, s(m), 'POST', `/courses/${courseId}/groups/${g.groupId}/accept`);
    groups.push(g.groupId);
  }
  tell(
    `1 Mar: four groups form and choose their papers (DDIM, Flow Matching, DDRM, Analog Bits): each is formed by one student who invites the others, who join by accepting; ${s(14)} and ${s(15)} join no group.`,
  );

  at('2023-03-06T23:00:00Z');
  const r7 = await api.runJob('send-reminders');
  at('2023-03-12T23:00:00Z');
  const r1 = await api.runJob('send-reminders');
  tell(
    `6 and 12 Mar: the reminder job writes to the students in no group (${r7.sent} + ${r1.sent} mails), 7 days and 1 day before the group deadline.`,
  );

  at('2023-03-13T23:15:00Z');
  await api.runJob('enforce-deadlines');
  at('2023-03-14T09:00:00+01:00');
  const placed = await api.must<{ placements: { kind: string; groupId?: string; members: string[] }[] }>(
    200,
    teacher,
    'POST',
    `/courses/${courseId}/groups/place-unassigned`,
    { reason: 'No group at the deadline: placed in groups with room' },
  );
  tell(
    `13 Mar: groups close; the instructors get the summary and place the two students left over (${placed.placements.map((p) => `${p.members.join(', ')} → ${p.groupId}`).join('; ')}).`,
  );

  const members = async (groupId: string) =>
    (
      await api.must<{ members: { email: string }[] }>(
        200,
        teacher,
        'GET',
        `/courses/${courseId}/groups/${groupId}`,
      )
    ).members.map((m) => m.email);
  const upload = async (
    groupId: string,
    deliverableId: string,
    file: Uint8Array,
    fileName: string,
    contributions: boolean,
    arriveAt?: string,
  ) => {
    const group = await members(groupId);
    const ticket = await api.must<{ url: string; fields: Record<string, string>; submissionId: string }>(
      201,
      group[0] ?? '',
      'POST',
      `/courses/${courseId}/deliverables/${deliverableId}/uploads`,
      {
        fileName,
        contentType: 'application/pdf',
        size: file.length,
        ...(contributions
          ? {
              contributions: Object.fromEntries(
                group.map((m) => [m, `${m} wrote a section and ran experiments.`]),
              ),
            }
          : {}),
      },
    );
    const askedAt = api.now;
    if (arriveAt) at(arriveAt);
    const status = await api.postForm(ticket, file, fileName);
    api.now = askedAt;
    if (status !== 204) throw new Error(`S3 refused ${fileName}: ${status}`);
    for (let i = 0; i < 100; i++) {
      const list = await api.must<{ submissionId: string; status: string; late: boolean; pages?: number }[]>(
        200,
        group[0] ?? '',
        'GET',
        `/courses/${courseId}/deliverables/${deliverableId}/submissions`,
      );
      const found = list.find((x) => x.submissionId === ticket.submissionId);
      if (found && found.status !== 'pending') return found;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no decision for ${fileName}`);
  };

  at('2023-03-18T15:00:00+01:00');
  for (const g of groups) await upload(g, 'assignment', await pdf(3, 'Assignment'), 'assignment.pdf', false);
  tell(
    '18 Mar: every group uploads its assignment (3-page PDF); each member gets a receipt with the SHA-256.',
  );

  at('2023-04-02T10:00:00+02:00');
  await api.must(
    200,
    teacher,
    'PUT',
    `/courses/${courseId}/slots`,
    y({
      days: [
        {
          date: '2023-05-15',
          start: '09:00',
          end: '11:00',
          room: 'Salle Condorcet',
          modes: ['in-person', 'remote'],
        },
        { date: '2023-05-16', start: '14:00', end: '15:00', modes: ['remote'] },
      ],
    }),
  );
  at('2023-04-10T12:00:00+02:00');
  const bookings: [number, string, string][] = [
    [0, '2023-05-15T09:00', 'in-person'],
    [1, '2023-05-15T09:30', 'remote'],
    [2, '2023-05-16T14:00', 'remote'],
  ];
  for (const [gi, slotId, mode] of bookings) {
    const g = groups[gi] ?? '';
    await api.must(201, (await members(g))[0] ?? '', 'PUT', `/courses/${courseId}/groups/${g}/booking`, {
      slotId: y(slotId),
      mode,
    });
  }
  tell(
    '10 Apr: slots are laid out for 15–16 May; three groups book (in person and remote), each member gets an .ics invite.',
  );

  at('2023-04-25T18:00:00+02:00');
  for (const g of groups.slice(0, 3)) {
    const r = await upload(g, 'report', await pdf(10, 'Report'), 'report.pdf', true);
    if (r.status !== 'accepted') throw new Error(`report refused: ${JSON.stringify(r)}`);
  }
  const tooLong = await upload(groups[3] ?? '', 'report', await pdf(11, 'Report'), 'report-draft.pdf', true);
  tell(
    `25 Apr: three groups hand in a 10-page report; the fourth tries an 11-page draft: ${tooLong.status}.`,
  );

  at('2023-04-27T22:00:00Z');
  const reportReminder = await api.runJob('send-reminders');
  tell(
    `27 Apr: one day before the report deadline (23:59 Paris, summer time), the reminder job writes to the fourth group only, which has neither a report nor a slot (${reportReminder.sent} mails).`,
  );

  // The form is asked for at 23:58; the file reaches S3 at 00:01, after the deadline.
  at('2023-04-28T23:58:00+02:00');
  const late = await upload(
    groups[3] ?? '',
    'report',
    await pdf(9, 'Report'),
    'report-final.pdf',
    true,
    '2023-04-29T00:01:00+02:00',
  );
  at('2023-04-29T00:15:00+02:00');
  await api.runJob('enforce-deadlines');
  tell(
    `28 Apr 23:58: the fourth group asks to upload a 9-page report; the file reaches S3 at 00:01: ${late.status}, late=${late.late}; instructors get the list of late and missing work.`,
  );

  at('2023-04-30T22:10:00Z');
  const closing = await api.runJob('enforce-deadlines');
  const assigned = closing.entries.flatMap((e) => e.actions).filter((a) => a.startsWith('assigned'));
  tell(
    `30 Apr: booking closes; ${assigned.join('; ') || 'nothing to assign'}; the instructors get the final schedule.`,
  );

  at('2023-05-20T10:00:00+02:00');
  const marks: [number, number, number, number][] = [
    [14, 15, 13, 15],
    [12, 13, 12.5, 17],
    [16, 15.5, 17, 14],
    [11, 12, 10, 13],
  ];
  for (const [i, g] of groups.entries()) {
    const [t, m, e, p] = marks[i] ?? [10, 10, 10, 10];
    await api.must(200, teacher, 'PUT', `/courses/${courseId}/groups/${g}/grades/report`, {
      aspects: { theoretical: t, methodological: m, experimental: e },
      comment: `Theory ${t}, method ${m}, experiments ${e}: see the margin notes in your report.`,
    });
    await api.must(200, teacher, 'PUT', `/courses/${courseId}/groups/${g}/grades/presentation`, { score: p });
  }
  await api.must(
    200,
    teacher,
    'PUT',
    `/courses/${courseId}/groups/${groups[1]}/grades/members/${encodeURIComponent(s(4))}`,
    {
      componentId: 'report',
      adjustment: 1,
      reason: 'The report states this member wrote the experimental part alone',
    },
  );
  const before = await api.call(s(0), 'GET', `/courses/${courseId}/me`);
  await api.must(200, teacher, 'POST', `/courses/${courseId}/grades/publish`, {});
  const me = await api.must<{
    grades: {
      final: number | null;
      feedback: {
        title: string;
        value: number | null;
        aspects: { title: string; score: number }[];
        comment: string | null;
      }[];
    } | null;
  }>(200, s(0), 'GET', `/courses/${courseId}/me`);
  tell(
    `20 May: the instructors grade report (three aspects) and presentation, adjust one member's report grade with a reason, and publish: ${s(0)} saw grades ${JSON.stringify((before.body as { grades: unknown }).grades)} before, final ${me.grades?.final} after.`,
  );

  // Feedback reaches the student: what /me shows them (their mail says the same in words).
  for (const f of me.grades?.feedback ?? [])
    tell(
      `   ${s(0)} reads ${f.title}: ${f.value} / 20${f.aspects.length ? ` (${f.aspects.map((a) => `${a.title} ${a.score}`).join(', ')})` : ''}${f.comment ? ` — "${f.comment}"` : ''}`,
    );

  // A regrade request after publication, answered with a change made through the member-grade route.
  at('2023-05-22T09:00:00+02:00');
  const asked = await api.must<{ regradeId: string; windowEnd: string }>(
    201,
    s(1),
    'POST',
    `/courses/${courseId}/regrades`,
    {
      componentId: 'presentation',
      reason: 'I presented the whole results section alone; please look again.',
    },
  );
  tell(
    `22 May: ${s(1)} asks for a regrade of the presentation (requests close ${asked.windowEnd}); the instructors are mailed.`,
  );
  at('2023-05-23T14:00:00+02:00');
  const member = `/courses/${courseId}/groups/${groups[0]}/grades/members/${encodeURIComponent(s(1))}`;
  await api.must(200, teacher, 'PUT', member, {
    componentId: 'presentation',
    adjustment: 1,
    reason: 'Regrade request: presented the results section alone',
  });
  const answered = await api.must<{ status: string; answer: { now: { value: number; final: number } } }>(
    200,
    teacher,
    'POST',
    `/courses/${courseId}/regrades/${asked.regradeId}/answer`,
    { decision: 'changed', response: 'Confirmed by both examiners: presentation +1.' },
  );
  tell(
    `23 May: the instructor answers it (${answered.status}): ${s(1)} now sees presentation ${answered.answer.now.value}, final ${answered.answer.now.final}, in /me and in a mail.`,
  );

  const grades = await api.must<DemoResult['grades']>(200, teacher, 'GET', `/courses/${courseId}/grades`);
  return { courseId, story, grades, mails: await api.mailCount() };
};
