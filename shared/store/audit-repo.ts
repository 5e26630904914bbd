import * as z from 'zod';
import { defineEntity } from './entity.js';
import { keys } from './keys.js';

/**
 * One audited change (keys.audit: the course's audit partition, sorted by time). Written only as a
 * transaction Put next to the change it describes (`auditPut` in shared/audit/audit-entry.ts).
 */
export const auditEntity = defineEntity({
  type: 'audit',
  schema: z.object({
    courseId: z.string(),
    auditId: z.string(),
    actor: z.string(),
    /** e.g. group.create, group.update, extension.grant, booking.override, grade.write, grades.publish */
    action: z.string(),
    /** What was changed: a group id, a student email, a deliverable… */
    target: z.string(),
    /** ISO instant, UTC. */
    at: z.string(),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
    reason: z.string().optional(),
  }),
  key: (a) => keys.audit(a.courseId, a.at, a.auditId),
});
export type AuditRecord = z.output<typeof auditEntity.schema>;
