import { randomUUID } from 'node:crypto';
import {
  GetAccountCommand,
  SendEmailCommand,
  SESv2Client,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler as mailSender } from '../../functions/streams/mail-sender.js';
import { deliverRecords, putIntentsOnce, type StreamEvent } from '../../shared/mail/deliver.js';
import { listMail, resendMail } from '../../shared/mail/mail-admin.js';
import { fanoutPut, MAX_ATTEMPTS, mailIdOf, outboxPut, type MailIntent } from '../../shared/mail/outbox.js';
import { queryAll } from '../../shared/store/table-ops.js';
import { resetPacer, tokenBucket, type PaceTimer } from '../../shared/mail/pacer.js';
import { requeueDue } from '../../shared/mail/requeue.js';
import { resetDeps } from '../../shared/runtime/deps.js';
import { GSI1_NAME, gsi1, keys } from '../../shared/store/keys.js';
import { courseInMonth, integrationDeps as stackIntegrationDeps } from '../support/job-fixture.js';

/**
 * A table of this test's own, with the app table's keys and GSI1 but no stream: the stack's own
 * sender (fed by the app table's stream) must not race the sends this test counts.
 */
const TABLE = `outbox-test-${randomUUID().slice(0, 8)}`;
const integrationDeps = () => Object.assign(stackIntegrationDeps(), { tableName: TABLE });
beforeAll(async () => {
  const d = stackIntegrationDeps();
  const S = 'S' as const;
  await d.db.send(
    new CreateTableCommand({
      TableName: TABLE,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk'].map((AttributeName) => ({
        AttributeName,
        AttributeType: S,
      })),
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: GSI1_NAME,
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    }),
  );
});
/** The handler reads its table from the environment, as on Lambda. */
const tableBefore = process.env.TABLE_NAME;
const handlerOnTestTable = () => {
  process.env.TABLE_NAME = TABLE;
  resetDeps();
};

const ses = mockClient(SESv2Client);
afterEach(() => ses.reset());
afterAll(async () => {
  // The app test files share one module graph and process: leave SES, the table name and the
  // dependencies as the next file expects them.
  ses.restore();
  if (tableBefore === undefined) delete process.env.TABLE_NAME;
  else process.env.TABLE_NAME = tableBefore;
  resetDeps();
  await stackIntegrationDeps().db.send(new DeleteTableCommand({ TableName: TABLE }));
});
beforeEach(() => resetPacer());

const virtualTimer = (): PaceTimer & { elapsed: number } => {
  const t = {
    elapsed: 0,
    nowMs: () => t.elapsed,
    sleep: async (ms: number) => {
      t.elapsed += ms;
    },
  };
  return t;
};

type Outcome = 'ok' | 'throttled' | 'crash';
/** SES that answers each send by the policy; remembers who got a mail it accepted. */
const sesThat = (policy: (n: number) => Outcome, timer?: PaceTimer) => {
  const log: { to: string; outcome: Outcome; at: number }[] = [];
  ses.on(GetAccountCommand).resolves({ SendQuota: { MaxSendRate: 1 } });
  ses.on(SendEmailCommand).callsFake((input: { Destination?: { ToAddresses?: string[] } }) => {
    const outcome = policy(log.length);
    log.push({ to: input.Destination?.ToAddresses?.[0] ?? '', outcome, at: timer?.nowMs() ?? 0 });
    if (outcome === 'throttled')
      throw new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', $metadata: {} });
    if (outcome === 'crash') throw Object.assign(new Error('connection reset'), { name: 'ECONNRESET' });
    return { MessageId: `m-${randomUUID()}` };
  });
  return { log, delivered: () => log.filter((l) => l.outcome === 'ok').map((l) => l.to) };
};

const intentsOf = (courseId: string, recipients: string[]): MailIntent[] =>
  recipients.map((to, i) => ({
    key: `test#${i}#${to}`,
    courseId,
    template: 'test',
    to: [to],
    subject: `Mail ${i}`,
    text: `Hello ${to}`,
    attachments: [{ fileName: 'a.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }],
  }));

type D = ReturnType<typeof integrationDeps>;

/** The "use case": a change and its mails in ONE TransactWriteItems. */
const commitWithMails = async (d: D, intents: MailIntent[]) =>
  d.db.send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: d.tableName, Item: { pk: `TEST#${randomUUID()}`, sk: 'CHANGE', type: 'test' } } },
        ...intents.map((i) => outboxPut(d, i, d.clock.now())),
      ],
    }),
  );

