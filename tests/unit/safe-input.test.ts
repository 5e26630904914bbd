import { describe, expect, it } from 'vitest';
import { parseRoster } from '../../shared/courses/parse-roster.js';
import { demoCourse } from '../../shared/demo/demo-course.js';
import { CourseConfig } from '../../shared/domain/course-config.js';
import { StorableNumber, isStorableNumber, unsafeCharacter } from '../../shared/domain/safe-input.js';
import { BadRequest } from '../../shared/errors.js';
import { PutGradeBody, PutMemberGradeBody } from '../../shared/grades/schemas.js';
import { CreateGroupBody } from '../../shared/groups/schemas.js';
import { toIssues } from '../../shared/http/zod-issues.js';
import { CreateUploadBody, ExtensionBody } from '../../shared/uploads/schemas.js';

const issuesOf = (result: { success: boolean; error?: unknown }) =>
  result.success ? [] : toIssues(result.error as Parameters<typeof toIssues>[0], 'body');

const rosterError = (body: string | Uint8Array, contentType = 'text/csv'): BadRequest => {
  try {
    parseRoster(body, contentType);
  } catch (error) {
    if (error instanceof BadRequest) return error;
    throw error;
  }
  throw new Error('expected a 400');
};

describe('storable numbers', () => {
  it('accepts 0 and magnitudes DynamoDB stores exactly, refuses underflow and unsafe sizes', () => {
    for (const ok of [0, -0, 1, -1, 0.1, 1e-130, -1e-130, 14.333333333333334, Number.MAX_SAFE_INTEGER])
      expect(isStorableNumber(ok), String(ok)).toBe(true);
    for (const bad of [5e-324, 1e-131, -1e-200, 1e20, -1e300, Number.MAX_SAFE_INTEGER + 2])
      expect(isStorableNumber(bad), String(bad)).toBe(false);
    expect(StorableNumber.safeParse(5e-324).success).toBe(false);
  });

  it('names the score, the aspect, the adjustment and the config numbers that cannot be stored', () => {
    expect(issuesOf(PutGradeBody.safeParse({ score: 5e-324 }))).toEqual([
      { path: 'body.score', message: expect.stringContaining('cannot be stored exactly') },
    ]);
    expect(issuesOf(PutGradeBody.safeParse({ aspects: { theoretical: 1e-200 } }))[0]?.path).toBe(
      'body.aspects.theoretical',
    );
    expect(
      issuesOf(PutMemberGradeBody.safeParse({ componentId: 'report', adjustment: 1e20, reason: 'x' }))[0]
        ?.path,
    ).toBe('body.adjustment');
    const config = {
      ...demoCourse,
      presentations: { ...demoCourse.presentations, changeUntilHoursBefore: 1e-300 },
      grading: { ...demoCourse.grading, scale: 5e-324 },
    };
    expect(issuesOf(CourseConfig.safeParse(config)).map((i) => i.path)).toEqual(
      expect.arrayContaining(['body.presentations.changeUntilHoursBefore', 'body.grading.scale']),
    );
    expect(CourseConfig.safeParse(demoCourse).success).toBe(true);
  });
});

