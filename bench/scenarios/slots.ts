import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { benchCourse, numberedStudents } from '../bench-course.js';
import type { BenchContext, BenchRow, BenchScenario } from '../bench-types.js';

const ADMIN = 'admin@examdesk.example';
const GROUPS_OPEN = '2023-03-01T10:00:00+01:00';
const BOOKING_OPEN = '2023-04-10T10:00:00+02:00';
const MOVES_AT = '2023-04-20T10:00:00+02:00';
const GROUPS = 100;
const FORTY = [
  { date: '2023-05-15', start: '09:00', end: '13:00' },
  { date: '2023-05-15', start: '14:00', end: '18:00' },
  { date: '2023-05-16', start: '09:00', end: '13:00' },
  { date: '2023-05-16', start: '14:00', end: '18:00' },
  { date: '2023-05-17', start: '09:00', end: '13:00' },
];
const MORE = [
  { date: '2023-05-17', start: '14:00', end: '18:00' },
  { date: '2023-05-18', start: '09:00', end: '13:00' },
  { date: '2023-05-18', start: '14:00', end: '18:00' },
];

type Result = Awaited<ReturnType<BenchContext['call']>>;

const pool = async <T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> => {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < tasks.length; i = next++) out[i] = await (tasks[i] as () => Promise<T>)();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return out;
};

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

/** All requests at once; latency per request and throughput over the whole burst. */
const burst = async (send: (() => Promise<Result>)[]) => {
  const started = performance.now();
  const results = await Promise.all(send.map((s) => s()));
  const wallMs = performance.now() - started;
  const ms = results.map((r) => r.ms);
  return {
    results,
    wallMs,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    rps: (results.length / wallMs) * 1000,
  };
};

const must = (r: Result, status: number, what: string) => {
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
};

/**
 * The booking storm of the slots issue through the local server: 100 groups send 200 concurrent
 * bookings for 40 slots, then 50 concurrent moves, each burst next to a burst of GET /health of the
 * same size measured in the same run.
 */
