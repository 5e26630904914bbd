import * as z from 'zod';

export interface Caller {
  email: string;
  groups: string[];
  isAdmin: boolean;
}

export const ADMIN_GROUP = 'admins';

/**
 * API Gateway's JWT authorizer hands array claims to Lambda as one string ("[admins teachers]");
 * the local gateway passes the array itself. Both mean the same list.
 */
const GroupsClaim = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((v) => {
    if (v === undefined) return [];
    if (Array.isArray(v)) return v;
    return v
      .replace(/^\[|\]$/g, '')
      .split(/[\s,]+/)
      .filter(Boolean);
  });

const Claims = z.looseObject({
  email: z.email(),
  'cognito:groups': GroupsClaim,
});

export const callerFromClaims = (claims: unknown): Caller | undefined => {
  const parsed = Claims.safeParse(claims);
  if (!parsed.success) return undefined;
  const groups = parsed.data['cognito:groups'];
  return { email: parsed.data.email.toLowerCase(), groups, isAdmin: groups.includes(ADMIN_GROUP) };
};