describe('safe text', () => {
  it('names the character and its position (from 1)', () => {
    expect(unsafeCharacter('ab\u0000c')).toBe('contains a control character (U+0000) at position 3');
    expect(unsafeCharacter('x\u202Eevil')).toBe(
      'contains a bidirectional control character (U+202E) at position 2',
    );
    expect(unsafeCharacter('\u2066a')).toContain('(U+2066) at position 1');
    expect(unsafeCharacter('a\uFEFFb')).toContain('(U+FEFF) at position 2');
    expect(unsafeCharacter('a\u007Fb')).toContain('control character (U+007F)');
    expect(unsafeCharacter('a\u0085b')).toContain('control character (U+0085)');
    expect(unsafeCharacter('a\uD800b')).toContain('unpaired surrogate (U+D800)');
    // Positions count characters: an emoji (two UTF-16 units) is one.
    expect(unsafeCharacter('😀\u0007')).toContain('at position 2');
  });

  it('allows tab, LF and CR LF only in multi-line text, and ordinary text everywhere', () => {
    expect(unsafeCharacter('García, Inès — 李 😀 עברית')).toBeUndefined();
    expect(unsafeCharacter('a\tb')).toContain('(U+0009)');
    expect(unsafeCharacter('a\nb')).toContain('(U+000A)');
    expect(unsafeCharacter('a\tb\r\nc\nd', { multiline: true })).toBeUndefined();
    expect(unsafeCharacter('a\rb', { multiline: true })).toContain('(U+000D)');
    expect(unsafeCharacter('a\u0000b', { multiline: true })).toContain('(U+0000)');
  });

  it('guards titles, names, reasons, comments, statements and file names, naming the field', () => {
    const config = {
      ...demoCourse,
      title: 'Gen\u0000Mod',
      papers: [{ ...demoCourse.papers[0], title: 'Paper \u202Egnp.exe' }, ...demoCourse.papers.slice(1)],
    };
    expect(issuesOf(CourseConfig.safeParse(config))).toEqual(
      expect.arrayContaining([
        { path: 'body.title', message: 'contains a control character (U+0000) at position 4' },
        { path: 'body.papers[0].title', message: expect.stringContaining('(U+202E) at position 7') },
      ]),
    );
    expect(issuesOf(PutGradeBody.safeParse({ score: 1, comment: 'fine\nwork\u0000' }))).toEqual([
      { path: 'body.comment', message: expect.stringContaining('(U+0000) at position 10') },
    ]);
    expect(PutGradeBody.safeParse({ score: 1, comment: 'fine\r\nwork' }).success).toBe(true);
    expect(
      issuesOf(PutMemberGradeBody.safeParse({ componentId: 'report', clear: true, reason: 'x\u2067' }))[0]
        ?.path,
    ).toBe('body.reason');
    expect(
      issuesOf(CreateGroupBody.safeParse({ members: ['a@b.example'], paperId: 'p', reason: '\u0001' }))[0]
        ?.path,
    ).toBe('body.reason');
    const upload = issuesOf(
      CreateUploadBody.safeParse({
        fileName: 'report\u202Efdp.exe',
        contentType: 'application/pdf',
        size: 10,
        contributions: { 'a@b.example': 'wrote\u0000it' },
      }),
    ).map((i) => i.path);
    expect(upload).toEqual(expect.arrayContaining(['body.fileName', 'body.contributions.a@b.example']));
    expect(
      issuesOf(
        ExtensionBody.safeParse({ deliverableId: 'report', until: '2023-05-02T23:59', reason: 'ill\u0000' }),
      )[0]?.path,
    ).toBe('body.reason');
  });
});

describe('roster CSV', () => {
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

  it('refuses an empty CSV and a header without rows, pointing at the explicit JSON empty list', () => {
    for (const csv of ['', '\n\n', 'email,name\n', '\uFEFFemail,name,studentId\r\n\r\n']) {
      const error = rosterError(csv);
      expect(error.status).toBe(400);
      expect(error.code).toBe('empty_roster');
      expect(error.message).toContain('{"students": []}');
    }
    expect(parseRoster('{"students": []}', 'application/json')).toEqual([]);
  });

  it('refuses Latin-1 bytes, naming the lines and how to export UTF-8; accepts a UTF-8 BOM', () => {
    const latin1 = bytes('email,name\na@students.example,Ana\nb@students.example,Garc', [0xed], 'a\n');
    const error = rosterError(latin1);
    expect(error.message).toContain('not UTF-8');
    expect(error.message).toContain('CSV UTF-8');
    expect(error.issues).toEqual([{ path: 'line 3', message: expect.stringContaining('CSV UTF-8') }]);
    // Text that went through a lenient decoder (U+FFFD) is refused the same way.
    expect(rosterError(latin1.toString('utf8')).issues[0]?.path).toBe('line 3');
    const bom = bytes([0xef, 0xbb, 0xbf], 'email,name\nb@students.example,García\n');
    expect(parseRoster(bom, 'text/csv')).toEqual([{ email: 'b@students.example', name: 'García' }]);
  });

  it('reports control and bidi characters per line', () => {
    const csv = 'email,name,studentId\na@students.example,Ana\u0000,1\n\nb@students.example,Bob,\u202E42\n';
    expect(rosterError(csv).issues).toEqual([
      { path: 'line 2.name', message: 'contains a control character (U+0000) at position 4' },
      { path: 'line 4.studentId', message: expect.stringContaining('(U+202E) at position 1') },
    ]);
  });
});
