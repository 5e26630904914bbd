import { CourseParams } from '../../shared/courses/schemas.js';
import {
  CreateGroupBody,
  GroupListView,
  GroupParams,
  GroupView,
  InviteeParams,
  MemberParams,
  RemoveMemberQuery,
  RemoveMemberResult,
  EndInvitationResult,
  UpdateGroupBody,
} from '../../shared/groups/schemas.js';
import { PapersView } from '../../shared/groups/schemas-papers.js';
import { LookingList, LookingView, PutLookingBody } from '../../shared/groups/schemas-looking.js';
import { json, type Route } from './route.js';

/** Group changes put their mails in the outbox, in their own transaction: the mail sender sends them. */
const WRITE: Route['access'] = ['table-read', 'table-write'];

export const groupRoutes: Route[] = [
  {
    method: 'POST',
    path: '/courses/{courseId}/groups',
    handler: 'http/create-group',
    summary:
      'Form a group. A student joins it alone and invites the other classmates listed (they join when they accept); an instructor places the members directly (audited). The paper is optional; everyone concerned is emailed',
    tag: 'groups',
    access: WRITE,
    params: CourseParams,
    body: CreateGroupBody,
    responses: {
      201: json('The group', GroupView),
      409: json(
        'A member or invitee is already in a group (already_in_group), the paper is full, or a concurrent change (code try_again)',
      ),
    },
  },
  {
    method: 'POST',
    path: '/courses/{courseId}/groups/{groupId}/accept',
    handler: 'http/accept-invitation',
    summary:
      'Accept an invitation to this group (the invitee, before the group deadline): join it, and every other invitation is withdrawn; the group and the withdrawn groups are emailed',
    tag: 'groups',
    access: WRITE,
    params: GroupParams,
    responses: {
      200: json('The group the caller joined', GroupView),
      403: json('After the group deadline: invitations lapsed then (code deadline_passed)'),
      404: json('No open invitation from this group'),
      409: json(
        'Already in a group (already_in_group), the group is full (group_full), or a concurrent change (try_again)',
      ),
    },
  },
  {
    method: 'DELETE',
    path: '/courses/{courseId}/groups/{groupId}/invitations/{email}',
    handler: 'http/end-invitation',
    summary:
      'Decline an invitation (the invitee) or withdraw it (a member of the group, or an instructor: audited); allowed at any time; the other side is emailed',
    tag: 'groups',
    access: WRITE,
    params: InviteeParams,
    responses: {
      200: json('The invitation ended', EndInvitationResult),
      404: json('No open invitation for that student from this group'),
    },
  },
  {
    method: 'GET',
    path: '/courses/{courseId}/groups',
    handler: 'http/list-groups',
    summary: 'All groups with members, paper and status; roster students in no group; load of each paper',
    tag: 'groups',
    params: CourseParams,
    responses: { 200: json('Groups, unassigned students and papers (instructors only)', GroupListView) },
  },
  {
    method: 'GET',
    path: '/courses/{courseId}/papers',
    handler: 'http/list-papers',
    summary: 'Every paper with how many groups chose it and the seats left (any course member; counts only)',
    tag: 'groups',
    params: CourseParams,
    responses: { 200: json('The papers in course order, with their load', PapersView) },
  },
  {
    method: 'PUT',
    path: '/courses/{courseId}/me/looking',
    handler: 'http/put-looking',
    summary:
      'Opt in to (or out of) the list of students looking for a group, with an optional note (students; opting in closes with the group deadline, opting out never does)',
    tag: 'groups',
    // One item of its own per student; no mail, no transaction.
    access: ['table-read', 'table-write'],
    params: CourseParams,
    body: PutLookingBody,
    responses: {
      200: json('The caller’s opt-in as stored', LookingView),
      409: json('The caller is already in a group (code already_in_group)'),
    },
  },
  {
    method: 'GET',
    path: '/courses/{courseId}/looking',
    handler: 'http/list-looking',
    summary: 'Roster students who opted in and are in no group, with their notes (any course member)',
    tag: 'groups',
    params: CourseParams,
    responses: { 200: json('Only students who opted in appear', LookingList) },
  },
  {
    method: 'GET',
    path: '/courses/{courseId}/groups/{groupId}',
    handler: 'http/get-group',
    summary: 'One group, for its members and instructors',
    tag: 'groups',
    params: GroupParams,
    responses: { 200: json('The group', GroupView) },
  },
  {
    method: 'PATCH',
    path: '/courses/{courseId}/groups/{groupId}',
    handler: 'http/update-group',
    summary:
      'Change the paper and/or add members: a member invites them (they join when they accept), an instructor adds them directly (with a reason after the group deadline); everyone concerned is emailed',
    tag: 'groups',
    access: WRITE,
    params: GroupParams,
    body: UpdateGroupBody,
    responses: {
      200: json('The group after the change', GroupView),
      409: json(
        'A new member is already in a group, the group would exceed maxSize, the paper is full, the group changed meanwhile (stale_version), or a concurrent change (try_again)',
      ),
    },
  },
  {
    method: 'DELETE',
    path: '/courses/{courseId}/groups/{groupId}/members/{email}',
    handler: 'http/remove-group-member',
    summary:
      'Leave a group (that member, before the deadline) or remove a member (instructor; `reason` required after the deadline). An empty group is deleted and frees its paper seat',
    tag: 'groups',
    access: WRITE,
    params: MemberParams,
    query: RemoveMemberQuery,
    responses: {
      200: json('What was removed and the group after it (null when deleted)', RemoveMemberResult),
      409: json('The group changed meanwhile (stale_version), or a concurrent change (try_again)'),
    },
  },
];
