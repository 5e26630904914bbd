import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../shared/files/check-file.js';
import { inspectZip, zipExpandedLimit } from '../../shared/files/zip-inspect.js';
import { zipWithOneFile } from '../support/pdf-fixtures.js';

interface ZipFile {
  name: string;
  /** Deflated (method 8) bytes, or stored (method 0) when `stored`. */
  data: Uint8Array;
  uncompressed: number;
  stored?: boolean;
}

/** A ZIP archive written by hand; the sizes in its table of contents are whatever we say. */
const zipOf = (files: ZipFile[]): Uint8Array => {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(f.stored ? 0 : 8, 8);
    local.writeUInt32LE(f.data.length, 18);
    local.writeUInt32LE(f.uncompressed, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(f.stored ? 0 : 8, 10);
    central.writeUInt32LE(f.data.length, 20);
    central.writeUInt32LE(f.uncompressed, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(f.data));
    centrals.push(central, name);
    offset += local.length + name.length + f.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
};

const MB = 1024 * 1024;
const rules = { title: 'Assignment', maxBytes: 10 * MB };
const check = (bytes: Uint8Array) =>
  checkFile(
    {
      fileName: 'a.zip',
      declaredType: 'application/zip',
      size: bytes.length,
      head: bytes.subarray(0, 4096),
      bytes,
    },
    rules,
  );

// 200 MB of zeros deflate to ~200 KB (about 1030:1, deflate's best).
const zeros = deflateRawSync(Buffer.alloc(200 * MB), { level: 9 });

describe('zip bombs', () => {
  it('picks 20 times the upload limit, capped at 1 GB', () => {
    expect(zipExpandedLimit(10 * MB)).toBe(200 * MB);
    expect(zipExpandedLimit(100 * MB)).toBe(1024 * MB);
  });

  it('accepts an ordinary archive', async () => {
    expect(await inspectZip(zipWithOneFile(), rules)).toBeUndefined();
    const text = Buffer.from('print("hello")\n'.repeat(10_000));
    expect(
      await check(zipOf([{ name: 'main.py', data: deflateRawSync(text), uncompressed: text.length }])),
    ).toEqual({
      status: 'accepted',
      detected: 'zip',
    });
  });

  it('refuses 200 MB of zeros in 200 KB (ratio over 1000:1), naming the limit', async () => {
    expect(zeros.length).toBeLessThan(MB);
    const r = await check(zipOf([{ name: 'zeros.bin', data: zeros, uncompressed: 200 * MB }]));
    expect(r).toMatchObject({ status: 'rejected', code: 'zip-bomb' });
    expect(r.status === 'rejected' && r.reason).toMatch(
      /"zeros.bin" would expand from .* KB to 200 MB, more than 1000 times/,
    );
  });

  it('refuses archives declaring more than the total limit', async () => {
    const chunk = deflateRawSync(Buffer.alloc(MB));
    const files = Array.from({ length: 250 }, (_, i) => ({
      name: `part${i}.bin`,
      data: chunk,
      uncompressed: MB,
    }));
    // 250 MB declared, each file within the ratio; the limit for a 10 MB upload is 200 MB.
    const r = await check(zipOf(files));
    expect(r).toMatchObject({ status: 'rejected', code: 'zip-bomb' });
    expect(r.status === 'rejected' && r.reason).toContain(
      'its files would take 250 MB once extracted; at most 200 MB once extracted is accepted (20 times the 10 MB upload limit)',
    );
  });

  it('does not trust a table of contents that understates sizes', async () => {
    const started = performance.now();
    const r = await check(zipOf([{ name: 'zeros.bin', data: zeros, uncompressed: 1000 }]));
    expect(r).toMatchObject({ status: 'rejected', code: 'zip-bomb' });
    expect(r.status === 'rejected' && r.reason).toContain('"zeros.bin" expands to more than the 1000 bytes');
    expect(performance.now() - started).toBeLessThan(2_000); // inflation stops at the declared size
  });

  it('refuses too many entries, and damaged data', async () => {
    const tiny = { name: 'x', data: new Uint8Array([1]), uncompressed: 1, stored: true };
    const many = zipOf(Array.from({ length: 10_001 }, (_, i) => ({ ...tiny, name: `f${i}` })));
    const r = await check(many);
    expect(r).toMatchObject({ status: 'rejected', code: 'zip-bomb' });
    expect(r.status === 'rejected' && r.reason).toContain(
      'it holds 10,001 files; at most 10,000 are accepted',
    );
    const damaged = zipOf([{ name: 'a.txt', data: new Uint8Array([0xff, 0xff, 0xff]), uncompressed: 3 }]);
    expect(await check(damaged)).toMatchObject({ status: 'rejected', code: 'truncated' });
  });
});
