import { Aws, Duration, type Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Access } from '../functions/routes.js';
import type { DeployConfig } from './config.js';
import { appFunction, constructIdFor, type AppFunction } from './lambda.js';

/**
 * How a whole class gets in: self sign-up on the hosted pages, limited by a pre-sign-up trigger to
 * the addresses on a course roster or instructor list (shared/auth/sign-up-rules.ts). Cognito mails
 * the verification code, so a student proves the address before the account works. Rather than
 * invitations: importing a roster sends no mail burst and creates no accounts nobody uses, and
 * students join when they first need to.
 */
export const PRE_SIGN_UP_HANDLER = 'auth/pre-sign-up';

export interface PreSignUpTriggerProps {
  code: lambda.Code;
  environment: Record<string, string>;
  logRetention: logs.RetentionDays;
  /** The stack's grant helper (accessStatements on the function's role). */
  grant: (made: AppFunction, access: readonly Access[]) => void;
}

/**
 * The trigger function, bundled with the others, with its own role that may only read the table
 * (the membership Query on GSI1). Created with the stack as scope, like every function.
 */
export const preSignUpTrigger = (
  stack: Stack,
  userPool: cognito.UserPool,
  props: PreSignUpTriggerProps,
): AppFunction => {
  const made = appFunction(stack, constructIdFor(PRE_SIGN_UP_HANDLER), {
    handler: PRE_SIGN_UP_HANDLER,
    code: props.code,
    description: 'Cognito pre-sign-up: only addresses on a course roster or instructor list may sign up',
    // Cognito waits 5 s for a trigger, cold start included; more memory is more CPU to start in.
    memorySize: 1024,
    timeout: Duration.seconds(5),
    environment: props.environment,
    logRetention: props.logRetention,
  });
  props.grant(made, ['table-read']);
  userPool.addTrigger(cognito.UserPoolOperation.PRE_SIGN_UP, made.fn);
  return made;
};

export const SIGN_UP_MAIL_IDENTITY_CONTEXT = 'signUpMailIdentity';

/**
 * `-c signUpMailIdentity=<domain or address>`: Cognito then mails its codes (sign-up verification,
 * forgotten password) from `mailFrom` through SES, as that verified identity. Without it Cognito's
 * own sender is used, whose daily quota is small (50 mails at the time of writing): enough for a
 * pilot, not for a class signing up in the same week. Opt-in because Cognito needs the exact identity SES verified
 * (the domain, or the address alone), which `mailFrom` does not tell.
 */
export const readSignUpMailIdentity = (value: unknown, config: DeployConfig): string | undefined => {
  if (value === undefined || value === null || String(value).trim() === '') return undefined;
  const identity = String(value).trim().toLowerCase();
  const example = `-c mailFrom=exams@yourdomain.example -c ${SIGN_UP_MAIL_IDENTITY_CONTEXT}=yourdomain.example`;
  if (config.mailFrom === undefined)
    throw new Error(
      `-c ${SIGN_UP_MAIL_IDENTITY_CONTEXT} needs -c mailFrom: Cognito's sender is written into the user pool at synth. E.g. ${example}`,
    );
  const sender = config.mailFrom.toLowerCase();
  if (identity !== sender && identity !== sender.slice(sender.lastIndexOf('@') + 1))
    throw new Error(
      `-c ${SIGN_UP_MAIL_IDENTITY_CONTEXT}=${identity} does not cover the sender ${config.mailFrom}: give its ` +
        `verified domain or the address itself, e.g. ${example}`,
    );
  return identity;
};

/** The user pool's email setting for an opted-in identity (see readSignUpMailIdentity). */
export const signUpMail = (identity: string, mailFrom: string): cognito.UserPoolEmail =>
  cognito.UserPoolEmail.withSES({
    fromEmail: mailFrom,
    fromName: 'examdesk',
    // The stacks are environment-agnostic: the pool's own region, resolved at deploy.
    sesRegion: Aws.REGION,
    ...(identity.includes('@') ? {} : { sesVerifiedDomain: mailFrom.slice(mailFrom.lastIndexOf('@') + 1) }),
  });
