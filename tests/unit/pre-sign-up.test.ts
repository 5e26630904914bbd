import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/auth/pre-sign-up.js';
import {
  checkSignUp,
  decideSignUp,
  notOnARosterMessage,
  SignUpRefused,
} from '../../shared/auth/sign-up-rules.js';
import { resetDeps } from '../../shared/runtime/deps.js';
import { instructorEntity, studentEntity } from '../../shared/store/course-repo.js';
import { GSI1_NAME, gsi1 } from '../../shared/store/keys.js';

const TABLE = 'unit-table';
const ddb = mockClient(DynamoDBDocumentClient);
const d = {
  db: DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-3' })),
  tableName: TABLE,
};

/** A Cognito PreSignUp event as the hosted sign-up page (or admin-create-user) sends it. */
const event = (email: string | undefined, triggerSource = 'PreSignUp_SignUp') => ({
  version: '1',
  region: 'eu-west-3',
  userPoolId: 'eu-west-3_abcdefghi',
  userName: 'b7c1a2f4-0000-4000-8000-000000000000',
  triggerSource,
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'webclient' },
  request: { userAttributes: email === undefined ? {} : { email } },
  response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
});

const student = (email: string, courseId = 'genmod-2023') =>
  studentEntity.toItem({ courseId, email, name: 'A Student' });
const instructor = (email: string, courseId = 'genmod-2023') => instructorEntity.toItem({ courseId, email });

/** The table as GSI1 answers it: the memberships of each (lower-case) address. */
const tableHolds = (items: Record<string, unknown>[]) => {
  ddb.on(QueryCommand).callsFake((input: { ExpressionAttributeValues: Record<string, string> }) => ({
    Items: items.filter((i) => i.gsi1pk === input.ExpressionAttributeValues[':p']),
  }));
};

beforeEach(() => ddb.reset());
afterAll(() => ddb.restore());

describe('decideSignUp (no I/O)', () => {
  it('lets an administrator create any account', () => {
    expect(decideSignUp('PreSignUp_AdminCreateUser', 'anyone@example.org', [])).toMatchObject({
      allowed: true,
      why: 'admin-create-user',
    });
  });

  it('lets in someone with a course and refuses someone without, naming the address', () => {
    expect(
      decideSignUp('PreSignUp_SignUp', 'a@students.example', [{ courseId: 'c1', role: 'student' }]),
    ).toEqual({ allowed: true, why: 'on-a-course', courses: ['c1'] });
    expect(decideSignUp('PreSignUp_SignUp', 'x@example.org', [])).toEqual({
      allowed: false,
      message: 'x@example.org is not on any examdesk course roster; ask your instructor to add you',
    });
  });
});

describe('checkSignUp (the table through a mocked client)', () => {
  it('allows a student on a roster', async () => {
    tableHolds([student('ines.garcia@students.example')]);
    await expect(checkSignUp(d, event('ines.garcia@students.example'))).resolves.toEqual({
      allowed: true,
      why: 'on-a-course',
      courses: ['genmod-2023'],
    });
    const query = ddb.commandCalls(QueryCommand)[0]!.args[0].input;
    expect(query).toMatchObject({
      TableName: TABLE,
      IndexName: GSI1_NAME,
      ExpressionAttributeValues: { ':p': gsi1.userCourses('ines.garcia@students.example') },
    });
  });

  it('allows an instructor of a course', async () => {
    tableHolds([instructor('lead.instructor@genmod.example', 'genmod-live')]);
    await expect(checkSignUp(d, event('lead.instructor@genmod.example'))).resolves.toMatchObject({
      allowed: true,
      courses: ['genmod-live'],
    });
  });

  it('refuses an address on no roster with the message Cognito shows', async () => {
    tableHolds([student('ines.garcia@students.example')]);
    await expect(checkSignUp(d, event('stranger@example.org'))).resolves.toEqual({
      allowed: false,
      message: notOnARosterMessage('stranger@example.org'),
    });
  });

  it('compares addresses without case (rosters store them lower-cased)', async () => {
    tableHolds([student('ines.garcia@students.example')]);
    await expect(checkSignUp(d, event('  Ines.Garcia@Students.EXAMPLE '))).resolves.toMatchObject({
      allowed: true,
    });
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input.ExpressionAttributeValues).toEqual({
      ':p': gsi1.userCourses('ines.garcia@students.example'),
    });
  });

  it('lets admin-create-user through without reading the table', async () => {
    await expect(
      checkSignUp(d, event('new.admin@uni.example', 'PreSignUp_AdminCreateUser')),
    ).resolves.toMatchObject({ allowed: true, why: 'admin-create-user' });
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('refuses a sign-up without an address, and an event that is not a PreSignUp event', async () => {
    await expect(checkSignUp(d, event(undefined))).resolves.toMatchObject({ allowed: false });
    await expect(checkSignUp(d, { triggerSource: 'PreSignUp_SignUp' })).rejects.toThrow();
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
  });
});

describe('the trigger function (functions/auth/pre-sign-up.ts)', () => {
  const saved = { ...process.env };
  beforeAll(() => {
    Object.assign(process.env, {
      TABLE_NAME: TABLE,
      BUCKET_NAME: process.env.BUCKET_NAME ?? 'unit-bucket',
      MAIL_FROM: process.env.MAIL_FROM ?? 'exams@uni.example',
      AWS_REGION: process.env.AWS_REGION ?? 'eu-west-3',
    });
    resetDeps();
  });
  afterAll(() => {
    process.env = saved;
    resetDeps();
  });

  it('returns the event unchanged when the address is on a roster (Cognito still verifies it)', async () => {
    tableHolds([student('ines.garcia@students.example')]);
    const input = event('Ines.Garcia@students.example');
    await expect(handler(input)).resolves.toEqual(input);
  });

  it('fails with the refusal message otherwise (Cognito shows it on the sign-up form)', async () => {
    tableHolds([]);
    const failure = handler(event('stranger@example.org'));
    await expect(failure).rejects.toBeInstanceOf(SignUpRefused);
    await expect(failure).rejects.toThrow(
      'stranger@example.org is not on any examdesk course roster; ask your instructor to add you',
    );
  });
});
