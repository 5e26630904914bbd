/**
 * A ZIP archive is read from its end: the "end of central directory" record (PK\x05\x06) lists
 * where the table of contents is. A file cut short loses it, and no unzip tool can list it.
 */
export const zipProblem = (bytes: Uint8Array): string | undefined => {
  const minEocd = 22;
  if (bytes.length < minEocd) return 'it is too short to be a ZIP archive';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - minEocd - 0xffff);
  for (let i = bytes.length - minEocd; i >= lowest; i--) {
    if (view.getUint32(i, true) !== 0x06054b50) continue;
    const commentLength = view.getUint16(i + 20, true);
    if (i + minEocd + commentLength > bytes.length) continue;
    const size = view.getUint32(i + 12, true);
    const offset = view.getUint32(i + 16, true);
    // ZIP64 archives put 0xffffffff here and the real values in another record.
    if (offset === 0xffffffff || size === 0xffffffff) return undefined;
    if (offset + size > i) return 'its table of contents points past the end of the file';
    return undefined;
  }
  return 'its table of contents (the end of the archive) is missing';
};
