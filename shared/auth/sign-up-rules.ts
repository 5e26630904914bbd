import * as z from 'zod';
import { listMemberships, type Membership } from '../store/course-repo.js';
import type { Db } from '../store/table-ops.js';

/**
 * Who may create an account in the user pool. Self sign-up is open in Cognito (a whole class joins
 * without an admin typing each address), and this rule, run by the user pool's pre-sign-up trigger,
 * closes it again to everyone who is not on a course: a roster student or an instructor. Cognito
 * then verifies that the person owns the address (the code it mails), so being on a roster is not
 * enough by itself to take someone's account.
 */

/** The Cognito PreSignUp event, as much of it as the rule reads; the rest is passed back untouched. */
export const PreSignUpEvent = z.looseObject({
  /**
   * PreSignUp_SignUp (the hosted UI or the SignUp API), PreSignUp_AdminCreateUser (an administrator
   * with IAM credentials), PreSignUp_ExternalProvider (a federated identity; none is configured).
   */
  triggerSource: z.string(),
  userPoolId: z.string(),
  userName: z.string(),
  request: z.looseObject({
    userAttributes: z.record(z.string(), z.string()),
  }),
  response: z.looseObject({}).optional(),
});
export type PreSignUpEvent = z.infer<typeof PreSignUpEvent>;

export const ADMIN_CREATE_USER = 'PreSignUp_AdminCreateUser';

export type SignUpDecision =
  | { allowed: true; why: 'admin-create-user' | 'on-a-course'; courses: string[] }
  | { allowed: false; message: string };

/** The message Cognito shows under the sign-up form (prefixed with "PreSignUp failed with error"). */
export const notOnARosterMessage = (email: string) =>
  `${email} is not on any examdesk course roster; ask your instructor to add you`;

/**
 * The decision on known facts, without I/O: `memberships` are those of the address lower-cased
 * (rosters and instructor lists store addresses lower-cased, see shared/domain/course-config.ts
 * `Email`), whatever case the student typed; the refusal repeats the address as typed.
 */
export const decideSignUp = (
  triggerSource: string,
  email: string | undefined,
  memberships: readonly Membership[],
): SignUpDecision => {
  // Administrators create accounts with IAM credentials (admin-create-user): their call is the check.
  if (triggerSource === ADMIN_CREATE_USER) return { allowed: true, why: 'admin-create-user', courses: [] };
  if (!email) return { allowed: false, message: 'An email address is required to sign up' };
  if (memberships.length === 0) return { allowed: false, message: notOnARosterMessage(email) };
  return { allowed: true, why: 'on-a-course', courses: [...new Set(memberships.map((m) => m.courseId))] };
};

export class SignUpRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignUpRefused';
  }
}

/**
 * A self sign-up with this address: one Query on GSI1 (the person's course memberships). Also what
 * a sign-up form of the local OpenID provider can ask (local/oidc `signUpCheck`).
 */
export const checkSignUpAddress = async (d: Db, typed: string): Promise<SignUpDecision> => {
  const email = typed.trim();
  if (!email) return decideSignUp('PreSignUp_SignUp', undefined, []);
  return decideSignUp('PreSignUp_SignUp', email, await listMemberships(d, email.toLowerCase()));
};

/**
 * Parses the event and decides; an administrator creating the account needs no lookup. A
 * malformed event throws (Cognito then refuses the sign-up).
 */
export const checkSignUp = async (d: Db, input: unknown): Promise<SignUpDecision> => {
  const event = PreSignUpEvent.parse(input);
  if (event.triggerSource === ADMIN_CREATE_USER) return decideSignUp(event.triggerSource, undefined, []);
  return checkSignUpAddress(d, event.request.userAttributes.email ?? '');
};
