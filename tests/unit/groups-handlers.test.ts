import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { BatchGetCommand, DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler as createGroup } from '../../functions/http/create-group.js';
import { handler as removeMember } from '../../functions/http/remove-group-member.js';
import { handler as updateGroup } from '../../functions/http/update-group.js';
import { demoCourse } from '../../shared/demo/demo-course.js';
import { CourseConfig } from '../../shared/domain/course-config.js';
import { overrideDeps, resetDeps } from '../../shared/runtime/deps.js';
import { keys } from '../../shared/store/keys.js';
import { apiEvent, batchGetFrom, courseItem } from '../support/handler-fixture.js';

const COURSE = 'unit-course';
const GROUP = 'g_unitgroup0000000000';
const s = (i: number) => `s${i}@students.example`;

const event = apiEvent;

const config = CourseConfig.parse(demoCourse);
const course = courseItem(COURSE, config);
const student = (i: number, groupId?: string) => ({
  ...keys.student(COURSE, s(i)),
  type: 'student',
  courseId: COURSE,
  email: s(i),
  name: `Student ${i}`,
  ...(groupId ? { groupId } : {}),
});
const groupItem = {
  ...keys.group(COURSE, GROUP),
  type: 'group',
  courseId: COURSE,
  groupId: GROUP,
  members: [s(1), s(2), s(3)],
  paperId: 'ddim',
  version: 4,
  createdAt: '2023-02-01T00:00:00Z',
  updatedAt: '2023-02-01T00:00:00Z',
};

const canceled = (codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

const ddb = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESv2Client);

beforeAll(() => {
  process.env.TABLE_NAME = 'unit-table';
  resetDeps();
});
beforeEach(() => {
  overrideDeps({ clock: { now: () => new Date('2023-03-01T09:00:00Z') } });
  ses.on(SendEmailCommand).resolves({ MessageId: 'm' });
  ddb
    .on(BatchGetCommand)
    .callsFake(
      batchGetFrom([course, groupItem, ...[1, 2, 3].map((i) => student(i, GROUP)), student(4), student(5)]),
    );
});
afterEach(() => {
  ddb.reset();
  ses.reset();
});

const post = (members: string[]) =>
  createGroup(
    event({
      routeKey: 'POST /courses/{courseId}/groups',
      email: members[0] ?? '',
      pathParameters: { courseId: COURSE },
      body: { members, paperId: 'ddrm' },
    }),
  );
const body = (res: { body?: string }) => JSON.parse(res.body ?? '{}');

