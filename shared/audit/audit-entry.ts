import { randomUUID } from 'node:crypto';
import { auditEntity } from '../store/audit-repo.js';
import type { TransactItem } from '../store/transactions.js';

export interface AuditEntry {
  courseId: string;
  actor: string;
  /** e.g. group.create, group.update, extension.grant, booking.override, grade.write, grades.publish */
  action: string;
  /** What was changed: a group id, a student email, a deliverable… */
  target: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
  at: Date;
}

/**
 * The audit record as a transaction Put, so it is written in the same transaction as the change it
 * describes: no change without its record, no record without its change.
 */
export const auditPut = (tableName: string, entry: AuditEntry): TransactItem => ({
  Put: {
    TableName: tableName,
    Item: auditEntity.toItem({
      auditId: randomUUID(),
      courseId: entry.courseId,
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      at: entry.at.toISOString(),
      ...(entry.before === undefined ? {} : { before: entry.before }),
      ...(entry.after === undefined ? {} : { after: entry.after }),
      ...(entry.reason ? { reason: entry.reason } : {}),
    }),
  },
});
