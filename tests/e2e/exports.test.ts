import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import type { Loose } from '../support/api.js';
import { aspects, gradePath, memberPath, waived } from '../support/grade-fixture.js';
import { pdfWithPages, zipWithOneFile } from '../support/pdf-fixtures.js';
import { courseWithGroups, uploadFile, type GroupCourse } from './upload-helpers.js';

/** Before the assignment's deadline (20 March 2023). */
const MARCH = '2023-03-10T10:00:00+01:00';

/** Every entry of a ZIP with its bytes (yauzl reads the central directory, as unzip tools do). */
const unzip = (zip: Buffer): Promise<Map<string, Buffer>> =>
  new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err) return reject(err);
      const entries = new Map<string, Buffer>();
      file.on('entry', (entry: yauzl.Entry) =>
        file.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            file.readEntry();
          });
        }),
      );
      file.on('end', () => resolve(entries));
      file.on('error', reject);
      file.readEntry();
    });
  });

describe('exports', () => {
  let c: GroupCourse;
  const files: Record<string, Uint8Array> = {};

  beforeAll(async () => {
    c = await courseWithGroups();
    files.v1 = await pdfWithPages(2);
    files.v2 = await pdfWithPages(3);
    files.zip = zipWithOneFile();
    // Group A sends two versions (the second counts), group B a ZIP; the other deliverables stay empty.
    await uploadFile(c.student(0), c.courseId, 'assignment', files.v1, {
      fileName: 'Assignment A.pdf',
      contentType: 'application/pdf',
      at: MARCH,
    });
    await uploadFile(c.student(1), c.courseId, 'assignment', files.v2, {
      fileName: 'Assignment A.pdf',
      contentType: 'application/pdf',
      at: '2023-03-11T10:00:00+01:00',
    });
    await uploadFile(c.student(3), c.courseId, 'assignment', files.zip, {
      fileName: 'code notebook.zip',
      contentType: 'application/zip',
      at: MARCH,
    });
  }, 60_000);

  const archivePath = (deliverable = 'assignment') =>
    `/courses/${c.courseId}/deliverables/${deliverable}/archive`;

  const waitReady = async (archiveId: string): Promise<Loose> => {
    const deadline = Date.now() + 25_000;
    for (;;) {
      const res = await c.teacher.get(`${archivePath()}/${archiveId}`);
      expect(res.status, res.text).toBe(200);
      if (res.body.status !== 'pending' && res.body.status !== 'building') return res;
      if (Date.now() > deadline) throw new Error(`archive ${archiveId} still ${res.body.status}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  it('builds the ZIP of the accepted files in the background, named by group and paper, byte for byte, audited', async () => {
    const latest = await c.teacher.post(archivePath(), {});
    expect(latest.status, latest.text).toBe(202);
    expect(latest.body).toMatchObject({ status: 'pending', versions: 'latest', url: null });
    expect(latest.headers.get('x-examdesk-ddb-calls')).toBe('2');
    const all = await c.teacher.post(archivePath(), { versions: 'all' });
    expect(all.status, all.text).toBe(202);

    const ready = await waitReady(latest.body.archiveId as string);
    expect(ready.body).toMatchObject({ status: 'ready', files: 2, error: null });
    expect(ready.headers.get('x-examdesk-ddb-calls')).toBe('1');
    const download = await fetch(ready.body.url as string);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain(`${c.courseId}-assignment.zip`);
    const zip = Buffer.from(await download.arrayBuffer());
    expect(zip.length).toBe(ready.body.bytes);
    const entries = await unzip(zip);
    const a = `${c.groupA}_ddim_Assignment_A.pdf`;
    const b = `${c.groupB}_ddim_code_notebook.zip`;
    expect([...entries.keys()].sort()).toEqual([a, b, 'manifest.csv'].sort());
    expect(entries.get(a)?.equals(Buffer.from(files.v2 as Uint8Array))).toBe(true);
    expect(entries.get(b)?.equals(Buffer.from(files.zip as Uint8Array))).toBe(true);
    const manifest = parse(entries.get('manifest.csv') as Buffer, { bom: true, columns: true }) as Loose[];
    expect(manifest.find((m) => m.file === a)).toMatchObject({
      owner: c.groupA,
      members: [...c.membersA].sort().join(' '),
      paperId: 'ddim',
      originalName: 'Assignment A.pdf',
      late: 'no',
    });

    // Every version: the older one gets a name of its own.
    const every = await waitReady(all.body.archiveId as string);
    expect(every.body).toMatchObject({ status: 'ready', files: 3 });
    const allEntries = await unzip(Buffer.from(await (await fetch(every.body.url as string)).arrayBuffer()));
    expect(
      allEntries.get(`${c.groupA}_ddim_Assignment_A.pdf`)?.equals(Buffer.from(files.v1 as Uint8Array)),
    ).toBe(true);
    expect(
      allEntries.get(`${c.groupA}_ddim_Assignment_A-2.pdf`)?.equals(Buffer.from(files.v2 as Uint8Array)),
    ).toBe(true);

    const audit = await c.teacher.get(`/courses/${c.courseId}/audit?action=archive.request`);
    expect(audit.status, audit.text).toBe(200);
    expect(JSON.stringify(audit.body)).toContain(latest.body.archiveId as string);
  });

  it('exports the grades with their details, and for Moodle and Canvas', async () => {
    await c.teacher.put(gradePath(c, c.groupA, 'report'), {
      ...aspects(13, 14, 16),
      comment: 'Clear',
      ...waived,
    });
    await c.teacher.put(gradePath(c, c.groupA, 'presentation'), { score: 15, ...waived });
    const adj = await c.teacher.put(memberPath(c, c.groupA, c.membersA[1] as string), {
      componentId: 'report',
      adjustment: 1,
      reason: 'Ran the experiments',
    });
    expect(adj.status, adj.text).toBe(200);
    const get = (path: string) =>
      c.api
        .token(c.instructor)
        .then((t) => fetch(`${c.api.baseUrl}${path}`, { headers: { authorization: `Bearer ${t}` } }));

    const detailed = await get(`/courses/${c.courseId}/grades.csv`);
    const rows = parse(Buffer.from(await detailed.arrayBuffer()), { bom: true, columns: true }) as Loose[];
    // (13 + 14 + 16) / 3 = 43/3; 2/3 · 43/3 + 1/3 · 15 = 131/9 → 14.56; plus 1 on the report: 137/9.
    expect(rows.find((r) => r.email === c.membersA[0])).toMatchObject({
      report: '14.33',
      final: '14.56',
      'report.theoretical': '13',
      'report.comment': 'Clear',
      'report.changeKind': '',
      finalExact: '131/9',
    });
    expect(rows.find((r) => r.email === c.membersA[1])).toMatchObject({
      'report.changeKind': 'adjustment',
      'report.changeValue': '1',
      'report.changeReason': 'Ran the experiments',
      finalExact: '137/9',
    });

    const moodle = await get(`/courses/${c.courseId}/gradebook.csv?format=moodle`);
    expect(moodle.status).toBe(200);
    expect(moodle.headers.get('content-disposition')).toContain(`${c.courseId}-moodle-grades.csv`);
    const m = parse(await moodle.text(), { columns: true }) as Loose[];
    expect(m).toHaveLength(c.students.length);
    expect(m.find((r) => r['Email address'] === c.membersA[0])).toMatchObject({
      'Report (G1)': '14.33',
      'Presentation (G2)': '15.00',
      'Final grade': '14.56',
    });
    const canvas = parse(await (await get(`/courses/${c.courseId}/gradebook.csv?format=canvas`)).text(), {
      columns: false,
    }) as string[][];
    expect(canvas[0]?.slice(0, 5)).toEqual(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section']);
    expect(canvas[1]?.[0]).toBe('    Points Possible');
    expect(canvas.find((r) => r[3] === c.membersA[1])?.slice(5)).toEqual(['15.33', '15.00', '15.22']);
  });

  it('refuses students, unknown deliverables and archives, and bad input naming the field', async () => {
    const student = await c.student(0).post(archivePath(), {});
    expect(student.status).toBe(403);
    expect((await c.student(0).get(`/courses/${c.courseId}/gradebook.csv?format=moodle`)).status).toBe(403);
    expect((await c.teacher.post(archivePath('nope'), {})).status).toBe(404);
    const unknown = await c.teacher.get(`${archivePath()}/a_${'x'.repeat(20)}`);
    expect(unknown.status).toBe(404);
    const format = await c.teacher.get(`/courses/${c.courseId}/gradebook.csv?format=excel`);
    expect(format.status).toBe(400);
    expect(format.body.error.issues[0].path).toBe('query.format');
    const versions = await c.teacher.post(archivePath(), { versions: 'some' });
    expect(versions.status).toBe(400);
    expect(versions.body.error.issues[0].path).toBe('body.versions');
  });
});