describe('group writes under a TransactionConflict (DynamoDB says: someone else held an item)', () => {
  it('create: a conflict, then success → 201 after one retry', async () => {
    ddb.on(BatchGetCommand).callsFake(batchGetFrom([course, student(4), student(5), student(6)]));
    ddb
      .on(TransactWriteCommand)
      .rejectsOnce(canceled(['None', 'TransactionConflict', 'None', 'None', 'None']))
      .resolves({});
    const res = await post([s(4), s(5), s(6)]);
    expect(res.statusCode, res.body).toBe(201);
    expect(ddb.calls()).toHaveLength(3);
  });

  it('create: conflicts twice → 409 try_again, never a 500', async () => {
    ddb.on(BatchGetCommand).callsFake(() => ({
      Responses: { 'unit-table': [course, student(4), student(5), student(6)] },
    }));
    ddb.on(TransactWriteCommand).rejects(canceled(['None', 'None', 'None', 'TransactionConflict', 'None']));
    const res = await post([s(4), s(5), s(6)]);
    expect(res.statusCode).toBe(409);
    expect(body(res).error.code).toBe('try_again');
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(2);
    expect(ses.calls()).toHaveLength(0);
  });

  it('create: a failed roster condition names the member already in a group', async () => {
    ddb.on(BatchGetCommand).callsFake(() => ({
      Responses: { 'unit-table': [course, student(4), student(5), student(6)] },
    }));
    ddb
      .on(TransactWriteCommand)
      .rejects(canceled(['None', 'None', 'ConditionalCheckFailed', 'TransactionConflict', 'None']));
    const res = await post([s(4), s(5), s(6)]);
    expect(res.statusCode).toBe(409);
    expect(body(res).error).toMatchObject({ code: 'already_in_group' });
    expect(body(res).error.message).toContain(s(5));
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('PATCH: a conflict is a 409 try_again (no retry: the request already made its 2 reads)', async () => {
    ddb.on(TransactWriteCommand).rejects(canceled(['TransactionConflict', 'None']));
    const res = await updateGroup(
      event({
        routeKey: 'PATCH /courses/{courseId}/groups/{groupId}',
        email: s(1),
        pathParameters: { courseId: COURSE, groupId: GROUP },
        body: { addMembers: [s(4)] },
      }),
    );
    expect(res.statusCode).toBe(409);
    expect(body(res).error.code).toBe('try_again');
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('PATCH: the group version condition failing is a 409 stale_version', async () => {
    ddb.on(TransactWriteCommand).rejects(canceled(['ConditionalCheckFailed', 'None', 'None', 'None']));
    const res = await updateGroup(
      event({
        routeKey: 'PATCH /courses/{courseId}/groups/{groupId}',
        email: s(1),
        pathParameters: { courseId: COURSE, groupId: GROUP },
        body: { paperId: 'ddrm' },
      }),
    );
    expect(res.statusCode).toBe(409);
    expect(body(res).error.code).toBe('stale_version');
    const items = ddb.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    // Group update at the version read, seat released, seat taken: an UpdateItem, never a Put; then
    // the members' mails (outbox Puts), one each.
    expect(items.map((i) => Object.keys(i)[0])).toEqual(['Update', 'Update', 'Update', 'Put', 'Put', 'Put']);
    expect(items.slice(3).map((i) => i.Put?.Item?.to)).toEqual([[s(1)], [s(2)], [s(3)]]);
    expect(items[0]?.Update?.ConditionExpression).toBe('version = :v');
    expect(items[0]?.Update?.ExpressionAttributeValues).toMatchObject({ ':v': 4, ':nv': 5 });
  });

  it('DELETE: a conflict is a 409 try_again', async () => {
    ddb.on(TransactWriteCommand).rejects(canceled(['TransactionConflict', 'None']));
    const res = await removeMember(
      event({
        routeKey: 'DELETE /courses/{courseId}/groups/{groupId}/members/{email}',
        email: s(2),
        pathParameters: { courseId: COURSE, groupId: GROUP, email: s(2) },
      }),
    );
    expect(res.statusCode).toBe(409);
    expect(body(res).error.code).toBe('try_again');
  });
});

describe('removing the last member', () => {
  it('deletes the group at the version read and releases its seat, in the same transaction', async () => {
    ddb.on(BatchGetCommand).callsFake(() => ({
      Responses: { 'unit-table': [course, { ...groupItem, members: [s(2)] }, student(2, GROUP)] },
    }));
    ddb.on(TransactWriteCommand).resolves({});
    const res = await removeMember(
      event({
        routeKey: 'DELETE /courses/{courseId}/groups/{groupId}/members/{email}',
        email: s(2),
        // As a gateway may pass it: still percent-encoded.
        pathParameters: { courseId: COURSE, groupId: GROUP, email: encodeURIComponent(s(2)) },
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(body(res)).toMatchObject({ deleted: true, group: null, removed: s(2) });
    const items = ddb.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(items).toHaveLength(4);
    expect(items[0]?.Update?.ConditionExpression).toBe('groupId = :g');
    expect(items[1]?.Delete?.ConditionExpression).toBe('version = :v');
    expect(items[2]?.Update?.Key).toEqual(keys.paperSeats(COURSE, 'ddim'));
    expect(items[2]?.Update?.UpdateExpression).toBe('SET taken = taken - :one');
    // The member is told in the same transaction (outbox); nobody is left in the group to tell.
    expect(items[3]?.Put?.Item).toMatchObject({
      ...keys.outbox(COURSE, `group#${GROUP}#v5#removed#${s(2)}`),
      type: 'outbox',
      status: 'pending',
      template: 'group',
      to: [s(2)],
      subject: expect.stringContaining('You left your group'),
    });
    expect(ddb.calls()).toHaveLength(2);
    expect(ses.calls()).toHaveLength(0);
  });
});

describe('reads before writes', () => {
  it('never sends duplicate keys to BatchGet (a duplicate member is a 400, not a 500)', async () => {
    const res = await post([s(4), s(5), s(5)]);
    expect(res.statusCode).toBe(400);
    const sent = ddb.commandCalls(BatchGetCommand)[0]?.args[0].input.RequestItems?.['unit-table']?.Keys ?? [];
    const sks = sent.map((k) => (k as { sk: string }).sk);
    expect(new Set(sks).size).toBe(sks.length);
  });
});
