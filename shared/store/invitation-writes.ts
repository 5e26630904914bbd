import { keys } from './keys.js';
import type { Db } from './table-ops.js';
import type { TransactItem } from './transactions.js';

/**
 * The writes of group invitations. An invitation is recorded on both sides, each a string set
 * changed one element at a time: the group's `invited` (who it is waiting for) and the invitee's
 * roster entry `invitedTo` (which groups wait for them; /me reads it with the access). The roster
 * entry is the guard: inviting, accepting and declining all condition on it, so an invitation is
 * never created for, or accepted by, a student who is already in a group.
 */

/** The group records the invitees (only if it still exists: an UpdateItem would create it). */
export const groupInvitesUpdate = (
  d: Db,
  courseId: string,
  groupId: string,
  emails: string[],
): TransactItem => ({
  Update: {
    TableName: d.tableName,
    Key: keys.group(courseId, groupId),
    UpdateExpression: 'ADD invited :e',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':e': new Set(emails) },
  },
});

/** An update of an invitee's roster entry: each invitation step differs only in its expression and guard. */
const rosterEntryUpdate = (
  d: Db,
  courseId: string,
  email: string,
  update: { expression: string; condition: string; values: Record<string, unknown> },
): TransactItem => ({
  Update: {
    TableName: d.tableName,
    Key: keys.student(courseId, email),
    UpdateExpression: update.expression,
    ConditionExpression: update.condition,
    ExpressionAttributeValues: update.values,
  },
});

/** The invitee's roster entry records the group, only while they are on the roster and in no group. */
export const rosterInvitedUpdate = (d: Db, courseId: string, email: string, groupId: string): TransactItem =>
  rosterEntryUpdate(d, courseId, email, {
    expression: 'ADD invitedTo :g',
    condition: 'attribute_exists(pk) AND attribute_not_exists(groupId)',
    values: { ':g': new Set([groupId]) },
  });

/**
 * Accepting: the roster entry joins the group and forgets every invitation at once (accepting one
 * withdraws the others), only if it is in no group and this invitation is still open.
 */
export const rosterAcceptUpdate = (d: Db, courseId: string, email: string, groupId: string): TransactItem =>
  rosterEntryUpdate(d, courseId, email, {
    expression: 'SET groupId = :g REMOVE invitedTo',
    condition: 'attribute_not_exists(groupId) AND contains(invitedTo, :g)',
    values: { ':g': groupId },
  });

/**
 * Accepting, the group's side: the invitee becomes a member only while the group has room and
 * still invites them. The room is checked by the write (size(members) < max), not from the version
 * read, so several classmates accepting at once all get in while there is room and no further.
 */
export const groupAcceptUpdate = (
  d: Db,
  courseId: string,
  groupId: string,
  email: string,
  maxSize: number,
  updatedAt: string,
): TransactItem => ({
  Update: {
    TableName: d.tableName,
    Key: keys.group(courseId, groupId),
    UpdateExpression:
      'SET members = list_append(members, :me), version = version + :one, updatedAt = :u DELETE invited :set',
    ConditionExpression: 'size(members) < :max AND contains(invited, :e)',
    ExpressionAttributeValues: {
      ':me': [email],
      ':one': 1,
      ':u': updatedAt,
      ':set': new Set([email]),
      ':max': maxSize,
      ':e': email,
    },
  },
});

/** The group forgets an invitee (declined, withdrawn, or accepted elsewhere), if the group still exists. */
export const groupUninviteUpdate = (
  d: Db,
  courseId: string,
  groupId: string,
  email: string,
): TransactItem => ({
  Update: {
    TableName: d.tableName,
    Key: keys.group(courseId, groupId),
    UpdateExpression: 'DELETE invited :set',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':set': new Set([email]) },
  },
});

/** The invitee forgets one group's invitation (only if it is still open). */
export const rosterUninvitedUpdate = (
  d: Db,
  courseId: string,
  email: string,
  groupId: string,
): TransactItem =>
  rosterEntryUpdate(d, courseId, email, {
    expression: 'DELETE invitedTo :set',
    condition: 'contains(invitedTo, :g)',
    values: { ':set': new Set([groupId]), ':g': groupId },
  });
