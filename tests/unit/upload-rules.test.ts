import { describe, expect, it } from 'vitest';
import {
  contributionProblems,
  declaredFileProblems,
  fileNameProblems,
  formatBytes,
} from '../../shared/domain/upload-rules.js';
import {
  objectKeyFor,
  parseObjectKey,
  submissionIdOf,
  uploadIdOf,
  newUploadId,
} from '../../shared/uploads/owner.js';
import { createdObject } from '../../shared/uploads/s3-event.js';

const report = { title: 'Report', accept: ['application/pdf'], maxBytes: 20 * 1024 * 1024 };

describe('upload request rules', () => {
  it('checks type, name and declared size against the deliverable', () => {
    expect(
      declaredFileProblems(report, { fileName: 'r.pdf', contentType: 'application/pdf', size: 1000 }),
    ).toEqual({
      problems: [],
      tooLarge: false,
    });
    const png = declaredFileProblems(report, { fileName: 'r.png', contentType: 'image/png', size: 10 });
    expect(png.problems).toEqual([
      { path: 'body.contentType', message: expect.stringContaining('accepts a PDF document') },
    ]);
    const empty = declaredFileProblems(report, {
      fileName: 'r.pdf',
      contentType: 'application/pdf',
      size: 0,
    });
    expect(empty.problems[0]?.message).toContain('empty');
    const big = declaredFileProblems(report, {
      fileName: 'r.pdf',
      contentType: 'application/pdf',
      size: 30 * 1024 * 1024,
    });
    expect(big).toEqual({
      tooLarge: true,
      problems: [{ path: 'body.size', message: 'the file is 30 MB; Report accepts at most 20 MB' }],
    });
  });

  it('wants a plain file name whose extension fits the type', () => {
    expect(fileNameProblems('Rapport final.PDF', 'application/pdf')).toEqual([]);
    expect(fileNameProblems('report.docx', 'application/pdf')[0]?.message).toContain('.pdf');
    expect(fileNameProblems('../etc/report.pdf', 'application/pdf')[0]?.message).toContain('not a path');
    expect(fileNameProblems('notes', 'application/x-unknown')).toEqual([]);
  });

  it('lists every member without a contribution statement, and strangers', () => {
    const members = ['a@x.edu', 'b@x.edu', 'c@x.edu'];
    const r = contributionProblems(members, { 'A@x.edu': 'wrote 2', 'b@x.edu': '   ', 'z@x.edu': 'hi' });
    expect(r.missing).toEqual(['b@x.edu', 'c@x.edu']);
    expect(r.problems.map((p) => p.path)).toEqual([
      'body.contributions.b@x.edu',
      'body.contributions.c@x.edu',
      'body.contributions.z@x.edu',
    ]);
  });

  it('formats sizes as people read them', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
  });
});

describe('object keys and ids', () => {
  it('round-trips keys for groups and students, with nothing a URL encoder would touch', () => {
    const uploadId = newUploadId();
    const g = objectKeyFor('c-1', 'report', { kind: 'group', id: 'g_abcDEF123_-xyzXYZ0099' }, uploadId);
    expect(parseObjectKey(g)).toEqual({
      courseId: 'c-1',
      deliverableId: 'report',
      owner: { kind: 'group', id: 'g_abcDEF123_-xyzXYZ0099' },
      uploadId,
    });
    const s = objectKeyFor('c-1', 'essay', { kind: 'student', id: 'jean+tag@uni.example' }, uploadId);
    expect(encodeURIComponent(s).replace(/%2F/g, '/')).toBe(s);
    expect(parseObjectKey(s)?.owner).toEqual({ kind: 'student', id: 'jean+tag@uni.example' });
    expect(parseObjectKey('uploads/c-1/report/g_x/not-an-upload')).toBeUndefined();
  });

  it('derives the submission id from the upload id and back', () => {
    const u = newUploadId();
    expect(uploadIdOf(submissionIdOf(u))).toBe(u);
    expect(uploadIdOf('s_short')).toBeUndefined();
  });
});

describe('object-created events', () => {
  const key = 'uploads/c-1/report/g_abc/u_AAAAAAAAAAAAAAAAAAAA';
  const event = {
    version: '0',
    id: 'e1',
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: '123456789012',
    time: '2023-04-28T22:01:00Z',
    region: 'eu-west-3',
    resources: ['arn:aws:s3:::files'],
    detail: {
      version: '0',
      bucket: { name: 'files' },
      object: { key, size: 10, etag: 'abc', 'version-id': 'v2', sequencer: '1' },
      'request-id': 'r',
      requester: '123456789012',
      'source-ip-address': '1.2.3.4',
      reason: 'PostObject',
    },
  };

  it('reads the EventBridge "Object Created" event the CDK rule delivers', () => {
    expect(createdObject(event)).toEqual({
      object: {
        bucket: 'files',
        key,
        size: 10,
        eTag: 'abc',
        versionId: 'v2',
        time: new Date('2023-04-28T22:01:00Z'),
      },
    });
  });

  it('ignores anything else (an S3 notification included) without throwing, saying why', () => {
    const notification = {
      Records: [{ eventName: 'ObjectCreated:Post', s3: { bucket: { name: 'files' }, object: { key } } }],
    };
    for (const other of [notification, { hello: 1 }, null, { ...event, time: 'yesterday' }]) {
      const read = createdObject(other);
      expect(read).toHaveProperty('ignored');
      expect('ignored' in read && read.ignored).toMatch(/not an S3 "Object Created" EventBridge event/);
    }
  });
});
