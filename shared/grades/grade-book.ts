import type { CourseConfig } from '../domain/course-config.js';
import { toText } from '../domain/fraction.js';
import { isoInZone } from '../domain/local-time.js';
import {
  componentValue,
  displayValue,
  finalGrade,
  memberComponentValue,
  type ComponentResult,
  type FinalResult,
} from '../domain/grade-math.js';
import type { StudentRecord } from '../store/course-repo.js';
import type { GroupRecord } from '../store/group-repo.js';
import type { GradeRecord, MemberChangeRecord, MemberGradesRecord } from '../store/grade-repo.js';

export type Grading = CourseConfig['grading'];

/** What the grader wrote for a group's component besides the value: the aspect scores and the comment. */
export interface ComponentFeedback {
  aspects?: Record<string, number>;
  comment?: string;
}

export interface MemberResult {
  components: Record<string, ComponentResult>;
  final: FinalResult;
  /** Per component id: the group's aspect scores and comment (absent until graded). */
  feedback: Record<string, ComponentFeedback>;
}

export const NOT_IN_GROUP = 'not in a group';

/**
 * One member's grades: the group's component grades (exact), each changed by the member's
 * adjustment or override, and the final, rounded once. `groupGrades` undefined: no group.
 */
export const memberResult = (
  grading: Grading,
  groupGrades: ReadonlyMap<string, GradeRecord> | undefined,
  changes: Readonly<Record<string, MemberChangeRecord>> = {},
): MemberResult => {
  if (!groupGrades) {
    const missing: ComponentResult = { ok: false, reason: NOT_IN_GROUP };
    return {
      components: Object.fromEntries(grading.components.map((c) => [c.id, missing])),
      final: { exact: null, rounded: null, reason: NOT_IN_GROUP },
      feedback: {},
    };
  }
  const unchanged = Object.keys(changes).length === 0;
  const cache = cacheFor(grading);
  const cached = unchanged ? cache.get(groupGrades)?.result : undefined;
  if (cached) return cached;
  const group = groupValues(grading, groupGrades);
  const components: Record<string, ComponentResult> = {};
  for (const c of grading.components)
    components[c.id] = memberComponentValue(
      group[c.id] ?? { ok: false, reason: `no grade for ${c.title}` },
      changes[c.id],
      grading.scale,
    );
  const feedback: Record<string, ComponentFeedback> = {};
  for (const c of grading.components) {
    const g = groupGrades.get(c.id);
    if (g)
      feedback[c.id] = {
        ...(g.aspects ? { aspects: g.aspects } : {}),
        ...(g.comment ? { comment: g.comment } : {}),
      };
  }
  const result = { components, final: finalGrade(grading, components), feedback };
  if (unchanged) (cache.get(groupGrades) as GroupCache).result = result;
  return result;
};

/**
 * Members of a group share its component values (and, without changes of their own, the whole
 * result): computed once per group and grading, so a listing of thousands stays cheap. Keyed by
 * object identity; results are never mutated.
 */
interface GroupCache {
  values: Record<string, ComponentResult>;
  result?: MemberResult;
}
const caches = new WeakMap<Grading, WeakMap<ReadonlyMap<string, GradeRecord>, GroupCache>>();
const cacheFor = (grading: Grading) => {
  let c = caches.get(grading);
  if (!c) caches.set(grading, (c = new WeakMap()));
  return c;
};
const groupValues = (grading: Grading, groupGrades: ReadonlyMap<string, GradeRecord>) => {
  const cache = cacheFor(grading);
  let entry = cache.get(groupGrades);
  if (!entry) {
    entry = {
      values: Object.fromEntries(
        grading.components.map((c) => [c.id, componentValue(c, groupGrades.get(c.id))]),
      ),
    };
    cache.set(groupGrades, entry);
  }
  return entry.values;
};

type Visible = {
  components: Record<string, number | null>;
  final: number | null;
  finalText: string | null;
  finalReason?: string;
};
type Exact = { components: Record<string, string | null>; final: string | null };
const shown = new WeakMap<MemberResult, { visible?: Visible; exact?: Exact }>();
const shownOf = (r: MemberResult) => {
  let s = shown.get(r);
  if (!s) shown.set(r, (s = {}));
  return s;
};

