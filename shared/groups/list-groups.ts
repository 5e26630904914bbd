import type { Caller } from '../auth/caller.js';
import { loadAccess, requireStaff } from '../courses/access.js';
import { paperLoad } from '../domain/group-rules.js';
import { isoInZone } from '../domain/local-time.js';
import type { Deps } from '../runtime/deps.js';
import { listGroups } from '../store/group-repo.js';
import { listStudents } from '../store/roster-repo.js';
import { groupDeadline } from './group-access.js';
import { groupView, namesOf } from './group-view.js';

/**
 * Every group of a course for its instructors, with the roster students in no group and the load of
 * each paper. Three calls: the access read, the Query of the groups, the Query of the roster.
 */
export const listCourseGroups = async (d: Deps, courseId: string, caller: Caller) => {
  const access = await loadAccess(d, courseId, caller);
  requireStaff(access, 'list all groups');
  const { config } = access.course;
  const [groups, students] = await Promise.all([listGroups(d, courseId), listStudents(d, courseId)]);
  groups.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.groupId.localeCompare(b.groupId));
  const names = namesOf(students);
  const now = d.clock.now();
  const views = groups.map((g) => groupView(access.course, g, names, now));
  const unassigned = students
    .filter((s) => !s.groupId)
    .map((s) => ({ email: s.email, name: s.name }))
    .sort((a, b) => a.email.localeCompare(b.email));
  const complete = views.filter((v) => v.status === 'complete').length;
  return {
    groups: views,
    unassigned,
    papers: paperLoad(config.papers, groups, config.groups.maxGroupsPerPaper),
    counts: {
      groups: views.length,
      complete,
      incomplete: views.length - complete,
      students: students.length,
      unassigned: unassigned.length,
    },
    deadline: {
      at: isoInZone(groupDeadline(access.course), config.timeZone),
      local: config.groups.deadline,
      timeZone: config.timeZone,
    },
  };
};
