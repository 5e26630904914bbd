import { describe, expect, it } from 'vitest';
import {
  anonymousLabel,
  groupsWithLabel,
  keptAnonymousFor,
  LABEL_PATTERN,
  mayBeKeptAnonymous,
  type AnonymityInput,
} from '../../shared/domain/marking-rules.js';

const markers = { lead: 'lead@u', anonymous: ['report'] };
const base: AnonymityInput = {
  role: 'instructor',
  email: 'g@u',
  markers,
  published: false,
  assignments: new Map(),
};
const withAssignments = (groups: Record<string, string[]>): AnonymityInput => ({
  ...base,
  assignments: new Map([['report', groups]]),
});

describe('who is a grader kept anonymous', () => {
  it('is a non-lead instructor who may mark an anonymous component before publication', () => {
    // No assignment yet: any instructor may grade it, so every instructor is kept anonymous.
    expect(keptAnonymousFor(base)).toEqual(['report']);
    expect(keptAnonymousFor(withAssignments({}))).toEqual(['report']);
    expect(keptAnonymousFor(withAssignments({ g_1: ['x@u', 'g@u'] }))).toEqual(['report']);
  });

  it('is nobody else', () => {
    expect(keptAnonymousFor(withAssignments({ g_1: ['x@u'] }))).toEqual([]); // not assigned to it
    expect(keptAnonymousFor({ ...base, published: true })).toEqual([]);
    expect(keptAnonymousFor({ ...base, email: 'lead@u' })).toEqual([]);
    expect(keptAnonymousFor({ ...base, role: 'admin' })).toEqual([]);
    expect(keptAnonymousFor({ ...base, role: 'student' })).toEqual([]);
    expect(keptAnonymousFor({ ...base, markers: { lead: 'lead@u' } })).toEqual([]);
    expect(keptAnonymousFor({ ...base, markers: { lead: 'lead@u', anonymous: [] } })).toEqual([]);
    expect(keptAnonymousFor({ ...base, markers: undefined })).toEqual([]);
  });

  it('is known to be impossible from the course alone, before anything else is read', () => {
    expect(mayBeKeptAnonymous(base)).toBe(true);
    expect(mayBeKeptAnonymous({ ...base, role: 'admin' })).toBe(false);
    expect(mayBeKeptAnonymous({ ...base, email: 'lead@u' })).toBe(false);
    expect(mayBeKeptAnonymous({ ...base, markers: { lead: 'lead@u' } })).toBe(false);
  });

  it('names only the anonymous components the grader may mark', () => {
    const input: AnonymityInput = {
      ...base,
      markers: { lead: 'lead@u', anonymous: ['report', 'assignment'] },
      assignments: new Map<string, Record<string, string[]>>([
        ['report', { g_1: ['x@u'] }],
        ['assignment', { g_2: ['g@u'] }],
      ]),
    };
    expect(keptAnonymousFor(input)).toEqual(['assignment']);
  });
});

describe('labels', () => {
  it('are URL-safe, stable, and resolve among the given groups only', () => {
    const ids = ['g_aaaaaaaaaa', 'g_bbbbbbbbbb', 'g_cccccccccc'];
    const label = anonymousLabel('c1', 'g_bbbbbbbbbb');
    expect(label).toMatch(LABEL_PATTERN);
    expect(encodeURIComponent(label)).toBe(label);
    expect(groupsWithLabel('c1', label, ids)).toEqual(['g_bbbbbbbbbb']);
    // Another course's label of the same group, or a group not among those given, resolves to none.
    expect(groupsWithLabel('c2', label, ids)).toEqual([]);
    expect(groupsWithLabel('c1', label, ['g_aaaaaaaaaa'])).toEqual([]);
    expect(groupsWithLabel('c1', 'S-00000000', ids)).toEqual([]);
  });
});
