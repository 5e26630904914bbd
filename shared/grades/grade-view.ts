import type { CourseConfig } from '../domain/course-config.js';
import { toText } from '../domain/fraction.js';
import { componentValue, displayValue } from '../domain/grade-math.js';
import { isoInZone } from '../domain/local-time.js';
import { toGrade, type GradeRecord } from '../store/grade-repo.js';
import { keys } from '../store/keys.js';
import type { Item } from '../store/table-ops.js';

/** A group's component grade as the API shows it (kept apart from writing, which sends mail). */
export const gradeView = (config: CourseConfig, g: GradeRecord) => {
  const component = config.grading.components.find((c) => c.id === g.componentId);
  const value = component ? componentValue(component, g) : undefined;
  return {
    groupId: g.groupId,
    componentId: g.componentId,
    ...(g.score !== undefined ? { score: g.score } : {}),
    ...(g.aspects ? { aspects: g.aspects } : {}),
    ...(g.comment ? { comment: g.comment } : {}),
    value: value?.ok ? displayValue(value.value, config.grading.rounding).number : null,
    exact: value?.ok ? toText(value.value) : null,
    version: g.version,
    updatedAt: isoInZone(new Date(g.updatedAt), config.timeZone),
    updatedBy: g.updatedBy,
  };
};

export const groupGradesFrom = (items: Item[], courseId: string, groupId: string, config: CourseConfig) => {
  const bySk = new Map(items.map((i) => [i.sk as string, i]));
  const grades = new Map<string, GradeRecord>();
  for (const c of config.grading.components) {
    const g = toGrade(bySk.get(keys.grade(courseId, groupId, c.id).sk));
    if (g) grades.set(c.id, g);
  }
  return grades;
};
