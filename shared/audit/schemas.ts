import * as z from 'zod';

export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 200;

export const AuditQuery = z.strictObject({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(AUDIT_PAGE_MAX)
    .optional()
    .meta({ description: `Entries per page, 1..${AUDIT_PAGE_MAX} (default ${AUDIT_PAGE_DEFAULT})` }),
  cursor: z
    .string()
    .max(500)
    .regex(/^[A-Za-z0-9_-]+$/, 'not a cursor from this API')
    .optional()
    .meta({ description: 'Opaque: the nextCursor of the previous page' }),
  action: z
    .string()
    .max(100)
    .regex(
      /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*(\.\*)?$/,
      'an action such as grade.write, or a prefix such as grade.*',
    )
    .optional()
    .meta({ description: 'Only this action (e.g. grade.write), or every action under a prefix (grade.*)' }),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntryView = z.object({
  auditId: z.string(),
  at: z.string().meta({ description: 'ISO 8601 instant with the course offset' }),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  reason: z.string().optional(),
});

export const AuditPage = z.object({
  items: z.array(AuditEntryView).meta({ description: 'Newest first' }),
  nextCursor: z.string().nullable(),
});
