import type { Access } from './routes.js';

/** Functions not behind the HTTP API: S3 object events and schedules. Served locally, deployed by CDK. */
export type Trigger =
  | {
      kind: 'schedule';
      /** EventBridge expression, e.g. rate(15 minutes) */ expression: string;
      /** local scheduler period */ everyMs: number;
    }
  | { kind: 's3-object-created'; /** key prefix that fires the function */ prefix: string };

export interface BackgroundFunction {
  /** Name used by CDK ids and by POST /_local/run/{job} for schedules. */
  id: string;
  handler: string;
  trigger: Trigger;
  access: Access[];
  description: string;
}

export const backgroundFunctions: BackgroundFunction[] = [
  {
    id: 'upload-received',
    handler: 'events/upload-received',
    trigger: { kind: 's3-object-created', prefix: 'uploads/' },
    access: ['table-read', 'table-write', 'bucket-read', 'mail'],
    description:
      'Checks an uploaded deliverable file (size, type by content, PDF pages), records the submission version and emails a receipt',
  },
  {
    id: 'send-reminders',
    handler: 'schedules/send-reminders',
    trigger: { kind: 'schedule', expression: 'rate(15 minutes)', everyMs: 60_000 },
    access: ['table-read', 'table-write', 'mail'],
    description:
      'Emails those who still have something to do at each reminder offset before each deadline, once each',
  },
  {
    id: 'enforce-deadlines',
    handler: 'schedules/enforce-deadlines',
    trigger: { kind: 'schedule', expression: 'rate(15 minutes)', everyMs: 60_000 },
    access: ['table-read', 'table-write', 'mail'],
    description:
      'At each deadline: summaries to instructors, late and missing work, and slots given to groups without one',
  },
];
