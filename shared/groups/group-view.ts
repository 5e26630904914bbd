import { groupStatus } from '../domain/group-rules.js';
import type { CourseRecord, StudentRecord } from '../store/course-repo.js';
import type { GroupRecord } from '../store/group-repo.js';
import type { GroupView } from './schemas.js';

export const groupView = (
  course: CourseRecord,
  group: GroupRecord,
  names: Map<string, string> = new Map(),
): GroupView => {
  const paper = course.config.papers.find((p) => p.id === group.paperId);
  const { minSize, maxSize } = course.config.groups;
  return {
    groupId: group.groupId,
    courseId: group.courseId,
    members: group.members.map((email) => ({ email, name: names.get(email) ?? null })),
    paperId: group.paperId,
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
