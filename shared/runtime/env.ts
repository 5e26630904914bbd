import * as z from 'zod';

/**
 * What a Lambda is told through its environment; read and checked once per cold start. Nothing has
 * a default: a variable the template forgot must fail the cold start loudly, not send mail from an
 * address nobody verified. Service endpoints are not here: the SDK reads its standard
 * AWS_ENDPOINT_URL_<SERVICE> variables itself (set only by the local stack).
 */
const RuntimeEnv = z.object({
  TABLE_NAME: z.string().min(1),
  BUCKET_NAME: z.string().min(1),
  MAIL_FROM: z.email(),
  AWS_REGION: z.string().min(1),
});

export type RuntimeEnv = z.infer<typeof RuntimeEnv>;

export const readEnv = (env: NodeJS.ProcessEnv = process.env): RuntimeEnv => {
  const parsed = RuntimeEnv.safeParse(env);
  if (!parsed.success)
    throw new Error(
      `Bad environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
};
