import { listMemberGrades, readGradeBookHead } from '../../shared/store/grade-repo.js';
import { listStudents } from '../../shared/store/roster-repo.js';
import { seedGradedGroups } from '../../tests/support/seed-grades.js';
import { benchCourse } from '../bench-course.js';
import type { BenchRow, BenchScenario } from '../bench-types.js';

const STUDENTS = 2000;
const GROUP_SIZE = 4;
const UNGRADED_GROUPS = 10; // their members' finals stay empty, with the reason
const STUDENTS_WITHOUT_GROUP = 20;
const MEMBER_CHANGES = 100;
const RUNS = 7;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

/**
 * GET /courses/{id}/grades for a course of 2,000 students (500 groups of 4, both components graded,
 * 100 member changes): time and DynamoDB calls. The course and roster go through the API; groups,
 * grades and member changes are written straight into the table with BatchWrite (see the notes).
 */
export const scenario: BenchScenario = {
  name: 'grades',
  async run(ctx) {
    const d = ctx.deps;
    const students = Array.from({ length: STUDENTS }, (_, i) => ({
      email: `student${String(i).padStart(4, '0')}@students.example`,
      name: i % 7 === 0 ? `Lefèbvre, Raphaël ${i}` : `Étudiant ${i}`,
      studentId: String(30000 + i),
    }));
    const made = await benchCourse(ctx, 'grades', () => students);
    const { courseId, teacher: instructor, rosterCall: roster } = made;

    const seedStarted = performance.now();
    const seeded = await seedGradedGroups(d, {
      courseId,
      instructor,
      students: students.slice(0, STUDENTS - STUDENTS_WITHOUT_GROUP).map((s) => s.email),
      groupSize: GROUP_SIZE,
      ungradedGroups: UNGRADED_GROUPS,
      memberChanges: MEMBER_CHANGES,
    });
    const seedMs = performance.now() - seedStarted;

    const path = `/courses/${courseId}/grades`;
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await ctx.call(instructor, 'GET', path);
      if (r.status !== 200)
        throw new Error(`GET grades: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      runs.push(r);
    }
    const last = runs.at(-1);
    const rows = last?.body as { final: number | null; finalReason?: string }[];
    if (rows.length !== STUDENTS) throw new Error(`expected ${STUDENTS} rows, got ${rows.length}`);
    const empty = rows.filter((r) => r.final === null).length;
    const expectedEmpty = STUDENTS_WITHOUT_GROUP + UNGRADED_GROUPS * GROUP_SIZE;
    if (empty !== expectedEmpty) throw new Error(`expected ${expectedEmpty} empty finals, got ${empty}`);
    if (runs.some((r) => r.ddbOps.includes('Scan'))) throw new Error('GET grades made a Scan');
    const csv = await ctx.call(instructor, 'GET', `/courses/${courseId}/grades.csv`);
    // Where the time goes: the same three Queries, made directly (no HTTP, no computing).
    const queryMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      await readGradeBookHead(d, courseId);
      await Promise.all([listStudents(d, courseId), listMemberGrades(d, courseId)]);
      queryMs.push(performance.now() - started);
    }
    if (csv.status !== 200) throw new Error(`GET grades.csv: ${csv.status}`);

    const row = (metric: string, value: number, unit: string, extra: Partial<BenchRow> = {}): BenchRow => ({
      scenario: 'grades',
      metric,
      value,
      unit,
      ...extra,
    });
    return [
      row('GET /grades, 2,000 students: DynamoDB calls', last?.ddbCalls ?? 0, 'calls', {
        target: { max: 5, text: 'a few Query pages, never a call per student' },
        note: `${last?.ddbOps.join(', ')}; ${seeded.groups.length} groups, ${seeded.graded.length * 2} grade items, ${MEMBER_CHANGES} member changes. Seeding: course and roster through the API; groups, roster groupIds, grades and member changes written straight into the table with BatchWrite (tests/support/seed-grades.ts: ${seeded.items} items in ${Math.round(seedMs)} ms).`,
      }),
      row(`GET /grades, 2,000 students: time (median of ${RUNS})`, median(runs.map((r) => r.ms)), 'ms'),
      row(`GET /grades, 2,000 students: time (fastest of ${RUNS})`, Math.min(...runs.map((r) => r.ms)), 'ms'),
      row('of which the three Queries alone (DynamoDB Local, median of 3)', median(queryMs), 'ms'),
      row('GET /grades.csv, 2,000 students: DynamoDB calls', csv.ddbCalls, 'calls', {
        target: { max: 5, text: 'a few Query pages' },
      }),
      row('GET /grades.csv, 2,000 students: time', csv.ms, 'ms'),
      row('PUT roster of 2,000 students (one request): time', roster.ms, 'ms', {
        note: `${roster.ddbCalls} DynamoDB calls (the roster capability writes 100 changes per transaction)`,
      }),
    ];
  },
};
