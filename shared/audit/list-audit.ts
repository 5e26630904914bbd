import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Caller } from '../auth/caller.js';
import { loadAccess, requireStaff } from '../courses/access.js';
import { isoInZone } from '../domain/local-time.js';
import { BadRequest } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import { auditEntity, type AuditRecord } from '../store/audit-repo.js';
import { keys } from '../store/keys.js';
import type { Item } from '../store/table-ops.js';
import { AUDIT_PAGE_DEFAULT, type AuditQuery } from './schemas.js';

/** Audit sort keys: `${ISO instant}#${uuid}`. */
const AUDIT_SK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z#[0-9a-f-]{36}$/;

/** The partition of a course's audit log (keys.audit's pk; the sort key does not matter here). */
const auditPk = (courseId: string) => keys.audit(courseId, '', '').pk;

/** Opaque to callers: the sort key to continue after, base64url-encoded. */
export const encodeCursor = (sk: string): string =>
  Buffer.from(JSON.stringify({ after: sk })).toString('base64url');

export const decodeCursor = (cursor: string): string => {
  const bad = () =>
    new BadRequest('Invalid cursor', [{ path: 'query.cursor', message: 'not a cursor from this API' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const after = (parsed as { after?: unknown } | null)?.after;
  if (typeof after !== 'string' || !AUDIT_SK.test(after)) throw bad();
  return after;
};

/** At most this many Query pages per request (with the access read: 3 DynamoDB calls). */
const MAX_QUERY_CALLS = 2;

export const auditEntryView = (entry: AuditRecord, zone: string) => ({
  auditId: entry.auditId,
  at: isoInZone(new Date(entry.at), zone),
  actor: entry.actor,
  action: entry.action,
  target: entry.target,
  ...(entry.before === undefined ? {} : { before: entry.before }),
  ...(entry.after === undefined ? {} : { after: entry.after }),
  ...(entry.reason === undefined ? {} : { reason: entry.reason }),
});

/**
 * GET /courses/{courseId}/audit: every audited change of the course (grades, publications, and the
 * overrides other capabilities record with auditPut), newest first, a page at a time. An `action`
 * filter is applied by DynamoDB; a page may then hold fewer entries than asked, with a cursor to go on.
 */
export const listAudit = async (d: Deps, courseId: string, caller: Caller, query: AuditQuery) => {
  const access = await loadAccess(d, courseId, caller);
  requireStaff(access, 'read the audit log');
  const zone = access.course.config.timeZone;
  const limit = query.limit ?? AUDIT_PAGE_DEFAULT;
  const pk = auditPk(courseId);
  const prefix = query.action?.endsWith('.*') ? query.action.slice(0, -1) : undefined;
  const filter = query.action
    ? {
        FilterExpression: prefix ? 'begins_with(#a, :a)' : '#a = :a',
        ExpressionAttributeNames: { '#a': 'action' },
      }
    : {};
  let start: Item | undefined = query.cursor ? { pk, sk: decodeCursor(query.cursor) } : undefined;
  const found: Item[] = [];
  let nextAfter: string | undefined;
  for (let call = 0; call < MAX_QUERY_CALLS; call++) {
    const out = await d.db.send(
      new QueryCommand({
        TableName: d.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk, ...(query.action ? { ':a': prefix ?? query.action } : {}) },
        ScanIndexForward: false,
        // One more than asked tells whether a next page exists; with a filter, read whole pages.
        ...(query.action ? {} : { Limit: limit + 1 - found.length }),
        ...filter,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    found.push(...(out.Items ?? []));
    if (found.length > limit) {
      nextAfter = found[limit - 1]?.sk as string;
      break;
    }
    start = out.LastEvaluatedKey;
    if (!start) break;
    if (call === MAX_QUERY_CALLS - 1) nextAfter = start.sk as string;
  }
  const items = found.slice(0, limit);
  return {
    items: auditEntity.parseAll(items).map((entry) => auditEntryView(entry, zone)),
    nextCursor: nextAfter ? encodeCursor(nextAfter) : null,
  };
};
