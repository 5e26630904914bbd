import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { demoCourse } from '../../shared/demo/demo-course.js';
import { newId } from '../../shared/groups/new-id.js';
import type { Deps } from '../../shared/runtime/deps.js';
import {
  gradeItem,
  listMemberGrades,
  memberGradesItem,
  readGradeBookHead,
} from '../../shared/store/grade-repo.js';
import { listStudents } from '../../shared/store/roster-repo.js';
import { groupItem } from '../../shared/store/group-repo.js';
import { gsi1, keys } from '../../shared/store/keys.js';
import type { Item } from '../../shared/store/table-ops.js';
import { benchCourse } from '../bench-course.js';
import type { BenchRow, BenchScenario } from '../bench-types.js';

const STUDENTS = 2000;
const GROUP_SIZE = 4;
const UNGRADED_GROUPS = 10; // their members' finals stay empty, with the reason
const STUDENTS_WITHOUT_GROUP = 20;
const MEMBER_CHANGES = 100;
const RUNS = 7;

/** BatchWrite in chunks of 25, a few at a time, retrying unprocessed items. */
const batchWrite = async (d: Deps, items: Item[]) => {
  const chunks: Item[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      let pending = (chunks[next++] ?? []).map((Item) => ({ PutRequest: { Item } }));
      while (pending.length) {
        const out = await d.db.send(new BatchWriteCommand({ RequestItems: { [d.tableName]: pending } }));
        pending = (out.UnprocessedItems?.[d.tableName] ?? []) as typeof pending;
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
};

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
    const now = new Date().toISOString();
    const papers = demoCourse.papers.map((p) => p.id);
    const grouped = students.slice(0, STUDENTS - STUDENTS_WITHOUT_GROUP);
    const groups = Array.from({ length: Math.ceil(grouped.length / GROUP_SIZE) }, (_, i) => ({
      courseId,
      groupId: newId('g'),
      members: grouped.slice(i * GROUP_SIZE, (i + 1) * GROUP_SIZE).map((s) => s.email),
      paperId: papers[i % papers.length] as string,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }));
    const groupOf = new Map(groups.flatMap((g) => g.members.map((m) => [m, g.groupId] as const)));
    const base = { courseId, version: 1, updatedAt: now, updatedBy: instructor };
    const items: Item[] = [
      // Roster entries as the roster write leaves them, plus the group they joined.
      ...students.map((s) => ({
        ...keys.student(courseId, s.email),
        type: 'student',
        courseId,
        email: s.email,
        name: s.name,
        studentId: s.studentId,
        gsi1pk: gsi1.userCourses(s.email),
        gsi1sk: `COURSE#${courseId}`,
        ...(groupOf.has(s.email) ? { groupId: groupOf.get(s.email) } : {}),
      })),
      ...groups.map((g) => groupItem(g)),
      ...groups.slice(UNGRADED_GROUPS).flatMap((g, i) => [
        gradeItem({
          ...base,
          groupId: g.groupId,
          componentId: 'report',
          aspects: { theoretical: 10 + (i % 9), methodological: 11 + (i % 7), experimental: 12 + (i % 5) },
          comment: 'Clear and well argued',
        }),
        gradeItem({ ...base, groupId: g.groupId, componentId: 'presentation', score: 8 + (i % 12) + 0.5 }),
      ]),
      ...groups.slice(UNGRADED_GROUPS, UNGRADED_GROUPS + MEMBER_CHANGES).map((g, i) =>
        memberGradesItem({
          courseId,
          groupId: g.groupId,
          email: g.members[0] as string,
          changes: {
            presentation: {
              componentId: 'presentation',
              kind: i % 2 ? 'override' : 'adjustment',
              value: i % 2 ? 15 : 1.5,
              reason: 'Bench',
              by: instructor,
              at: now,
              version: 1,
            },
          },
        }),
      ),
    ];
    await batchWrite(d, items);
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
        note: `${last?.ddbOps.join(', ')}; ${groups.length} groups, ${(groups.length - UNGRADED_GROUPS) * 2} grade items, ${MEMBER_CHANGES} member changes. Seeding: course and roster through the API; groups, roster groupIds, grades and member changes written straight into the table with BatchWrite (${items.length} items in ${Math.round(seedMs)} ms).`,
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
