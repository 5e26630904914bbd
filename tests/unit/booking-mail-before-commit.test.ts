import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as BookingIcs from '../../shared/slots/booking-ics.js';
import { handler as deleteBooking } from '../../functions/http/delete-booking.js';
import { handler as putBooking } from '../../functions/http/put-booking.js';
import { handler as putSlots } from '../../functions/http/put-slots.js';
import { demoCourse } from '../../shared/demo/demo-course.js';
import { CourseConfig } from '../../shared/domain/course-config.js';
import { overrideDeps, resetDeps } from '../../shared/runtime/deps.js';
import { keys } from '../../shared/store/keys.js';

/** Flip to make every invite fail to build (as a zone the runtime cannot describe would). */
const invite = vi.hoisted(() => ({ broken: false }));
vi.mock('../../shared/slots/booking-ics.js', async (importOriginal) => {
  const real = await importOriginal<typeof BookingIcs>();
  return {
    ...real,
    icsFor: (...args: Parameters<typeof real.icsFor>) => {
      if (invite.broken) throw new Error('cannot write the VTIMEZONE');
      return real.icsFor(...args);
    },
  };
});

const COURSE = 'unit-course';
const GROUP = 'g_unitgroup0000000000';
const SLOT = '2023-05-15T09:00';
const OTHER_SLOT = '2023-05-15T09:30';
const s = (i: number) => `s${i}@students.example`;
const instructor = demoCourse.instructors[0]!;

