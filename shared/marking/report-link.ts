import type { Caller } from '../auth/caller.js';
import { isoInZone } from '../domain/local-time.js';
import { anonymousLabel, hidesMembers } from '../domain/marking-rules.js';
import { Conflict, Forbidden, NotFound } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import { livePublication, toPublication } from '../store/grade-repo.js';
import { coursePk, keys } from '../store/keys.js';
import { queryCourse } from '../store/table-ops.js';
import { presignDownload } from '../uploads/presign.js';
import { ownerSubmissionsPrefix, toSubmission } from '../uploads/upload-store.js';
import { loadByGroupRef } from './group-ref.js';
import { assignmentsIn, componentOf, isLead } from './marking-access.js';

/** A hidden item's file is named by its label: the original name may carry the students' names. */
const neutralName = (label: string, original: string): string =>
  `${label}${/\.[A-Za-z0-9]{1,8}$/.exec(original)?.[0]?.toLowerCase() ?? '.pdf'}`;

/**
 * The report a grader marks: a 5-minute link to the group's latest accepted submission of the
 * component's deliverable, for the lead, the group's assigned graders, or any instructor while the
 * component has no assignments. `{groupId}` may be a label; while the component is anonymous for the
 * caller the file is served as `<label>.pdf` and the answer has no group id. DynamoDB: one BatchGet
 * (access, the component's assignments, the publication; for a non-lead instructor of a course
 * with other anonymous components one more for the anonymity rule), one Query of the group's
 * submissions of the deliverable. The link is signed locally (no call).
 */
export const getReportLink = async (
  d: Deps,
  courseId: string,
  groupRef: string,
  componentId: string,
  caller: Caller,
) => {
  const { access, groupId } = await loadByGroupRef(d, {
    courseId,
    ref: groupRef,
    componentId,
    caller,
    action: 'read reports',
    groupKeys: () => [],
  });
  const { config } = access.course;
  const component = componentOf(config, componentId);
  const lead = isLead(access);
  const assignments = assignmentsIn(access.extras, courseId, componentId)?.groups ?? {};
  const graders = assignments[groupId] ?? [];
  if (!lead && Object.keys(assignments).length && !graders.includes(caller.email))
    throw new Forbidden(
      `${caller.email} is not assigned to mark "${component.title}" of group "${groupRef}": its report is for its graders and the lead marker`,
      'not_assigned',
    );
  const deliverable = config.deliverables.find((x) => x.id === component.deliverableId);
  if (!deliverable)
    throw new Conflict(
      `"${component.title}" grades no deliverable: there is no report to read`,
      'no_deliverable',
    );
  if (deliverable.owner !== 'group')
    throw new Conflict(
      `"${deliverable.title}" is handed in by each student, not by the group: read it on the Submissions page`,
      'not_a_group_deliverable',
    );
  const items = await queryCourse(d, coursePk(courseId), ownerSubmissionsPrefix(groupId, deliverable.id), {
    FilterExpression: '#s = :accepted',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':accepted': 'accepted' },
  });
  // Sort keys order a group's submissions by reception: the last accepted one is the report.
  const latest = items
    .flatMap((i) => toSubmission(i) ?? [])
    .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
    .at(-1);
  if (!latest) throw new NotFound(`Group "${groupRef}" has no accepted submission of "${deliverable.title}"`);
  const published = !!livePublication(
    toPublication(access.extras.find((i) => i.sk === keys.gradesPublication(courseId).sk)),
  );
  const hidden = !lead && hidesMembers(config.grading.markers?.anonymous, componentId, 'grader', published);
  const label = anonymousLabel(courseId, groupId);
  const fileName = hidden ? neutralName(label, latest.fileName) : latest.fileName;
  const { url, expiresAt } = await presignDownload(d, {
    key: latest.objectKey,
    ...(latest.versionId ? { versionId: latest.versionId } : {}),
    fileName,
    contentType: latest.contentType,
  });
  return {
    groupId: hidden ? null : groupId,
    label,
    componentId,
    deliverableId: deliverable.id,
    url,
    expiresAt: isoInZone(expiresAt, config.timeZone),
    fileName,
    pages: latest.pages ?? null,
    sha256: latest.sha256,
    receivedAt: isoInZone(new Date(latest.receivedAt), config.timeZone),
  };
};
