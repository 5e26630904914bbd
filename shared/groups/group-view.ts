import { groupStatus, groupsOpen } from '../domain/group-rules.js';
import type { CourseRecord, StudentRecord } from '../store/course-repo.js';
import type { GroupRecord } from '../store/group-repo.js';
import { groupDeadline } from './group-access.js';
import type { GroupView } from './schemas.js';

/**
 * A group as its members and instructors see it. `now` decides whether open invitations are still
 * `pending` or have `lapsed` (invitations end with the group deadline; nothing is written then).
 */
export const groupView = (
  course: CourseRecord,
  group: GroupRecord,
  names: Map<string, string>,
  now: Date,
): GroupView => {
  const paper = course.config.papers.find((p) => p.id === group.paperId);
  const { minSize, maxSize } = course.config.groups;
  const status = groupsOpen(now, groupDeadline(course)) ? 'pending' : 'lapsed';
  return {
    groupId: group.groupId,
    courseId: group.courseId,
    members: group.members.map((email) => ({ email, name: names.get(email) ?? null })),
    invitations: group.invited.map((email) => ({ email, name: names.get(email) ?? null, status })),
    paperId: group.paperId ?? null,
    paper: paper ? { id: paper.id, title: paper.title, url: paper.url } : null,
    status: groupStatus(group.members.length, minSize),
    size: { members: group.members.length, min: minSize, max: maxSize },
    version: group.version,
    createdAt: group.createdAt,
    updatedAt: group.updatedAt,
  };
};

export const namesOf = (students: Iterable<StudentRecord | undefined>) =>
  new Map([...students].flatMap((s) => (s ? [[s.email, s.name] as const] : [])));

/** Everyone a group view names: members and invitees. */
export const peopleOf = (group: GroupRecord): string[] => [...group.members, ...group.invited];