const config = CourseConfig.parse(demoCourse);
const courseItem = {
  ...keys.course(COURSE),
  type: 'course',
  courseId: COURSE,
  title: config.title,
  config,
  version: 1,
  updatedAt: '2023-01-01T00:00:00Z',
  updatedBy: 'admin@examdesk.example',
};
const student = (i: number) => ({
  ...keys.student(COURSE, s(i)),
  type: 'student',
  courseId: COURSE,
  email: s(i),
  name: `Student ${i}`,
  groupId: GROUP,
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
const slotItem = (slotId: string, start: string, held: boolean) => ({
  ...keys.slot(COURSE, slotId),
  type: 'slot',
  courseId: COURSE,
  slotId,
  start,
  end: new Date(new Date(start).getTime() + 30 * 60_000).toISOString(),
  room: 'C103',
  modes: ['in-person', 'remote'],
  ...(held ? { groupId: GROUP, mode: 'in-person', sequence: 0 } : {}),
});
const bookingItem = {
  ...keys.booking(COURSE, GROUP),
  type: 'booking',
  courseId: COURSE,
  groupId: GROUP,
  slotId: SLOT,
  eventSlotId: SLOT,
  start: '2023-05-15T07:00:00.000Z',
  end: '2023-05-15T07:30:00.000Z',
  room: 'C103',
  mode: 'in-person',
  sequence: 0,
  updatedAt: '2023-04-05T08:00:00Z',
  updatedBy: s(1),
};

const event = (input: {
  routeKey: string;
  email: string;
  body?: unknown;
  query?: Record<string, string>;
  groupId?: boolean;
}) =>
  ({
    version: '2.0',
    routeKey: input.routeKey,
    rawPath: '/',
    headers: { 'content-type': 'application/json' },
    pathParameters: { courseId: COURSE, ...(input.groupId === false ? {} : { groupId: GROUP }) },
    ...(input.query ? { queryStringParameters: input.query } : {}),
    ...(input.body === undefined ? {} : { body: JSON.stringify(input.body) }),
    isBase64Encoded: false,
    requestContext: {
      requestId: 'req-1',
      authorizer: { jwt: { claims: { email: input.email }, scopes: [] } },
    },
  }) as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;

const ddb = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESv2Client);
/** What the table holds for this test. */
let table: Record<string, unknown>[] = [];

beforeAll(() => {
  process.env.TABLE_NAME = 'unit-table';
  resetDeps();
});
beforeEach(() => {
  invite.broken = false;
  overrideDeps({ clock: { now: () => new Date('2023-04-10T09:00:00Z') } });
  ses.on(SendEmailCommand).resolves({ MessageId: 'm' });
  ddb.on(TransactWriteCommand).resolves({});
  ddb.on(BatchGetCommand).callsFake((input: { RequestItems: Record<string, { Keys: { sk: string }[] }> }) => {
    const wanted = new Set(Object.values(input.RequestItems)[0]?.Keys.map((k) => k.sk));
    return { Responses: { 'unit-table': table.filter((i) => wanted.has(i.sk as string)) } };
  });
  ddb.on(QueryCommand).callsFake((input: { ExpressionAttributeValues: Record<string, string> }) => ({
    Items: table.filter((i) => (i.sk as string).startsWith(input.ExpressionAttributeValues[':prefix'] ?? '')),
  }));
});
afterEach(() => {
  ddb.reset();
  ses.reset();
});

const statusOf = (r: unknown) => (r as APIGatewayProxyStructuredResultV2).statusCode;

describe('a booking change whose invite cannot be built writes nothing', () => {
  it('book: 500, no TransactWriteItems, no mail', async () => {
    table = [courseItem, student(1), groupItem, slotItem(SLOT, '2023-05-15T07:00:00.000Z', false)];
    invite.broken = true;
    const res = await putBooking(
      event({ routeKey: 'PUT /x', email: s(1), body: { slotId: SLOT, mode: 'in-person' } }),
    );
    expect(statusOf(res)).toBe(500);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it('move: 500, no TransactWriteItems', async () => {
    table = [
      courseItem,
      student(1),
      groupItem,
      bookingItem,
      slotItem(SLOT, '2023-05-15T07:00:00.000Z', true),
      slotItem(OTHER_SLOT, '2023-05-15T07:30:00.000Z', false),
    ];
    invite.broken = true;
    const res = await putBooking(
      event({ routeKey: 'PUT /x', email: s(1), body: { slotId: OTHER_SLOT, mode: 'remote' } }),
    );
    expect(statusOf(res)).toBe(500);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('cancel: 500, no TransactWriteItems, so a retry still finds the booking', async () => {
    table = [
      courseItem,
      student(1),
      groupItem,
      bookingItem,
      slotItem(SLOT, '2023-05-15T07:00:00.000Z', true),
    ];
    invite.broken = true;
    const res = await deleteBooking(event({ routeKey: 'DELETE /x', email: s(1) }));
    expect(statusOf(res)).toBe(500);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);

    invite.broken = false;
    const retry = await deleteBooking(event({ routeKey: 'DELETE /x', email: s(1) }));
    expect(statusOf(retry)).toBe(200);
    const writes = ddb.commandCalls(TransactWriteCommand);
    expect(writes).toHaveLength(1);
    const mails = (writes[0]!.args[0].input.TransactItems ?? []).filter(
      (i) => i.Put?.Item?.type === 'outbox',
    );
    expect(mails).toHaveLength(3);
  });

  it('a forced layout that drops a booked slot: 500, no TransactWriteItems', async () => {
    table = [courseItem, groupItem, bookingItem, slotItem(SLOT, '2023-05-15T07:00:00.000Z', true)];
    overrideDeps({ clock: { now: () => new Date('2023-04-10T09:00:00Z') } });
    invite.broken = true;
    const res = await putSlots(
      event({
        routeKey: 'PUT /x',
        email: instructor,
        groupId: false,
        body: { days: [], force: true, reason: 'room closed' },
      }),
    );
    expect(statusOf(res)).toBe(500);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });
});

/** The outbox Puts of the one TransactWriteItems the request made. */
const outboxPutsOf = () =>
  (ddb.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? []).flatMap((i) =>
    i.Put?.Item?.type === 'outbox' ? [i.Put] : [],
  );

describe('booking changes write their mails in the outbox, in the same transaction', () => {
  it('book: one outbox item per member with the invite, in the booking transaction; SES is not called', async () => {
    table = [courseItem, student(1), groupItem, slotItem(SLOT, '2023-05-15T07:00:00.000Z', false)];
    const res = await putBooking(
      event({ routeKey: 'PUT /x', email: s(1), body: { slotId: SLOT, mode: 'in-person' } }),
    );
    expect(statusOf(res)).toBe(201);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
    const puts = outboxPutsOf();
    expect(puts.map((p) => p.Item?.to)).toEqual([[s(1)], [s(2)], [s(3)]]);
    expect(puts.map((p) => p.Item?.sk)).toEqual([1, 2, 3].map((i) => `MAIL#booking#${GROUP}#0#${s(i)}`));
    for (const p of puts) {
      expect(p.ConditionExpression).toBe('attribute_not_exists(pk)');
      expect(p.Item).toMatchObject({ status: 'pending', attempts: 0, template: 'booking' });
      expect(p.Item?.attachments[0]).toMatchObject({ fileName: 'presentation.ics' });
      expect(p.Item?.attachments[0].content).toContain('METHOD:REQUEST');
    }
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it('SES down after the commit loses nothing: the request never talks to SES', async () => {
    table = [courseItem, student(1), groupItem, slotItem(SLOT, '2023-05-15T07:00:00.000Z', false)];
    ses.on(SendEmailCommand).rejects(new Error('SES is down'));
    const res = await putBooking(
      event({ routeKey: 'PUT /x', email: s(1), body: { slotId: SLOT, mode: 'in-person' } }),
    );
    expect(statusOf(res)).toBe(201);
    expect(outboxPutsOf()).toHaveLength(3);
  });

  it('cancel: the CANCEL invites are keyed by the next SEQUENCE, in the cancel transaction', async () => {
    table = [
      courseItem,
      student(1),
      groupItem,
      bookingItem,
      slotItem(SLOT, '2023-05-15T07:00:00.000Z', true),
    ];
    const res = await deleteBooking(event({ routeKey: 'DELETE /x', email: s(1) }));
    expect(statusOf(res)).toBe(200);
    const puts = outboxPutsOf();
    expect(puts.map((p) => p.Item?.sk)).toEqual([1, 2, 3].map((i) => `MAIL#booking#${GROUP}#1#${s(i)}`));
    expect(puts[0]?.Item?.attachments[0].content).toContain('METHOD:CANCEL');
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it('a forced layout that drops a booked slot: the group is told through the outbox, with the layout', async () => {
    table = [courseItem, groupItem, bookingItem, slotItem(SLOT, '2023-05-15T07:00:00.000Z', true)];
    const res = await putSlots(
      event({
        routeKey: 'PUT /x',
        email: instructor,
        groupId: false,
        body: { days: [], force: true, reason: 'room closed' },
      }),
    );
    expect(statusOf(res)).toBe(200);
    expect(outboxPutsOf().map((p) => p.Item?.to)).toEqual([[s(1)], [s(2)], [s(3)]]);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });
});
