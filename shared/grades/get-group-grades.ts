import type { Caller } from '../auth/caller.js';
import { loadAccess, requireStaff } from '../courses/access.js';
import { isoInZone } from '../domain/local-time.js';
import { NotFound } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import { toStudent } from '../store/course-repo.js';
import { listMemberGrades, livePublication, toPublication } from '../store/grade-repo.js';
import { toGroup } from '../store/group-repo.js';
import { keys } from '../store/keys.js';
import { batchGetAll } from '../store/table-ops.js';
import { changeView, memberResult, visibleGrades } from './grade-book.js';
import { gradeView, groupGradesFrom } from './grade-view.js';

/**
 * One group's grading sheet for instructors: each component's grade with its version (what a
 * write must send back), and each member's changes (with their versions) and resulting grades.
 * DynamoDB: one BatchGet (access, group, publication), then the group's grades and members by key
 * and the member changes by Query, in parallel.
 */
export const getGroupGrades = async (d: Deps, courseId: string, groupId: string, caller: Caller) => {
  const access = await loadAccess(d, courseId, caller, [
    keys.group(courseId, groupId),
    keys.gradesPublication(courseId),
  ]);
  requireStaff(access, 'read grades');
  const { config } = access.course;
  const group = toGroup(access.extras.find((i) => i.sk === keys.group(courseId, groupId).sk));
  if (!group) throw new NotFound(`No group "${groupId}" in this course`);
  const publication = livePublication(
    toPublication(access.extras.find((i) => i.sk === keys.gradesPublication(courseId).sk)),
  );
  const [items, memberGrades] = await Promise.all([
    batchGetAll(d, [
      ...config.grading.components.map((c) => keys.grade(courseId, groupId, c.id)),
      ...group.members.map((m) => keys.student(courseId, m)),
    ]),
    listMemberGrades(d, courseId, groupId),
  ]);
  const grades = groupGradesFrom(items, courseId, groupId, config);
  const names = new Map(
    items.flatMap((i) => {
      const s = i.type === 'student' ? toStudent(i) : undefined;
      return s ? [[s.email, s.name] as const] : [];
    }),
  );
  const changes = new Map(memberGrades.map((m) => [m.email, m.changes]));
  return {
    groupId,
    paperId: group.paperId,
    publishedAt: publication ? isoInZone(new Date(publication.publishedAt), config.timeZone) : null,
    components: config.grading.components.map((c) => {
      const g = grades.get(c.id);
      return { componentId: c.id, title: c.title, weight: c.weight, grade: g ? gradeView(config, g) : null };
    }),
    members: group.members.map((email) => {
      const own = changes.get(email) ?? {};
      return {
        email,
        name: names.get(email) ?? null,
        changes: Object.fromEntries(Object.entries(own).map(([k, c]) => [k, changeView(c, config.timeZone)])),
        ...visibleGrades(config.grading, memberResult(config.grading, grades, own)),
      };
    }),
  };
};
