import { BadRequest, Conflict, Forbidden, type Issue } from '../errors.js';
import type { Caller } from '../auth/caller.js';
import { isoInZone } from '../domain/local-time.js';
import { loadGroupAccess } from '../groups/group-access.js';
import type { Deps } from '../runtime/deps.js';
import { keys } from '../store/keys.js';
import { TransactionFailed, transactNamed } from '../store/transactions.js';
import { peerRatingEntity, type PeerRatingRecord } from './peer-rating-store.js';
import type { PutPeerRatingsBody } from './schemas.js';

/**
 * A member rates the contribution of every member of their group, themselves included (WebPA), in
 * courses with `groups.peerRating`. The rating is confidential: only instructors read it
 * (GET …/peer-ratings); sending it again replaces it. Ratings must name exactly the current members.
 *
 * DynamoDB: the access BatchGet (course, caller, group), then one TransactWrite: the rating, with a
 * check that the group is still at the version read (so the rating covers exactly its members, and a
 * member who left meanwhile writes nothing). 2 calls.
 */
export const putPeerRatings = async (
  d: Deps,
  courseId: string,
  groupId: string,
  caller: Caller,
  body: PutPeerRatingsBody,
) => {
  const { access, group } = await loadGroupAccess(d, courseId, caller, groupId);
  const { config } = access.course;
  if (!config.groups.peerRating)
    throw new Forbidden('Peer rating is not enabled in this course', 'peer_rating_disabled');
  if (access.isStaff || !access.student)
    throw new Forbidden("Only the group's members rate each other's contribution", 'not_a_member');

  const ratings = new Map(
    Object.entries(body.ratings).map(([email, score]) => [email.trim().toLowerCase(), score]),
  );
  const issues: Issue[] = [
    ...group.members
      .filter((m) => !ratings.has(m))
      .map((m) => ({
        path: `body.ratings.${m}`,
        message: `rate every member of the group, yourself included: no score for ${m}`,
      })),
    ...[...ratings.keys()]
      .filter((email) => !group.members.includes(email))
      .map((email) => ({
        path: `body.ratings.${email}`,
        message: `${email} is not a member of group ${groupId}`,
      })),
  ];
  if (issues.length)
    throw new BadRequest('Rate exactly the members of your group', issues, 'invalid_ratings');

  const now = d.clock.now();
  const record: PeerRatingRecord = {
    courseId,
    groupId,
    rater: caller.email,
    ratings: Object.fromEntries(group.members.map((m) => [m, ratings.get(m) as number])),
    ratedAt: now.toISOString(),
  };
  try {
    await transactNamed(d, {
      rating: { Put: { TableName: d.tableName, Item: peerRatingEntity.toItem(record) } },
      group: {
        ConditionCheck: {
          TableName: d.tableName,
          Key: keys.group(courseId, groupId),
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': group.version },
        },
      },
    });
  } catch (error) {
    if (error instanceof TransactionFailed && error.has('group'))
      throw new Conflict(
        `Group ${groupId} changed meanwhile; read it again and rate its members`,
        'group_changed',
      );
    throw error;
  }
  return { ...record, ratedAt: isoInZone(now, config.timeZone) };
};
