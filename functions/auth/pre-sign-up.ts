import type { Context } from 'aws-lambda';
import { checkSignUp, SignUpRefused } from '../../shared/auth/sign-up-rules.js';
import { deps } from '../../shared/runtime/deps.js';
import { beginInvocation, endInvocation, log } from '../../shared/runtime/log.js';

/**
 * The user pool's pre-sign-up trigger: only people on a course roster or instructor list may
 * create an account (shared/auth/sign-up-rules.ts). Cognito has a single way to say no, an error
 * from the trigger, whose message it shows on the sign-up form; so a refusal throws, and the
 * function's Errors metric counts refusals too (infra/observability.ts does not alarm on them).
 * The event goes back unchanged: no auto-confirmation, Cognito still verifies the address.
 */
export const handler = async (event: unknown, context?: Context): Promise<unknown> => {
  beginInvocation(context, undefined);
  try {
    const decision = await checkSignUp(deps(), event);
    if (!decision.allowed) {
      log.info('sign-up refused', { reason: decision.message });
      throw new SignUpRefused(decision.message);
    }
    log.info('sign-up allowed', { why: decision.why, courses: decision.courses });
    return event;
  } finally {
    endInvocation();
  }
};
