import { isoInZone } from '../domain/local-time.js';
import type { ArchiveRecord, ArchiveStatus } from './archive-store.js';
import type { ArchiveView } from './schemas.js';

export const archiveFileName = (a: Pick<ArchiveRecord, 'courseId' | 'deliverableId' | 'versions'>) =>
  `${a.courseId}-${a.deliverableId}${a.versions === 'all' ? '-all-versions' : ''}.zip`;

export const archiveView = (
  a: ArchiveRecord,
  zone: string,
  status: ArchiveStatus,
  link?: { url: string; expiresAt: Date },
): ArchiveView => {
  const at = (iso: string | undefined) => (iso ? isoInZone(new Date(iso), zone) : null);
  const ready = status === 'ready';
  return {
    archiveId: a.archiveId,
    deliverableId: a.deliverableId,
    versions: a.versions,
    status,
    requestedBy: a.requestedBy,
    requestedAt: at(a.requestedAt) as string,
    finishedAt: at(a.finishedAt),
    files: ready ? (a.files ?? null) : null,
    bytes: ready ? (a.bytes ?? null) : null,
    error:
      status === 'failed'
        ? (a.error ?? 'The build stopped before it finished (its function timed out or crashed); ask again')
        : null,
    url: link?.url ?? null,
    urlExpiresAt: link ? isoInZone(link.expiresAt, zone) : null,
    fileName: archiveFileName(a),
  };
};
