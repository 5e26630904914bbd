import { BadRequest, Conflict } from '../errors.js';

/** A 400 whose message itself names every member or paper at fault (the issues say where). */
export const invalidGroup = (problems: { path: string; message: string }[], what = 'form this group') =>
  new BadRequest(`Cannot ${what}: ${problems.map((p) => p.message).join('; ')}`, problems, 'invalid_group');

/** The group's version condition failed: someone else changed (or dissolved) it since it was read. */
export const staleGroup = (groupId: string) =>
  new Conflict(
    `Group ${groupId} was changed by someone else meanwhile; read it again and retry`,
    'stale_version',
  );