const itemOf = async (d: D, i: MailIntent) =>
  (await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.outbox(i.courseId, i.key) }))).Item;

/** The stream records Lambda would deliver for these items as they are now (NEW_IMAGE). */
const streamOf = async (d: D, intents: MailIntent[]): Promise<StreamEvent> => ({
  Records: await Promise.all(
    intents.map(async (i, n) => {
      const item = (await itemOf(d, i))!;
      return {
        eventID: `e${n}`,
        eventName: 'MODIFY',
        dynamodb: {
          Keys: marshall(keys.outbox(i.courseId, i.key)),
          NewImage: marshall(item, { removeUndefinedValues: true }),
          SequenceNumber: `${Date.now()}${n}`,
          ApproximateCreationDateTime: Math.floor(d.clock.now().getTime() / 1000),
        },
      };
    }),
  ),
});

const statuses = async (d: D, intents: MailIntent[]) =>
  Promise.all(intents.map(async (i) => (await itemOf(d, i))?.status as string));

const fast = () => ({ pacer: tokenBucket(1000, virtualTimer()), random: () => 1 });

describe('outbox sender (DynamoDB Local real, SES mocked)', () => {
  it('a crash between the commit and the send loses nothing: the sender delivers the recorded intent later', async () => {
    const d = integrationDeps();
    d.clock.set(new Date('2032-01-05T10:00:00Z'));
    const courseId = `outbox-${randomUUID().slice(0, 8)}`;
    const intents = intentsOf(courseId, ['a@x.example', 'b@x.example']);
    await commitWithMails(d, intents);
    // The request "crashes" here: nobody sent anything. The intents are in the table.
    expect(await statuses(d, intents)).toEqual(['pending', 'pending']);
    const mails = sesThat(() => 'ok');
    handlerOnTestTable();
    const out = await mailSender(await streamOf(d, intents));
    expect(out).toEqual({ batchItemFailures: [] });
    expect(mails.delivered().sort()).toEqual(['a@x.example', 'b@x.example']);
    const sent = await itemOf(d, intents[0]!);
    expect(sent).toMatchObject({ status: 'sent', attempts: 0 });
    expect(sent?.messageId).toMatch(/^m-/);
    expect(sent?.gsi1pk).toBeUndefined();
    expect(
      ses.commandCalls(SendEmailCommand)[0]!.args[0].input.Content?.Simple?.Attachments?.[0]?.FileName,
    ).toBe('a.ics');
  });

  it('the same record twice (Lambda retries, a requeue racing the stream) sends once', async () => {
    const d = integrationDeps();
    d.clock.set(new Date('2032-01-06T10:00:00Z'));
    const intents = intentsOf(`outbox-${randomUUID().slice(0, 8)}`, ['a@x.example']);
    await commitWithMails(d, intents);
    const mails = sesThat(() => 'ok');
    const event = await streamOf(d, intents);
    const [first, second] = await Promise.all([
      deliverRecords(d, event.Records, fast()),
      deliverRecords(d, event.Records, fast()),
    ]);
    expect(first.outcomes.sent + second.outcomes.sent).toBe(1);
    expect(first.outcomes.skipped + second.outcomes.skipped).toBe(1);
    expect(mails.delivered()).toEqual(['a@x.example']);
    // An intent with the same key is recorded once: the transaction that repeats it is cancelled.
    await expect(commitWithMails(d, intents)).rejects.toThrow();
  });

  it('SES throttling, then success: every mail goes out once, through retry → pending → sent', async () => {
    const d = integrationDeps();
    const t0 = new Date('2032-02-01T10:00:00Z');
    d.clock.set(t0);
    const courseId = `outbox-${randomUUID().slice(0, 8)}`;
    const recipients = Array.from({ length: 10 }, (_, i) => `s${i}@x.example`);
    const intents = intentsOf(courseId, recipients);
    await commitWithMails(d, intents);
    // Every other send is throttled.
    const mails = sesThat((n) => (n % 2 === 1 ? 'throttled' : 'ok'));
    const first = await deliverRecords(d, (await streamOf(d, intents)).Records, fast());
    expect(first.outcomes).toMatchObject({ sent: 5, retry: 5, dead: 0 });
    expect(first.batchItemFailures).toEqual([]);
    const waiting = intents.filter((_, i) => i % 2 === 1);
    for (const i of waiting) {
      const item = await itemOf(d, i);
      expect(item).toMatchObject({ status: 'retry', attempts: 1, gsi1pk: gsi1.mailRetry });
      expect(item?.lastError).toMatch(/TooManyRequestsException/);
      const retryAt = new Date(String(item?.retryAt)).getTime() - t0.getTime();
      expect(retryAt).toBeGreaterThanOrEqual(10_000);
      expect(retryAt).toBeLessThan(20_000);
    }
    // Not due yet: nothing moves.
    d.clock.set(new Date(t0.getTime() + 5_000));
    const early = await requeueDue(d);
    for (const i of waiting) expect((await itemOf(d, i))?.status).toBe('retry');
    expect(early.requeued).toBeGreaterThanOrEqual(0);
    // Due: back to pending (a new stream record), then sent.
    d.clock.set(new Date(t0.getTime() + 30_000));
    await requeueDue(d);
    expect(await statuses(d, waiting)).toEqual(waiting.map(() => 'pending'));
    ses.reset();
    const again = sesThat(() => 'ok');
    const second = await deliverRecords(d, (await streamOf(d, waiting)).Records, fast());
    expect(second.outcomes).toMatchObject({ sent: 5, retry: 0 });
    const all = [...mails.delivered(), ...again.delivered()];
    expect(all).toHaveLength(10);
    expect(new Set(all)).toEqual(new Set(recipients));
    expect(await statuses(d, intents)).toEqual(intents.map(() => 'sent'));
  });

  it(`after ${MAX_ATTEMPTS} failed attempts a mail is dead; instructors list it and resend it (audited)`, async () => {
    const d = integrationDeps();
    const t0 = new Date('2032-03-01T10:00:00Z');
    d.clock.set(t0);
    const c = await courseInMonth(d, 2032, 3, 1);
    const [intent] = intentsOf(c.courseId, [c.students[0]!]);
    await commitWithMails(d, [intent!]);
    sesThat(() => 'throttled');
    let now = t0.getTime();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const report = await deliverRecords(d, (await streamOf(d, [intent!])).Records, fast());
      expect(report.outcomes[attempt < MAX_ATTEMPTS ? 'retry' : 'dead']).toBe(1);
      now += 16 * 60_000;
      d.clock.set(new Date(now));
      await requeueDue(d);
    }
    const dead = await itemOf(d, intent!);
    expect(dead).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS, gsi1pk: gsi1.deadMail(c.courseId) });
    expect(dead?.lastError).toMatch(/TooManyRequestsException/);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(MAX_ATTEMPTS);

    const instructor = { email: c.instructor, groups: [], isAdmin: false };
    const listed = await listMail(d, c.courseId, instructor, { status: 'dead' });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      mailId: mailIdOf(intent!.key),
      to: [c.students[0]],
      subject: intent!.subject,
      attempts: MAX_ATTEMPTS,
      status: 'dead',
    });
    expect(listed[0]?.error).toMatch(/TooManyRequestsException/);
    const student = { email: c.students[0]!, groups: [], isAdmin: false };
    await expect(listMail(d, c.courseId, student, { status: 'dead' })).rejects.toThrow(/instructors/);

    const resent = await resendMail(d, c.courseId, mailIdOf(intent!.key), instructor, {
      reason: 'SES fixed',
    });
    expect(resent).toMatchObject({ status: 'pending', attempts: 0 });
    await expect(resendMail(d, c.courseId, mailIdOf(intent!.key), instructor, {})).rejects.toMatchObject({
      status: 409,
    });
    const audit = await d.db.send(
      new QueryCommand({
        TableName: d.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.audit(c.courseId, '', '').pk },
      }),
    );
    expect(audit.Items?.some((a) => a.action === 'mail.resend' && a.reason === 'SES fixed')).toBe(true);
    expect(await listMail(d, c.courseId, instructor, { status: 'dead' })).toEqual([]);
    ses.reset();
    const ok = sesThat(() => 'ok');
    await deliverRecords(d, (await streamOf(d, [intent!])).Records, fast());
    expect(ok.delivered()).toEqual([c.students[0]]);
    expect((await itemOf(d, intent!))?.status).toBe('sent');
  });

  it('a refusal SES will repeat (MessageRejected) is dead at once', async () => {
    const d = integrationDeps();
    d.clock.set(new Date('2032-04-01T10:00:00Z'));
    const intents = intentsOf(`outbox-${randomUUID().slice(0, 8)}`, ['a@x.example']);
    await commitWithMails(d, intents);
    ses.on(SendEmailCommand).rejects(
      Object.assign(new Error('Email address is not verified.'), {
        name: 'MessageRejected',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const report = await deliverRecords(d, (await streamOf(d, intents)).Records, fast());
    expect(report.outcomes.dead).toBe(1);
    expect(await itemOf(d, intents[0]!)).toMatchObject({ status: 'dead', attempts: 1 });
  });

  it('a sender that died after its claim: the mail is put back once the claim is stale, then sent once', async () => {
    const d = integrationDeps();
    const t0 = new Date('2032-05-01T10:00:00Z');
    d.clock.set(t0);
    const intents = intentsOf(`outbox-${randomUUID().slice(0, 8)}`, ['a@x.example']);
    await commitWithMails(d, intents);
    const event = await streamOf(d, intents);
    // The sender claims, then its process dies before SES answers.
    ses.on(GetAccountCommand).resolves({ SendQuota: { MaxSendRate: 1 } });
    ses.on(SendEmailCommand).callsFake(() => new Promise(() => undefined));
    void deliverRecords(d, event.Records, fast());
    await new Promise((r) => setTimeout(r, 300));
    expect((await itemOf(d, intents[0]!))?.status).toBe('sending');
    ses.reset();
    const mails = sesThat(() => 'ok');
    // Lambda gives the record again at once: the claim is fresh, nobody else may take it.
    expect((await deliverRecords(d, event.Records, fast())).outcomes.skipped).toBe(1);
    d.clock.set(new Date(t0.getTime() + 4 * 60_000));
    await requeueDue(d);
    expect((await itemOf(d, intents[0]!))?.status).toBe('sending');
    d.clock.set(new Date(t0.getTime() + 6 * 60_000));
    await requeueDue(d);
    expect((await itemOf(d, intents[0]!))?.status).toBe('pending');
    await deliverRecords(d, (await streamOf(d, intents)).Records, fast());
    expect(mails.delivered()).toEqual(['a@x.example']);
    expect((await itemOf(d, intents[0]!))?.status).toBe('sent');
  });

  it('paces at the account rate: 1/s in the sandbox, measured on the pacer clock', async () => {
    const d = integrationDeps();
    d.clock.set(new Date('2032-06-01T10:00:00Z'));
    const intents = intentsOf(
      `outbox-${randomUUID().slice(0, 8)}`,
      Array.from({ length: 6 }, (_, i) => `p${i}@x.example`),
    );
    await commitWithMails(d, intents);
    const timer = virtualTimer();
    const mails = sesThat(() => 'ok', timer);
    await deliverRecords(d, (await streamOf(d, intents)).Records, { pacer: tokenBucket(1, timer) });
    expect(mails.log.map((l) => l.at)).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
  });

  it('the handler reads the account quota once per cold start', async () => {
    const d = integrationDeps();
    d.clock.set(new Date('2032-07-01T10:00:00Z'));
    const intents = intentsOf(`outbox-${randomUUID().slice(0, 8)}`, ['a@x.example']);
    await commitWithMails(d, intents);
    sesThat(() => 'ok');
    ses.on(GetAccountCommand).resolves({ SendQuota: { MaxSendRate: 14 } });
    handlerOnTestTable();
    await mailSender(await streamOf(d, intents));
    await mailSender(await streamOf(d, intents));
    expect(ses.commandCalls(GetAccountCommand)).toHaveLength(1);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
  });

  it('dead mails of a course are one Query on GSI1', async () => {
    const d = integrationDeps();
    const out = await d.db.send(
      new QueryCommand({
        TableName: d.tableName,
        IndexName: GSI1_NAME,
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': gsi1.deadMail('no-such-course') },
      }),
    );
    expect(out.Items).toEqual([]);
  });

  it('a fan-out is expanded into its intents once each: given again (crash after part of it), it skips what is there', async () => {
    const d = integrationDeps();
    const courseId = `fanout-${randomUUID().slice(0, 6)}`;
    const recipients = Array.from({ length: 230 }, (_, i) => `f${i}-${courseId}@students.example`);
    const intents = (keyBase: string): MailIntent[] =>
      recipients.map((to) => ({
        key: `${keyBase}#${to}`,
        courseId,
        template: 'test',
        to: [to],
        subject: 's',
        text: 't',
      }));
    const fanout = {
      key: `test-fanout#1`,
      courseId,
      template: 'test-fanout',
      subject: 'all',
      fanout: { kind: 'test', keyBase: 'test#1' },
    };
    await d.db.send(new TransactWriteCommand({ TransactItems: [fanoutPut(d, fanout, d.clock.now())] }));
    // A sender that died after writing the first 150 intents (its claim then went stale, and the
    // retry job put the fan-out back to pending: here, it is still pending).
    expect(await putIntentsOnce(d, intents('test#1').slice(0, 150), d.clock.now())).toEqual({
      written: 150,
      alreadyThere: 0,
    });
    const expanders = { test: async () => intents('test#1') };
    const item = {
      ...fanout,
      pk: keys.outbox(courseId, fanout.key).pk,
      sk: keys.outbox(courseId, fanout.key).sk,
    };
    const record = async () => ({
      Records: [
        {
          eventID: 'f1',
          eventName: 'INSERT',
          dynamodb: {
            Keys: marshall({ pk: item.pk, sk: item.sk }),
            NewImage: marshall(
              (await d.db.send(new GetCommand({ TableName: d.tableName, Key: { pk: item.pk, sk: item.sk } })))
                .Item ?? {},
            ),
            SequenceNumber: '1',
          },
        },
      ],
    });
    const ses0 = sesThat(() => 'ok');
    const report = await deliverRecords(d, (await record()).Records, { ...fast(), expanders });
    expect(report.outcomes).toMatchObject({ sent: 1, retry: 0, dead: 0 });
    expect(ses0.log).toEqual([]); // expanding sends nothing itself
    const done = (
      await d.db.send(new GetCommand({ TableName: d.tableName, Key: { pk: item.pk, sk: item.sk } }))
    ).Item;
    expect(done).toMatchObject({ status: 'sent', expanded: 80, alreadyThere: 150, to: [] });
    const stored = await queryAll(d, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': item.pk, ':p': 'MAIL#test#1#' },
    });
    expect(stored).toHaveLength(230);
    // Given again (a duplicate stream record): the claim refuses it, nothing is written twice.
    const again = await deliverRecords(d, (await record()).Records, { ...fast(), expanders });
    expect(again.outcomes.skipped).toBe(1);
    // An expander that fails: the fan-out waits for a retry like a throttled mail.
    const broken = { ...fanout, key: 'test-fanout#2', fanout: { kind: 'test', keyBase: 'test#2' } };
    await d.db.send(new TransactWriteCommand({ TransactItems: [fanoutPut(d, broken, d.clock.now())] }));
    const brokenKey = keys.outbox(courseId, broken.key);
    const failing = await deliverRecords(
      d,
      [
        {
          eventID: 'f2',
          eventName: 'INSERT',
          dynamodb: {
            NewImage: marshall(
              (await d.db.send(new GetCommand({ TableName: d.tableName, Key: brokenKey }))).Item ?? {},
            ),
            SequenceNumber: '2',
          },
        },
      ],
      {
        ...fast(),
        expanders: {
          test: async () => {
            throw Object.assign(new Error('throttled'), { name: 'ProvisionedThroughputExceededException' });
          },
        },
      },
    );
    expect(failing.outcomes.retry).toBe(1);
    expect((await d.db.send(new GetCommand({ TableName: d.tableName, Key: brokenKey }))).Item).toMatchObject({
      status: 'retry',
      attempts: 1,
    });
  });
});
