import { describe, expect, it } from 'vitest';
import {
  accessDeniedMessage,
  isAllowed,
  LOCAL_ADMIN,
  principalsOf,
  type Principal,
} from '../../local/aws/iam.js';

const uploads: Principal = {
  name: 'upload-received',
  accessKeyId: 'AKIAUPLOADS',
  secretAccessKey: 's',
  statements: [
    { effect: 'Allow', actions: ['s3:Get*'], resources: ['arn:aws:s3:::files/uploads/*'] },
    { effect: 'Allow', actions: ['S3:ListBucket'], resources: ['arn:aws:s3:::files'] },
    { effect: 'Deny', actions: ['s3:GetObjectVersion'], resources: ['arn:aws:s3:::files/uploads/secret/*'] },
    { effect: 'Allow', actions: ['s3:PutObject'], resources: ['arn:aws:s3:::files/tmp/??.txt'] },
  ],
};

describe('IAM identity-based policy evaluation', () => {
  it('allows what an Allow matches, with wildcards in actions (any case) and resources', () => {
    expect(isAllowed(uploads, 's3:GetObject', 'arn:aws:s3:::files/uploads/a/b.pdf')).toBe(true);
    expect(isAllowed(uploads, 's3:getobjectversion', 'arn:aws:s3:::files/uploads/a')).toBe(true);
    expect(isAllowed(uploads, 's3:ListBucket', 'arn:aws:s3:::files')).toBe(true);
    expect(isAllowed(uploads, 's3:PutObject', 'arn:aws:s3:::files/tmp/ab.txt')).toBe(true);
  });

  it('denies implicitly what no Allow matches, and explicitly whatever a Deny matches', () => {
    expect(isAllowed(uploads, 's3:PutObject', 'arn:aws:s3:::files/uploads/a')).toBe(false);
    expect(isAllowed(uploads, 's3:GetObject', 'arn:aws:s3:::files/other/a')).toBe(false);
    expect(isAllowed(uploads, 's3:ListBucket', 'arn:aws:s3:::files/uploads')).toBe(false);
    expect(isAllowed(uploads, 's3:PutObject', 'arn:aws:s3:::files/tmp/abc.txt')).toBe(false);
    expect(isAllowed(uploads, 's3:GetObjectVersion', 'arn:aws:s3:::files/uploads/secret/x')).toBe(false);
    expect(isAllowed(uploads, 's3:GetObject', 'arn:aws:s3:::files/uploads/secret/x')).toBe(true);
    // Resource ARNs are case-sensitive.
    expect(isAllowed(uploads, 's3:GetObject', 'arn:aws:s3:::Files/uploads/a')).toBe(false);
  });

  it('lets the local admin do everything', () => {
    expect(isAllowed(LOCAL_ADMIN, 's3:DeleteObjectVersion', 'arn:aws:s3:::any/thing')).toBe(true);
    expect(LOCAL_ADMIN.accessKeyId).toBe('S3RVER');
  });

  it('words a refusal as AWS does', () => {
    expect(accessDeniedMessage(uploads, 's3:PutObject', 'arn:aws:s3:::files/uploads/a')).toBe(
      'User: arn:aws:sts::000000000000:assumed-role/upload-received/upload-received is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::files/uploads/a because no identity-based policy allows the s3:PutObject action',
    );
    expect(
      accessDeniedMessage(uploads, 's3:GetObjectVersion', 'arn:aws:s3:::files/uploads/secret/x'),
    ).toContain('with an explicit deny in an identity-based policy');
  });

  it('finds principals by access key id, and refuses two with one key', () => {
    const principals = principalsOf([LOCAL_ADMIN, uploads]);
    expect(principals.byAccessKeyId('AKIAUPLOADS')).toBe(uploads);
    expect(principals.byAccessKeyId('nope')).toBeUndefined();
    expect(() => principalsOf([uploads, uploads])).toThrow(/share/);
  });
});
