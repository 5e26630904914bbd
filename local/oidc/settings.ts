import * as z from 'zod';

/** How long what the provider hands out lasts, in seconds. */
export interface Lifetimes {
  /** ID and access tokens (Cognito's default: 1 hour); `expires_in` of the token response. */
  idTokenSeconds: number;
  /** Authorization codes: one minute to be exchanged. */
  codeSeconds: number;
  /** Refresh tokens (Cognito's default: 30 days). */
  refreshTokenSeconds: number;
}

export const DEFAULT_LIFETIMES: Lifetimes = {
  idTokenSeconds: 3600,
  codeSeconds: 60,
  refreshTokenSeconds: 30 * 86_400,
};

/**
 * `PUT /_local/oidc/settings`: shorter lifetimes, so a test can watch a token expire and the app
 * refresh it. With `email`, only that person's tokens change, so tests running side by side on one
 * stack do not shorten each other's.
 */
export const SettingsBody = z.strictObject({
  email: z.email().optional(),
  idTokenSeconds: z.number().int().min(1).max(86_400).optional(),
  codeSeconds: z.number().int().min(1).max(600).optional(),
  refreshTokenSeconds: z
    .number()
    .int()
    .min(1)
    .max(3650 * 86_400)
    .optional(),
});
export type SettingsBody = z.infer<typeof SettingsBody>;

export class OidcSettings {
  private defaults: Lifetimes = { ...DEFAULT_LIFETIMES };
  private readonly perEmail = new Map<string, Partial<Lifetimes>>();

  /** The lifetimes for one person: theirs over the stack's over the defaults. */
  for(email: string): Lifetimes {
    return { ...this.defaults, ...this.perEmail.get(email.toLowerCase()) };
  }

  set({ email, ...lifetimes }: SettingsBody): Lifetimes {
    if (email === undefined) {
      this.defaults = { ...this.defaults, ...lifetimes };
      return this.defaults;
    }
    const key = email.toLowerCase();
    this.perEmail.set(key, { ...this.perEmail.get(key), ...lifetimes });
    return this.for(key);
  }

  /** Back to the defaults: one person's, or everyone's. */
  reset(email?: string): Lifetimes {
    if (email !== undefined) {
      this.perEmail.delete(email.toLowerCase());
      return this.for(email);
    }
    this.defaults = { ...DEFAULT_LIFETIMES };
    this.perEmail.clear();
    return this.defaults;
  }
}
