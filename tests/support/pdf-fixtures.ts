import { readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * PDFs for upload tests. Most are generated here with pdf-lib (which writes PDF 1.7 with
 * cross-reference streams and compressed object streams by default). Encrypted and linearized files
 * need qpdf, which CI machines do not have: those are committed under tests/fixtures/, made once
 * from `pdfWithPages(10, { objectStreams: false, label: 'Fixture' })` saved as p10.pdf:
 *
 *   (every qpdf call below also had --static-id, so the files come out the same each time)
 *   qpdf --encrypt "" owner-secret 256 -- p10.pdf upload-10p-owner-password-aes256.pdf
 *   qpdf --allow-weak-crypto --encrypt "" owner-secret 128 --use-aes=n -- p10.pdf upload-10p-owner-password-rc4.pdf
 *   qpdf --encrypt user-secret owner-secret 256 -- p10.pdf upload-10p-user-password.pdf
 *   qpdf --linearize p10.pdf upload-10p-linearized.pdf
 *   qpdf --encrypt "" owner-secret 256 -- p10.pdf o.pdf && \
 *     qpdf --object-streams=generate --linearize o.pdf upload-10p-owner-password-linearized-objstm.pdf
 *   qpdf --empty --pages p3.pdf p10.pdf 1-4 -- upload-7p-merged-qpdf.pdf   (p3.pdf: 3 pages)
 */
const FIXED_DATE = new Date('2023-03-01T09:00:00Z');

export interface PdfOptions {
  /** pdf-lib default: compressed object streams + an xref stream. false: classic xref table. */
  objectStreams?: boolean;
  label?: string;
}

export const pdfWithPages = async (pages: number, options: PdfOptions = {}): Promise<Uint8Array> => {
  const doc = await PDFDocument.create();
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  doc.setProducer('examdesk tests');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`${options.label ?? 'Report'}: page ${i + 1} of ${pages}`, {
      x: 60,
      y: 760,
      size: 22,
      font,
    });
    page.drawText('Lorem ipsum dolor sit amet, consectetur adipiscing elit.', {
      x: 60,
      y: 720,
      size: 12,
      font,
    });
  }
  return doc.save({ useObjectStreams: options.objectStreams ?? true });
};

/** One file made of pages copied from several documents (as "merge PDF" tools do). */
export const mergedPdf = async (parts: number[]): Promise<Uint8Array> => {
  const merged = await PDFDocument.create();
  merged.setCreationDate(FIXED_DATE);
  merged.setModificationDate(FIXED_DATE);
  for (const [i, n] of parts.entries()) {
    const source = await PDFDocument.load(await pdfWithPages(n, { label: `Part ${i + 1}` }));
    const copied = await merged.copyPages(source, source.getPageIndices());
    for (const page of copied) merged.addPage(page);
  }
  return merged.save();
};

/** The first `fraction` of a file, as a cut-short upload or export leaves it. */
export const truncated = (bytes: Uint8Array, fraction: number): Uint8Array =>
  bytes.slice(0, Math.floor(bytes.length * fraction));

/** A text file someone named report.pdf. */
export const textNamedPdf = (): Uint8Array =>
  new TextEncoder().encode(
    'Final report\n\nThis is my report, written in a text editor and saved as report.pdf.\n'.repeat(20),
  );

/**
 * A hand-edited page tree that claims fewer pages than it holds: `/Count` of the root says
 * `claimed`, its /Kids list `pages` leaves. Same length as the original, so offsets stay valid.
 */
export const pdfWithLyingCount = async (pages: number, claimed: number): Promise<Uint8Array> => {
  const bytes = await pdfWithPages(pages, { objectStreams: false });
  const text = Buffer.from(bytes).toString('latin1');
  const from = `/Count ${pages}`;
  const to = `/Count ${claimed}`.padEnd(from.length, ' ');
  if (!text.includes(from) || to.length !== from.length) throw new Error('cannot edit the page count');
  return new Uint8Array(Buffer.from(text.replace(from, to), 'latin1'));
};

/** A minimal valid ZIP archive holding one stored file. */
export const zipWithOneFile = (name = 'notebook.txt', content = 'print("hello")\n'): Uint8Array => {
  const data = Buffer.from(content);
  const fileName = Buffer.from(name);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return new Uint8Array(Buffer.concat([local, fileName, data, central, fileName, end]));
};

const crc32 = (data: Buffer): number => {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
};

/** A committed fixture from tests/fixtures/. */
export const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
