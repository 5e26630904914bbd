import type { Access } from './routes.js';
import { PENDING_ARCHIVE_FILTER } from '../shared/exports/archive-constants.js';

/** Functions not behind the HTTP API: S3 object events and schedules. Served locally, deployed by CDK. */
export type Trigger =
  | {
      kind: 'schedule';
      /** EventBridge expression, e.g. rate(15 minutes) */ expression: string;
      /** local scheduler period */ everyMs: number;
    }
  | { kind: 's3-object-created'; /** key prefix that fires the function */ prefix: string }
  | {
      kind: 'table-stream';
      /**
       * Lambda event filter pattern on the table's stream records (FilterCriteria), e.g. only
       * pending outbox items: { dynamodb: { NewImage: { type: { S: ['outbox'] } } } }.
       */
      filter: Record<string, unknown>;
      /** Records per invocation. */
      batchSize: number;
    };

export interface BackgroundFunction {
  /** Name used by CDK ids and by POST /_local/run/{job} for schedules. */
  id: string;
  handler: string;
  trigger: Trigger;
  access: Access[];
  description: string;
  /** Lambda limits when the defaults (60 s; 512 MB, 1024 MB for S3 events) do not fit the work. */
  timeoutSeconds?: number;
  memoryMb?: number;
}

/** The stream records the mail sender wants: outbox items that are (again) pending. */
export const PENDING_OUTBOX_FILTER = {
  dynamodb: { NewImage: { type: { S: ['outbox'] }, status: { S: ['pending'] } } },
} as const;

export const backgroundFunctions: BackgroundFunction[] = [
  {
    id: 'upload-received',
    handler: 'events/upload-received',
    trigger: { kind: 's3-object-created', prefix: 'uploads/' },
    // The receipts are outbox items in the submission's transaction: the mail sender sends them.
    access: ['table-read', 'table-write', 'bucket-read'],
    description:
      'Checks an uploaded deliverable file (size, type by content, PDF pages), records the submission version and its receipt mails (outbox)',
  },
  {
    id: 'send-reminders',
    handler: 'schedules/send-reminders',
    trigger: { kind: 'schedule', expression: 'rate(15 minutes)', everyMs: 60_000 },
    access: ['table-read', 'table-write'],
    description:
      'Queues a mail (outbox) to those who still have something to do at each reminder offset before each deadline, once each',
  },
  {
    id: 'enforce-deadlines',
    handler: 'schedules/enforce-deadlines',
    trigger: { kind: 'schedule', expression: 'rate(15 minutes)', everyMs: 60_000 },
    access: ['table-read', 'table-write'],
    description:
      'At each deadline: summaries to instructors (outbox), late and missing work, and slots given to groups without one',
  },
  {
    id: 'mail-sender',
    handler: 'streams/mail-sender',
    trigger: { kind: 'table-stream', filter: PENDING_OUTBOX_FILTER, batchSize: 10 },
    access: ['table-read', 'table-write', 'mail'],
    description:
      'Sends the mails use cases put in the outbox (table stream), at the SES account rate; retries throttled ones, gives up after 8',
  },
  {
    id: 'retry-mail',
    handler: 'schedules/retry-mail',
    trigger: { kind: 'schedule', expression: 'rate(1 minute)', everyMs: 60_000 },
    access: ['table-read', 'table-write'],
    description:
      'Puts outbox mails whose retry is due (or whose sender died, or that nobody picked up) back to pending',
  },
  {
    id: 'archive-builder',
    handler: 'streams/archive-builder',
    // One request per invocation: a course's ZIP can take minutes, and each is claimed on its own.
    trigger: { kind: 'table-stream', filter: PENDING_ARCHIVE_FILTER, batchSize: 1 },
    access: ['table-read', 'table-write', 'bucket-read', 'bucket-write'],
    description:
      "Builds a requested ZIP of a deliverable's accepted files (table stream): each file streamed from S3 into a multipart upload, memory bounded",
    // Lambda's maximum: ~500 reports of a few MB stream in a minute or two; the margin is for big ones.
    timeoutSeconds: 900,
    memoryMb: 1024,
  },
];