export const scenario: BenchScenario = {
  name: 'slots',
  async run(ctx) {
    const { courseId, teacher, students } = await benchCourse(ctx, 'slots', (id) =>
      numberedStudents(GROUPS * 3 + 10, (i) => `s${i}-${id}@students.example`),
    );
    const groups = await pool(
      8,
      Array.from({ length: GROUPS }, (_, i) => async () => {
        const members = students.slice(3 * i, 3 * i + 3);
        const body = must(
          await ctx.call(
            members[0] ?? '',
            'POST',
            `/courses/${courseId}/groups`,
            { members, paperId: 'ddim' },
            {
              now: GROUPS_OPEN,
            },
          ),
          201,
          `group ${i}`,
        );
        for (const invitee of members.slice(1))
          must(
            await ctx.call(invitee, 'POST', `/courses/${courseId}/groups/${body.groupId}/accept`, undefined, {
              now: GROUPS_OPEN,
            }),
            200,
            `accept ${i}`,
          );
        return { groupId: body.groupId as string, members };
      }),
    );
    const laid = must(
      await ctx.call(teacher, 'PUT', `/courses/${courseId}/slots`, { days: FORTY }, { now: BOOKING_OPEN }),
      200,
      'layout',
    );
    const ids = (laid.slots as { slotId: string }[]).map((s) => s.slotId);

    const requests = groups.flatMap((g, i) => {
      const targets = i < 40 ? [ids[i], ids[i]] : [ids[(i * 7) % 40], ids[(i * 13 + 5) % 40]];
      return targets.map((slotId, k) => ({
        email: g.members[k % 3] ?? '',
        path: `/courses/${courseId}/groups/${g.groupId}/booking`,
        body: { slotId, mode: k % 2 ? 'remote' : 'in-person' },
      }));
    });
    // Tokens are minted before the bursts (the bench client caches them per person).
    await pool(
      10,
      requests.map(
        (r) => () => ctx.call(r.email, 'GET', `/courses/${courseId}/slots`, undefined, { now: BOOKING_OPEN }),
      ),
    );

    const healthBefore = await burst(requests.map(() => () => ctx.call(ADMIN, 'GET', '/health')));
    // The floor under the storm: as many TransactWriteItems of the same size (a Put and two
    // ConditionChecks) straight to DynamoDB Local, without HTTP, auth or mail.
    const { db, tableName } = ctx.deps;
    const rawStarted = performance.now();
    const rawMs = await Promise.all(
      requests.map(async (r, i) => {
        const t = performance.now();
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: tableName, Item: { pk: `BENCH#${courseId}`, sk: `TX#${i}` } } },
              {
                ConditionCheck: {
                  TableName: tableName,
                  Key: { pk: `COURSE#${courseId}`, sk: 'CONFIG' },
                  ConditionExpression: 'attribute_exists(pk)',
                },
              },
              {
                ConditionCheck: {
                  TableName: tableName,
                  Key: { pk: `COURSE#${courseId}`, sk: `SLOT#${r.body.slotId}` },
                  ConditionExpression: 'attribute_exists(pk)',
                },
              },
            ],
          }),
        );
        return performance.now() - t;
      }),
    );
    const raw = { p50: percentile(rawMs, 50), wallMs: performance.now() - rawStarted };
    const book = await burst(
      requests.map((r) => () => ctx.call(r.email, 'PUT', r.path, r.body, { now: BOOKING_OPEN })),
    );
    const statuses = book.results.map((r) => r.status);
    const booked = book.results.filter((r) => r.status === 201);
    const codes = new Map<string, number>();
    for (const r of book.results) {
      const code = (r.body as { error?: { code?: string } })?.error?.code;
      if (code) codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    const view = must(
      await ctx.call(teacher, 'GET', `/courses/${courseId}/slots`),
      200,
      'slots after the storm',
    ) as unknown as { slotId: string; groupId: string | null }[];
    const taken = view.filter((s) => s.groupId);
    const slotsPerGroup = Math.max(
      0,
      ...[...new Set(taken.map((s) => s.groupId))].map((g) => taken.filter((s) => s.groupId === g).length),
    );

    const more = must(
      await ctx.call(
        teacher,
        'PUT',
        `/courses/${courseId}/slots`,
        { days: [...FORTY, ...MORE] },
        { now: BOOKING_OPEN },
      ),
      200,
      'more slots',
    );
    const free = (more.slots as { slotId: string; available: boolean }[])
      .filter((s) => s.available)
      .map((s) => s.slotId);
    const bookedGroups = groups.filter((g) => taken.some((s) => s.groupId === g.groupId));
    const moveRequests = Array.from({ length: 50 }, (_, i) => {
      const g = bookedGroups[i % bookedGroups.length] ?? { groupId: '', members: [] };
      return {
        email: g.members[i % 3] ?? '',
        path: `/courses/${courseId}/groups/${g.groupId}/booking`,
        body: { slotId: i % 10 === 9 ? ids[i % 40] : free[i % free.length], mode: 'remote' },
      };
    });
    await pool(
      10,
      moveRequests.map(
        (r) => () => ctx.call(r.email, 'GET', `/courses/${courseId}/slots`, undefined, { now: MOVES_AT }),
      ),
    );
    const healthMoves = await burst(moveRequests.map(() => () => ctx.call(ADMIN, 'GET', '/health')));
    const move = await burst(
      moveRequests.map((r) => () => ctx.call(r.email, 'PUT', r.path, r.body, { now: MOVES_AT })),
    );
    const after = must(
      await ctx.call(teacher, 'GET', `/courses/${courseId}/slots`),
      200,
      'slots after moves',
    ) as unknown as {
      groupId: string | null;
    }[];
    const takenAfter = after.filter((s) => s.groupId);

    const S = 'slots';
    const ddb = (rs: Result[]) => rs.map((r) => r.ddbCalls);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const rows: BenchRow[] = [
      { scenario: S, metric: 'GET /health ×200 concurrent: p50', value: healthBefore.p50, unit: 'ms' },
      { scenario: S, metric: 'GET /health ×200 concurrent: p99', value: healthBefore.p99, unit: 'ms' },
      {
        scenario: S,
        metric: 'GET /health ×200 concurrent: throughput',
        value: healthBefore.rps,
        unit: 'req/s',
      },
      {
        scenario: S,
        metric: 'raw DynamoDB Local TransactWriteItems ×200 concurrent: p50',
        value: raw.p50,
        unit: 'ms',
      },
      {
        scenario: S,
        metric: 'raw DynamoDB Local TransactWriteItems: throughput',
        value: (rawMs.length / raw.wallMs) * 1000,
        unit: 'tx/s',
      },
      { scenario: S, metric: 'booking storm ×200 concurrent: p50', value: book.p50, unit: 'ms' },
      { scenario: S, metric: 'booking storm ×200 concurrent: p99', value: book.p99, unit: 'ms' },
      { scenario: S, metric: 'booking storm: throughput', value: book.rps, unit: 'req/s' },
      {
        scenario: S,
        metric: 'booking storm p50 / health p50',
        value: book.p50 / healthBefore.p50,
        unit: '×',
        note: `p99 ratio ${(book.p99 / healthBefore.p99).toFixed(1)}×; throughput ratio ${(book.rps / healthBefore.rps).toFixed(2)}`,
      },
      {
        scenario: S,
        metric: 'booking storm p50 / raw TransactWriteItems p50',
        value: book.p50 / raw.p50,
        unit: '×',
        note: 'a booking is one BatchGet + one TransactWriteItems (+ mail for the winners)',
      },
      {
        scenario: S,
        metric: 'bookings made (201)',
        value: booked.length,
        unit: 'bookings',
        target: { min: 40, max: 40, text: '= 40' },
        note: [...codes].map(([c, n]) => `${n}× ${c}`).join(', '),
      },
      {
        scenario: S,
        metric: 'slots taken (instructor view)',
        value: taken.length,
        unit: 'slots',
        target: { min: 40, max: 40, text: '= 40' },
      },
      {
        scenario: S,
        metric: 'max slots held by one group',
        value: slotsPerGroup,
        unit: 'slots',
        target: { max: 1, text: '≤ 1' },
      },
      {
        scenario: S,
        metric: '5xx answers (storm + moves)',
        value: [...statuses, ...move.results.map((r) => r.status)].filter((s) => s >= 500).length,
        unit: 'answers',
        target: { max: 0, text: '0' },
      },
      {
        scenario: S,
        metric: 'DynamoDB calls per booking (max, winners)',
        value: Math.max(...ddb(booked)),
        unit: 'calls',
        target: { max: 3, text: '≤ 3' },
        note: `mean ${mean(ddb(booked)).toFixed(2)}; ops ${booked[0]?.ddbOps.join(', ') ?? ''}`,
      },
      {
        scenario: S,
        metric: 'DynamoDB calls per booking request (max, all)',
        value: Math.max(...ddb(book.results)),
        unit: 'calls',
        target: { max: 3, text: '≤ 3' },
        note: `mean ${mean(ddb(book.results)).toFixed(2)}`,
      },
      { scenario: S, metric: 'GET /health ×50 concurrent: p50', value: healthMoves.p50, unit: 'ms' },
      { scenario: S, metric: 'moves ×50 concurrent: p50', value: move.p50, unit: 'ms' },
      { scenario: S, metric: 'moves ×50 concurrent: p99', value: move.p99, unit: 'ms' },
      { scenario: S, metric: 'moves: throughput', value: move.rps, unit: 'req/s' },
      {
        scenario: S,
        metric: 'moves p50 / health p50',
        value: move.p50 / healthMoves.p50,
        unit: '×',
        note: `${move.results.filter((r) => r.status === 200).length} moved, ${move.results.filter((r) => r.status === 409).length} × 409`,
      },
      {
        scenario: S,
        metric: 'DynamoDB calls per move (max)',
        value: Math.max(...ddb(move.results)),
        unit: 'calls',
        target: { max: 3, text: '≤ 3' },
      },
      {
        scenario: S,
        metric: 'slots taken after moves',
        value: takenAfter.length,
        unit: 'slots',
        target: { min: 40, max: 40, text: '= 40' },
      },
      {
        scenario: S,
        metric: 'groups holding a slot after moves',
        value: new Set(takenAfter.map((s) => s.groupId)).size,
        unit: 'groups',
        target: { min: 40, max: 40, text: '= 40' },
      },
    ];
    return rows;
  },
};
