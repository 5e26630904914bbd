import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DemoClient } from './demo-client.js';

interface ArchiveReply {
  archiveId: string;
  status: string;
  url: string | null;
  fileName: string;
  files: number | null;
  error: string | null;
}

/**
 * The instructors' exports of a played course, through the public API, written to `dir`: the
 * detailed grade CSV, the Moodle and Canvas gradebook imports, and the ZIP of the accepted reports
 * (asked for, built in the background, fetched from its link). Returns the files' paths.
 */
export const writeExports = async (
  apiUrl: string,
  courseId: string,
  teacher: string,
  dir: string,
  deliverableId = 'report',
): Promise<string[]> => {
  mkdirSync(dir, { recursive: true });
  const api = new DemoClient(apiUrl);
  const written: string[] = [];
  const save = (name: string, bytes: Uint8Array | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    written.push(path);
  };
  // DemoClient parses bodies as JSON when it can; a CSV stays text.
  save(
    `${courseId}-grades.csv`,
    await api.must<string>(200, teacher, 'GET', `/courses/${courseId}/grades.csv`),
  );
  for (const format of ['moodle', 'canvas'])
    save(
      `${courseId}-${format}-grades.csv`,
      await api.must<string>(200, teacher, 'GET', `/courses/${courseId}/gradebook.csv?format=${format}`),
    );

  const path = `/courses/${courseId}/deliverables/${deliverableId}/archive`;
  const asked = await api.must<ArchiveReply>(202, teacher, 'POST', path, {});
  const deadline = Date.now() + 60_000;
  let archive = asked;
  while (archive.status === 'pending' || archive.status === 'building') {
    if (Date.now() > deadline)
      throw new Error(`archive ${asked.archiveId} still ${archive.status} after 60 s`);
    await new Promise((r) => setTimeout(r, 250));
    archive = await api.must<ArchiveReply>(200, teacher, 'GET', `${path}/${asked.archiveId}`);
  }
  if (archive.status !== 'ready' || !archive.url)
    throw new Error(`archive failed: ${archive.error ?? archive.status}`);
  const zip = await fetch(archive.url);
  if (!zip.ok) throw new Error(`archive download answered ${zip.status}`);
  save(archive.fileName, new Uint8Array(await zip.arrayBuffer()));
  return written;
};
