import type { Caller } from '../auth/caller.js';
import { loadAccess, requireStaff } from '../courses/access.js';
import { isoInZone } from '../domain/local-time.js';
import { anonymousLabel, disagreement, hidesMembers } from '../domain/marking-rules.js';
import type { Deps } from '../runtime/deps.js';
import { livePublication, readGradeBookHead, toPublication } from '../store/grade-repo.js';
import { keys } from '../store/keys.js';
import { listAssignments, listSecondMarks } from '../store/marking-repo.js';
import { listStudents } from '../store/roster-repo.js';
import { isLead, isSecondMarked, requireMarkers } from './marking-access.js';

/**
 * The caller's marking queue: each (group, component) assigned to them — every assignment for the
 * lead — with whether their part is done, and progress counts; the lead also sees every grader's
 * progress and how many second-marked items wait for an agreed final. Anonymous components show
 * graders a label and no members until the grades are published. A grader sees that the other mark
 * is in, never its value (GET …/marks shows it once theirs is in). DynamoDB: one BatchGet (access,
 * publication), then in parallel one Query each of the assignments, the grade book's head (grades,
 * groups), the second marks (when a component is second-marked) and the roster (when names may be
 * shown); for a non-lead instructor of a course with anonymous components, one more BatchGet first
 * (their assignment items: the anonymity rule of courses/access.ts). Hidden items carry no group id:
 * they are addressed by label.
 */
export const getQueue = async (d: Deps, courseId: string, caller: Caller) => {
  const access = await loadAccess(d, courseId, caller, [keys.gradesPublication(courseId)], {
    anonymousGrader: 'allowed',
  });
  requireStaff(access, 'read the marking queue');
  const { config } = access.course;
  const markers = requireMarkers(config);
  const lead = isLead(access);
  const viewer = lead ? 'lead' : 'grader';
  const publication = livePublication(
    toPublication(access.extras.find((i) => i.sk === keys.gradesPublication(courseId).sk)),
  );
  const published = !!publication;
  // The roster is read only when some component may show names to this viewer.
  const showsNames = config.grading.components.some(
    (c) => !hidesMembers(markers.anonymous, c.id, viewer, published),
  );
  const [assignments, head, secondMarks, students] = await Promise.all([
    listAssignments(d, courseId),
    readGradeBookHead(d, courseId),
    markers.secondMarking ? listSecondMarks(d, courseId) : [],
    showsNames ? listStudents(d, courseId) : [],
  ]);
  const pairs = config.grading.components.flatMap((component) =>
    Object.entries(assignments.find((a) => a.componentId === component.id)?.groups ?? {})
      .filter(([, graders]) => lead || graders.includes(caller.email))
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([groupId, graders]) => ({ component, groupId, graders })),
  );
  const groups = new Map(head.groups.map((g) => [g.groupId, g]));
  const graded = new Map(head.grades.map((g) => [`${g.groupId}/${g.componentId}`, g]));
  const marksOf = new Map(secondMarks.map((m) => [`${m.groupId}/${m.componentId}`, m]));
  const names = new Map(students.map((s) => [s.email, s.name]));
  const threshold = markers.secondMarking?.threshold ?? 0;

  const items = pairs.map(({ component, groupId, graders }) => {
    const key = `${groupId}/${component.id}`;
    const second = isSecondMarked(config, component.id);
    const grade = graded.get(key);
    const marks = marksOf.get(key)?.marks ?? [];
    const [a, b] = marks;
    const group = groups.get(groupId);
    const hidden = hidesMembers(markers.anonymous, component.id, viewer, published);
    const doneBy = (email: string) => (second ? marks.some((m) => m.grader === email) : !!grade);
    return {
      // A hidden item is addressed by its label: the group id would let a grader look the group up.
      groupId: hidden ? null : groupId,
      label: anonymousLabel(courseId, groupId),
      paperId: group?.paperId ?? null,
      componentId: component.id,
      anonymous: hidden,
      members: hidden
        ? null
        : (group?.members ?? []).map((email) => ({ email, name: names.get(email) ?? null })),
      graders,
      secondMarking: second,
      markedBy: second ? marks.map((m) => m.grader) : grade ? [grade.updatedBy] : [],
      // The lead's part of an item they do not mark is the grade itself.
      done: !!grade || (graders.includes(caller.email) && doneBy(caller.email)),
      graded: !!grade,
      // What the queue's grade form needs to change it (the grid is closed to graders kept anonymous).
      grade:
        grade && !second
          ? {
              version: grade.version,
              ...(grade.score !== undefined ? { score: grade.score } : {}),
              ...(grade.aspects ? { aspects: grade.aspects } : {}),
              ...(grade.comment ? { comment: grade.comment } : {}),
            }
          : null,
      flagged: second && a && b ? disagreement(component, a, b, threshold).flagged : null,
      doneBy,
    };
  });
  const graderEmails = [...new Set(items.flatMap((i) => i.graders))].sort();
  const progressOf = (email: string) => {
    const mine = items.filter((i) => i.graders.includes(email));
    return { assigned: mine.length, done: mine.filter((i) => i.doneBy(email) || i.graded).length };
  };
  return {
    role: viewer,
    anonymous: access.keptAnonymous.length > 0,
    publishedAt: publication ? isoInZone(new Date(publication.publishedAt), config.timeZone) : null,
    items: items.map(({ doneBy: _doneBy, ...item }) => item),
    progress: lead
      ? { assigned: items.length, done: items.filter((i) => i.graded).length }
      : progressOf(caller.email),
    graders: lead ? graderEmails.map((email) => ({ email, ...progressOf(email) })) : null,
    toAgree: lead
      ? items.filter((i) => i.secondMarking && !i.graded && i.markedBy.length === 2).length
      : null,
  };
};
