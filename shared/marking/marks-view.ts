import type { CourseConfig, GradeComponent } from '../domain/course-config.js';
import { toText } from '../domain/fraction.js';
import { displayValue } from '../domain/grade-math.js';
import { isoInZone } from '../domain/local-time.js';
import { anonymousLabel, disagreement, hidesMembers, markValue } from '../domain/marking-rules.js';
import { gradeView } from '../grades/grade-view.js';
import type { GradeRecord } from '../store/grade-repo.js';
import type { GroupRecord } from '../store/group-repo.js';
import type { MarkRecord, SecondMarksRecord } from '../store/marking-repo.js';

export type Viewer = 'lead' | 'grader';

/** A group grade as a grader sees it: by label, and without the group id while hidden from them. */
export const markedGradeView = (
  config: CourseConfig,
  grade: GradeRecord,
  label: string,
  hidden: boolean,
) => ({
  ...gradeView(config, grade),
  groupId: hidden ? null : grade.groupId,
  label,
});

/** Members as a viewer may see them: null while the component is anonymous for them. */
export const membersFor = (
  config: CourseConfig,
  componentId: string,
  viewer: Viewer,
  published: boolean,
  group: GroupRecord | undefined,
  names: ReadonlyMap<string, string>,
) =>
  hidesMembers(config.grading.markers?.anonymous, componentId, viewer, published)
    ? null
    : (group?.members ?? []).map((email) => ({ email, name: names.get(email) ?? null }));

const markView = (config: CourseConfig, component: GradeComponent, m: MarkRecord) => {
  const value = markValue(component, m);
  return {
    grader: m.grader,
    ...(m.score !== undefined ? { score: m.score } : {}),
    ...(m.aspects ? { aspects: m.aspects } : {}),
    ...(m.comment ? { comment: m.comment } : {}),
    value: displayValue(value, config.grading.rounding).number,
    exact: toText(value),
    at: isoInZone(new Date(m.at), config.timeZone),
  };
};

/**
 * The marks of one group's component as a viewer may see them. Callers have already refused a
 * grader whose own mark is not in: what is shown here is everything in.
 */
export const marksView = (input: {
  config: CourseConfig;
  courseId: string;
  component: GradeComponent;
  group: GroupRecord;
  graders: string[];
  marks: SecondMarksRecord | undefined;
  grade: GradeRecord | undefined;
  viewer: Viewer;
  published: boolean;
  names: ReadonlyMap<string, string>;
}) => {
  const { config, component, group, marks } = input;
  const threshold = config.grading.markers?.secondMarking?.threshold ?? 0;
  const [a, b] = marks?.marks ?? [];
  const d = a && b ? disagreement(component, a, b, threshold) : undefined;
  const members = membersFor(config, component.id, input.viewer, input.published, group, input.names);
  const hidden = members === null;
  const label = anonymousLabel(input.courseId, group.groupId);
  return {
    groupId: hidden ? null : group.groupId,
    label,
    componentId: component.id,
    anonymous: members === null,
    members,
    graders: input.graders,
    marks: (marks?.marks ?? []).map((m) => markView(config, component, m)),
    difference: d ? toText(d.difference) : null,
    threshold,
    flagged: d ? d.flagged : null,
    version: marks?.version ?? 0,
    agreed: input.grade ? markedGradeView(config, input.grade, label, hidden) : null,
  };
};
