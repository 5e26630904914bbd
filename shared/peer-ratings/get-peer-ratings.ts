import type { Caller } from '../auth/caller.js';
import { requireStaff } from '../courses/access.js';
import { toNumber, toText } from '../domain/fraction.js';
import { isoInZone } from '../domain/local-time.js';
import { webpaFactors } from '../domain/webpa.js';
import { loadGroupAccess } from '../groups/group-access.js';
import type { Deps } from '../runtime/deps.js';
import { coursePk } from '../store/keys.js';
import { queryCourse } from '../store/table-ops.js';
import { groupRatingsPrefix, peerRatingEntity } from './peer-rating-store.js';

/**
 * Instructors read a group's peer ratings: the raw ratings and, per current member, the suggested
 * WebPA factor (shared/domain/webpa.ts). The factor only suggests: an instructor applies it, if they
 * choose, through the per-member adjustment (PUT …/grades/members/{email}), with a reason. Students,
 * members included, are refused: ratings are confidential.
 *
 * DynamoDB: the access BatchGet (course, caller, group), then a Query of the group's ratings. 2 calls.
 */
export const getPeerRatings = async (d: Deps, courseId: string, groupId: string, caller: Caller) => {
  const { access, group } = await loadGroupAccess(d, courseId, caller, groupId);
  requireStaff(access, "read peer ratings (they are confidential to the group's instructors)");
  const zone = access.course.config.timeZone;
  const records = peerRatingEntity.parseAll(
    await queryCourse(d, coursePk(courseId), groupRatingsPrefix(groupId)),
  );
  const result = webpaFactors(group.members, new Map(records.map((r) => [r.rater, r.ratings])));
  return {
    courseId,
    groupId,
    enabled: access.course.config.groups.peerRating === true,
    members: result.members.map((m) => ({
      email: m.email,
      factor: m.factor ? toText(m.factor) : null,
      factorValue: m.factor ? Math.round(toNumber(m.factor) * 1e4) / 1e4 : null,
    })),
    raters: result.raters,
    missing: result.missing,
    ratings: records
      .sort((a, b) => a.rater.localeCompare(b.rater))
      .map((r) => ({
        rater: r.rater,
        ratings: r.ratings,
        ratedAt: isoInZone(new Date(r.ratedAt), zone),
        counts: result.raters.includes(r.rater),
      })),
  };
};
