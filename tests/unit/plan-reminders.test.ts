import { describe, expect, it } from 'vitest';
import { demoCourse } from '../../shared/demo/demo-course.js';
import { CourseConfig } from '../../shared/domain/course-config.js';
import type { CourseSnapshot } from '../../shared/notices/course-snapshot.js';
import { planReminders } from '../../shared/notices/plan-reminders.js';
import type { CourseRecord, StudentRecord } from '../../shared/store/course-repo.js';
import type { DueRecord } from '../../shared/store/due-repo.js';
import type { GroupRecord } from '../../shared/store/group-repo.js';

const at = new Date('2023-03-13T22:59:00Z');
const student = (email: string, groupId?: string) =>
  ({ courseId: 'c', email, name: email.toUpperCase(), ...(groupId ? { groupId } : {}) }) as StudentRecord;
const group = (groupId: string, members: string[], paperId?: string): GroupRecord => ({
  courseId: 'c',
  groupId,
  members,
  invited: [],
  version: 1,
  createdAt: '2023-03-01T09:00:00Z',
  updatedAt: '2023-03-01T09:00:00Z',
  ...(paperId ? { paperId } : {}),
});

/** s1 alone; g1 (s2, s3) without paper or ranking; g2 (s4, s5) ranked; g3 (s6, s7) has a paper. */
const snapshot = (paperChoice: 'ranked' | 'first-come'): CourseSnapshot => ({
  course: {
    courseId: 'c',
    config: CourseConfig.parse({ ...demoCourse, groups: { ...demoCourse.groups, paperChoice } }),
  } as CourseRecord,
  students: [
    student('s1'),
    student('s2', 'g1'),
    student('s3', 'g1'),
    student('s4', 'g2'),
    student('s5', 'g2'),
    student('s6', 'g3'),
    student('s7', 'g3'),
  ],
  groups: [group('g1', ['s2', 's3']), group('g2', ['s4', 's5']), group('g3', ['s6', 's7'], 'ddim')],
  submissions: [],
  bookings: [],
  slots: [],
  rankings: paperChoice === 'ranked' ? new Map([['g2', ['ddim', 'ddrm']]]) : new Map(),
});
const due = (deadlineKey: string) => ({ courseId: 'c', deadlineKey }) as DueRecord;

describe('reminders say what is missing and where in the app to do it', () => {
  it('ranked course: students alone, and groups with neither a paper nor a ranking', () => {
    const planned = planReminders(snapshot('ranked'), due('groups'), at);
    expect(planned.map((p) => p.recipient)).toEqual(['s1', 's2', 's3']);
    expect(planned[0]?.mail.text).toContain('and their papers ranked');
    expect(planned[1]?.mail.subject).toContain('your group has not ranked the papers');
    expect(planned[1]?.mail.text).toContain('Group page: rank the papers');
  });

  it('first-come course: only students alone; no mail names an API path', () => {
    const s = snapshot('first-come');
    expect(planReminders(s, due('groups'), at).map((p) => p.recipient)).toEqual(['s1']);
    const all = [
      ...planReminders(s, due('groups'), at),
      ...planReminders(s, due('deliverable:report'), at),
      ...planReminders(s, due('booking-closes'), at),
    ];
    expect(all.length).toBeGreaterThan(6);
    for (const p of all) expect(p.mail.text).not.toMatch(/\/courses\/|POST |PUT |GET /);
  });
});
