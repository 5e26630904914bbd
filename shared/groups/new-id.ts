import { randomBytes } from 'node:crypto';

/** Opaque, unguessable ids (120 random bits). */
export const newId = (prefix: string) => `${prefix}_${randomBytes(15).toString('base64url')}`;
