import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changeAllowed,
  checkAddMembers,
  groupStatus,
  groupsOpen,
  memberListProblems,
  paperLoad,
  removeMember,
} from '../../shared/domain/group-rules.js';

const rules = { minSize: 3, maxSize: 4 };

describe('memberListProblems', () => {
  it('accepts 3 or 4 distinct members with the caller among them', () => {
    expect(memberListProblems(['a@x', 'b@x', 'c@x'], rules, 'a@x')).toEqual([]);
    expect(memberListProblems(['a@x', 'b@x', 'c@x', 'd@x'], rules, 'd@x')).toEqual([]);
  });

  it('names each duplicate at its position, the missing caller and the size', () => {
    expect(memberListProblems(['a@x', 'b@x', 'b@x', 'a@x'], rules, 'c@x')).toEqual([
      { path: 'body.members[2]', message: 'b@x is listed more than once' },
      { path: 'body.members[3]', message: 'a@x is listed more than once' },
      { path: 'body.members', message: 'you (c@x) must be among the members' },
      { path: 'body.members', message: 'a group has 3 to 4 members; 2 given' },
    ]);
  });

  it('counts distinct members against the sizes and skips the caller rule for instructors', () => {
    expect(memberListProblems(['a@x', 'b@x', 'c@x', 'd@x', 'e@x'], rules)).toEqual([
      { path: 'body.members', message: 'a group has 3 to 4 members; 5 given' },
    ]);
    expect(memberListProblems(['a@x', 'b@x', 'c@x'], rules)).toEqual([]);
  });
});

describe('checkAddMembers', () => {
  it('adds new members in order', () => {
    expect(checkAddMembers(['a', 'b', 'c'], ['d'], rules)).toEqual({
      problems: [],
      alreadyHere: [],
      members: ['a', 'b', 'c', 'd'],
    });
  });

  it('reports duplicates, members already here and overflow', () => {
    const r = checkAddMembers(['a', 'b', 'c'], ['d', 'd', 'a', 'e'], rules);
    expect(r.problems).toEqual([{ path: 'body.addMembers[1]', message: 'd is listed more than once' }]);
    expect(r.alreadyHere).toEqual(['a']);
    expect(r.overflow).toEqual({ size: 5, maxSize: 4 });
  });

  it('never yields a duplicate, keeps current members first, and overflows exactly above maxSize', () => {
    const email = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g');
    fc.assert(
      fc.property(
        fc.uniqueArray(email, { maxLength: 4 }),
        fc.array(email, { maxLength: 6 }),
        (current, add) => {
          const r = checkAddMembers(current, add, rules);
          expect(new Set(r.members).size).toBe(r.members.length);
          expect(r.members.slice(0, current.length)).toEqual(current);
          expect(new Set(r.members)).toEqual(new Set([...current, ...add]));
          expect(r.overflow !== undefined).toBe(r.members.length > rules.maxSize);
        },
      ),
    );
  });
});

describe('removeMember', () => {
  it('keeps the others, says when the group is empty, and refuses a non-member', () => {
    expect(removeMember(['a', 'b', 'c'], 'b')).toEqual({ found: true, members: ['a', 'c'], empty: false });
    expect(removeMember(['a'], 'a')).toEqual({ found: true, members: [], empty: true });
    expect(removeMember(['a', 'b'], 'z')).toEqual({ found: false });
  });
});

describe('status and deadlines', () => {
  it('is incomplete below minSize', () => {
    expect(groupStatus(2, 3)).toBe('incomplete');
    expect(groupStatus(3, 3)).toBe('complete');
    expect(groupStatus(0, 3)).toBe('incomplete');
  });

  it('is open up to and including the deadline instant', () => {
    const deadline = new Date('2023-03-13T22:59:00Z');
    expect(groupsOpen(new Date('2023-03-13T22:59:00Z'), deadline)).toBe(true);
    expect(groupsOpen(new Date('2023-03-13T22:59:00.001Z'), deadline)).toBe(false);
  });

  it('closes groups to students after the deadline and asks instructors for a reason then', () => {
    expect(changeAllowed({ isStaff: false }, true)).toBe('ok');
    expect(changeAllowed({ isStaff: false, reason: 'please' }, false)).toBe('closed');
    expect(changeAllowed({ isStaff: true }, true)).toBe('ok');
    expect(changeAllowed({ isStaff: true }, false)).toBe('reason-required');
    expect(changeAllowed({ isStaff: true, reason: '   ' }, false)).toBe('reason-required');
    expect(changeAllowed({ isStaff: true, reason: 'late enrolment' }, false)).toBe('ok');
  });
});

describe('paperLoad', () => {
  const papers = [
    { id: 'p1', title: 'One' },
    { id: 'p2', title: 'Two' },
  ];

  it('counts groups per paper against the cap', () => {
    expect(paperLoad(papers, [{ paperId: 'p1' }, { paperId: 'p1' }, { paperId: 'gone' }], 2)).toEqual([
      { id: 'p1', title: 'One', groups: 2, cap: 2, full: true },
      { id: 'p2', title: 'Two', groups: 0, cap: 2, full: false },
    ]);
  });

  it('is never full without a cap', () => {
    expect(paperLoad(papers, [{ paperId: 'p2' }], undefined)[1]).toEqual({
      id: 'p2',
      title: 'Two',
      groups: 1,
      cap: null,
      full: false,
    });
  });
});
