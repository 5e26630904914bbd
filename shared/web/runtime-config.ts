import * as z from 'zod';

/**
 * `/config.json`, read by the web app when it starts: one build serves any stage. Written at deploy
 * (infra/web-release-stack.ts) and served by the local stack (local/web-assets.ts).
 */
export const RuntimeConfig = z.strictObject({
  /** Base URL of the HTTP API, without a trailing slash. */
  apiUrl: z.url(),
  oidc: z.strictObject({
    /** OpenID provider: discovery at `${authority}/.well-known/openid-configuration`. */
    authority: z.url(),
    clientId: z.string().min(1),
    scope: z.string().min(1),
    /**
     * Where sign-out goes when the provider's discovery document names none (Cognito: its
     * `/logout`, which wants `client_id` and `logout_uri`).
     */
    endSessionEndpoint: z.url().optional(),
  }),
  /** 'local': the local stack (its sign-in page lists demo people); 'aws': a deployed stage. */
  stage: z.enum(['local', 'aws']),
});
export type RuntimeConfig = z.infer<typeof RuntimeConfig>;

export const RUNTIME_CONFIG_PATH = '/config.json';
