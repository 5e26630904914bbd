import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler as putGrade } from '../../functions/http/put-grade.js';
import { demoCourse } from '../../shared/demo/demo-course.js';
import { CourseConfig } from '../../shared/domain/course-config.js';
import { overrideDeps, resetDeps } from '../../shared/runtime/deps.js';
import { keys } from '../../shared/store/keys.js';
import { apiEvent, batchGetFrom, courseItem } from '../support/handler-fixture.js';

const COURSE = 'unit-course';
const GROUP = 'g_unitgroup0000000000';
const LEAD = 'lead@uni.example';
const GRADER = 'grader@uni.example';

const config = CourseConfig.parse({
  ...demoCourse,
  instructors: [LEAD, GRADER],
  grading: { ...demoCourse.grading, markers: { lead: LEAD } },
});
const items = [
  courseItem(COURSE, config),
  {
    ...keys.group(COURSE, GROUP),
    type: 'group',
    courseId: COURSE,
    groupId: GROUP,
    members: ['s1@students.example', 's2@students.example', 's3@students.example'],
    paperId: 'ddim',
    version: 2,
    createdAt: '2023-02-01T00:00:00Z',
    updatedAt: '2023-02-01T00:00:00Z',
  },
  // The lead assigned the grader to this group's presentation (version 3 of the assignments).
  {
    ...keys.markingAssignments(COURSE, 'presentation'),
    type: 'marking-assignments',
    courseId: COURSE,
    componentId: 'presentation',
    groups: { [GROUP]: [GRADER] },
    version: 3,
    updatedAt: '2023-05-01T00:00:00Z',
    updatedBy: LEAD,
  },
];

const ddb = mockClient(DynamoDBDocumentClient);

beforeAll(() => {
  process.env.TABLE_NAME = 'unit-table';
  resetDeps();
});
beforeEach(() => {
  overrideDeps({ clock: { now: () => new Date('2023-05-20T09:00:00Z') } });
  ddb.on(BatchGetCommand).callsFake(batchGetFrom(items));
});
afterEach(() => ddb.reset());

const enter = () =>
  putGrade(
    apiEvent({
      routeKey: 'PUT /courses/{courseId}/groups/{groupId}/grades/{componentId}',
      email: GRADER,
      pathParameters: { courseId: COURSE, groupId: GROUP, componentId: 'presentation' },
      // No booking in this table: the presentation rule is overridden with a reason (audited).
      body: { score: 14, version: 0, reason: 'Presented on paper, no slot' },
    }),
  );

describe('a grade entered by an assigned grader while the lead revokes the assignment', () => {
  it('the write is conditioned on the assignments read; a revocation meanwhile is a 409, nothing written', async () => {
    let sent:
      | {
          TransactItems: Record<
            string,
            {
              Key?: { sk: string };
              ConditionExpression?: string;
              ExpressionAttributeValues?: Record<string, unknown>;
            }
          >[];
        }
      | undefined;
    ddb.on(TransactWriteCommand).callsFake((input: typeof sent) => {
      sent = input;
      const at = (input?.TransactItems ?? []).findIndex(
        (t) => t.ConditionCheck?.Key?.sk === keys.markingAssignments(COURSE, 'presentation').sk,
      );
      // DynamoDB: the assignments item is no longer at the version read (the lead changed it).
      throw new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: {},
        CancellationReasons: (input?.TransactItems ?? []).map((_t, i) => ({
          Code: i === at ? 'ConditionalCheckFailed' : 'None',
        })),
      });
    });
    const res = await enter();
    expect(res.statusCode, res.body).toBe(409);
    expect(JSON.parse(res.body ?? '{}').error.code).toBe('assignment_changed');
    const check = sent?.TransactItems.find(
      (t) => t.ConditionCheck?.Key?.sk === keys.markingAssignments(COURSE, 'presentation').sk,
    )?.ConditionCheck;
    expect(check?.ConditionExpression).toBe('version = :v');
    expect(check?.ExpressionAttributeValues?.[':v']).toBe(3);
    // Not retried as a conflict: a refusal is final.
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('with the assignment unchanged, the same request writes (200)', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const res = await enter();
    expect(res.statusCode, res.body).toBe(200);
  });
});
