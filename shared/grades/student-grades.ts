import { isComplete, visibleGrades, type Grading, type MemberResult } from './grade-book.js';

/**
 * What a student is shown of their own grades, in /me, in the publication preview and (as text) in
 * their mail: each component in config order with its value, the grader's aspect scores and
 * comment, then the final. Values are rounded for display only; the final comes from exact values.
 */
export const studentGrades = (grading: Grading, r: MemberResult) => {
  const v = visibleGrades(grading, r);
  return {
    ...v,
    complete: isComplete(r),
    feedback: grading.components.map((c) => {
      const value = r.components[c.id];
      const fb = r.feedback[c.id];
      return {
        componentId: c.id,
        title: c.title,
        weight: c.weight,
        value: v.components[c.id] ?? null,
        ...(value && !value.ok ? { missing: value.reason } : {}),
        aspects: (c.aspects ?? []).flatMap((a) => {
          const score = fb?.aspects?.[a.id];
          return score === undefined ? [] : [{ aspectId: a.id, title: a.title, weight: a.weight, score }];
        }),
        comment: fb?.comment ?? null,
      };
    }),
  };
};
export type StudentGrades = ReturnType<typeof studentGrades>;

const score = (grading: Grading, value: number) => `${value} / ${grading.scale}`;

/**
 * The readable text of a student's grades for a mail: a block per component (value, aspect scores,
 * the comment as written), then the final. No API paths: students read mail, not routes.
 */
export const gradesText = (grading: Grading, g: StudentGrades): string[] => {
  const lines: string[] = [];
  for (const f of g.feedback) {
    lines.push(
      `${f.title} (weight ${f.weight}): ${f.value === null ? 'not graded yet' : score(grading, f.value)}`,
    );
    for (const a of f.aspects) lines.push(`  - ${a.title}: ${score(grading, a.score)}`);
    if (f.comment) lines.push(`  Comment: ${f.comment.replaceAll('\n', '\n    ')}`);
    lines.push('');
  }
  lines.push(
    `Final grade: ${g.finalText === null ? 'not available yet (not every part is graded)' : `${g.finalText} / ${grading.scale}`}`,
  );
  return lines;
};