/** What a student (and the listing) sees: rounded for display; the final is computed from exact values. */
export const visibleGrades = (grading: Grading, r: MemberResult): Visible => {
  const memo = shownOf(r);
  if (memo.visible) return memo.visible;
  const components: Record<string, number | null> = {};
  for (const c of grading.components) {
    const v = r.components[c.id];
    components[c.id] = v?.ok ? displayValue(v.value, grading.rounding).number : null;
  }
  const final = r.final.exact ? displayValue(r.final.exact, grading.rounding) : null;
  return (memo.visible = {
    components,
    final: final?.number ?? null,
    finalText: final?.text ?? null,
    ...(r.final.reason ? { finalReason: r.final.reason } : {}),
  });
};

export const exactGrades = (grading: Grading, r: MemberResult): Exact => {
  const memo = shownOf(r);
  return (memo.exact ??= {
    components: Object.fromEntries(
      grading.components.map((c) => {
        const v = r.components[c.id];
        return [c.id, v?.ok ? toText(v.value) : null];
      }),
    ),
    final: r.final.exact ? toText(r.final.exact) : null,
  });
};

/** Whether a student's grade is complete: every component graded, so the final exists. */
export const isComplete = (r: MemberResult): boolean => r.final.exact !== null;

/**
 * Whether two results look different to a student (what decides a new mail after publication):
 * the values as shown, and the aspect scores and comments they read with them.
 */
export const visiblyDifferent = (grading: Grading, a: MemberResult, b: MemberResult): boolean =>
  JSON.stringify([visibleGrades(grading, a), a.feedback]) !==
  JSON.stringify([visibleGrades(grading, b), b.feedback]);

export const changeView = (c: MemberChangeRecord, zone: string) => ({
  kind: c.kind,
  value: c.value,
  reason: c.reason,
  by: c.by,
  at: isoInZone(new Date(c.at), zone),
  version: c.version,
});

/** Grades by group, then by component. */
export const gradesByGroup = (grades: readonly GradeRecord[]): Map<string, Map<string, GradeRecord>> => {
  const byGroup = new Map<string, Map<string, GradeRecord>>();
  for (const g of grades) {
    let m = byGroup.get(g.groupId);
    if (!m) byGroup.set(g.groupId, (m = new Map()));
    m.set(g.componentId, g);
  }
  return byGroup;
};

export interface GradeBookInput {
  grading: Grading;
  students: readonly StudentRecord[];
  groups: readonly GroupRecord[];
  grades: readonly GradeRecord[];
  memberGrades: readonly MemberGradesRecord[];
}

export interface GradeRow {
  student: StudentRecord;
  group?: GroupRecord;
  result: MemberResult;
  changes: Record<string, MemberChangeRecord>;
}

/** A row per roster student, in roster order; client-side grouping of a few Query results, no per-student read. */
export const gradeRows = (input: GradeBookInput): GradeRow[] => {
  const groups = new Map(input.groups.map((g) => [g.groupId, g]));
  const grades = gradesByGroup(input.grades);
  const changes = new Map(input.memberGrades.map((m) => [`${m.groupId}#${m.email}`, m.changes]));
  return input.students.map((student) => {
    const groupId = student.groupId;
    const own = groupId ? (changes.get(`${groupId}#${student.email}`) ?? {}) : {};
    const group = groupId ? groups.get(groupId) : undefined;
    const result = memberResult(input.grading, groupId ? (grades.get(groupId) ?? new Map()) : undefined, own);
    return { student, result, changes: own, ...(group ? { group } : {}) };
  });
};

export const gradeRowView = (grading: Grading, zone: string, row: GradeRow) => ({
  email: row.student.email,
  name: row.student.name,
  studentId: row.student.studentId ?? null,
  groupId: row.student.groupId ?? null,
  paperId: row.group?.paperId ?? null,
  ...visibleGrades(grading, row.result),
  exact: exactGrades(grading, row.result),
  ...(Object.keys(row.changes).length
    ? { changes: Object.fromEntries(Object.entries(row.changes).map(([k, c]) => [k, changeView(c, zone)])) }
    : {}),
});
