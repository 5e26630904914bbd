/**
 * Identity-based IAM, as much of it as the local stack needs to refuse what AWS refuses: a
 * principal (an access key pair standing for a function's role) and its statements, evaluated with
 * IAM's rules (an explicit Deny wins, otherwise some Allow must match, otherwise implicit deny).
 */

export const LOCAL_ACCOUNT = '000000000000';

export interface IamStatement {
  effect: 'Allow' | 'Deny';
  /** e.g. 's3:GetObject', 's3:Get*', 's3:*', '*' (case-insensitive) */
  actions: string[];
  /** ARNs with '*' and '?' wildcards, e.g. 'arn:aws:s3:::bucket/uploads/*' (case-sensitive) */
  resources: string[];
}

export interface Principal {
  /** The role name; messages show it as arn:aws:sts::<account>:assumed-role/<name>/<name>. */
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** 'admin': everything (the local stack itself, tests) */
  statements: IamStatement[] | 'admin';
}

export interface Principals {
  byAccessKeyId(id: string): Principal | undefined;
}

/** The key pair the code uses today for local services (shared/runtime/deps.ts): allowed everything. */
export const LOCAL_ADMIN: Principal = {
  name: 'examdesk-local-admin',
  accessKeyId: 'S3RVER',
  secretAccessKey: 'S3RVER',
  statements: 'admin',
};

export const principalsOf = (list: Principal[]): Principals => {
  const byId = new Map<string, Principal>();
  for (const p of list) {
    if (byId.has(p.accessKeyId)) throw new Error(`Two principals share the access key ${p.accessKeyId}`);
    byId.set(p.accessKeyId, p);
  }
  return { byAccessKeyId: (id) => byId.get(id) };
};

const patterns = new Map<string, RegExp>();

/** IAM's wildcard match: '*' any run of characters (including '/' and ':'), '?' exactly one. */
const wildcard = (pattern: string, caseInsensitive: boolean): RegExp => {
  const cacheKey = `${caseInsensitive ? 'i' : 's'}${pattern}`;
  let re = patterns.get(cacheKey);
  if (!re) {
    const body = pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${body}$`, caseInsensitive ? 'is' : 's');
    patterns.set(cacheKey, re);
  }
  return re;
};

const matches = (s: IamStatement, action: string, resource: string) =>
  s.actions.some((a) => wildcard(a, true).test(action)) &&
  s.resources.some((r) => wildcard(r, false).test(resource));

/** IAM semantics: explicit Deny wins, else some Allow must match; '*' and '?' wildcards in actions (case-insensitive) and resources. */
export const isAllowed = (p: Principal, action: string, resource: string): boolean => {
  if (p.statements === 'admin') return true;
  let allowed = false;
  for (const s of p.statements) {
    if (!matches(s, action, resource)) continue;
    if (s.effect === 'Deny') return false;
    allowed = true;
  }
  return allowed;
};

export const principalArn = (p: Principal): string =>
  `arn:aws:sts::${LOCAL_ACCOUNT}:assumed-role/${p.name}/${p.name}`;

const explicitlyDenied = (p: Principal, action: string, resource: string) =>
  p.statements !== 'admin' && p.statements.some((s) => s.effect === 'Deny' && matches(s, action, resource));

/** The message AWS gives with an AccessDenied for an identity-based refusal. */
export const accessDeniedMessage = (p: Principal, action: string, resource: string): string =>
  `User: ${principalArn(p)} is not authorized to perform: ${action} on resource: ${resource} ` +
  (explicitlyDenied(p, action, resource)
    ? 'with an explicit deny in an identity-based policy'
    : `because no identity-based policy allows the ${action} action`);
