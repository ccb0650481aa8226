/**
 * Just enough of the zip format to read an xlsx safely: list the entries from the central
 * directory, refuse bombs (declared and actual sizes), and inflate an entry with its size and
 * CRC checked as it streams, so each entry is inflated once.
 */
import fs from 'node:fs';
import { open } from 'node:fs/promises';
import zlib from 'node:zlib';
import { fileError, SheetFileError } from './problems.js';

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

/** An entry whose local header has been checked against the central directory. */
export interface LocatedEntry {
  entry: ZipEntry;
  dataStart: number;
}

const eocdSignature = 0x06054b50;
const zip64LocatorSignature = 0x07064b50;
const zip64EocdSignature = 0x06064b50;
const centralSignature = 0x02014b50;
const localSignature = 0x04034b50;
const maxCentralDirectory = 64 * 1024 * 1024;
const corrupt = () => fileError('corrupt');

async function readAt(handle: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw corrupt();
  return buffer;
}

function u64(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt();
  return Number(value);
}

/** The entries listed in the zip's central directory; a file that is not a whole zip is 'corrupt'. */
export async function readZipDirectory(file: string): Promise<ZipEntry[]> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    if (size < 22) throw corrupt();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tailStart = size - tailLength;
    const tail = await readAt(handle, tailStart, tailLength);
    let eocd = -1;
    for (let p = tail.length - 22; p >= 0; p--) {
      if (tail.readUInt32LE(p) === eocdSignature && p + 22 + tail.readUInt16LE(p + 20) <= tail.length) {
        eocd = p;
        break;
      }
    }
    // A truncated upload loses the directory at the end: that is the usual "corrupt zip".
    if (eocd < 0) throw corrupt();
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    const eocdPosition = tailStart + eocd;
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      if (eocdPosition < 20) throw corrupt();
      const locator = await readAt(handle, eocdPosition - 20, 20);
      if (locator.readUInt32LE(0) !== zip64LocatorSignature) throw corrupt();
      const record = await readAt(handle, u64(locator, 8), 56);
      if (record.readUInt32LE(0) !== zip64EocdSignature) throw corrupt();
      count = u64(record, 32);
      cdSize = u64(record, 40);
      cdOffset = u64(record, 48);
    }
    if (cdSize > maxCentralDirectory || cdOffset + cdSize > eocdPosition || count * 46 > cdSize)
      throw corrupt();
    const directory = await readAt(handle, cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > directory.length || directory.readUInt32LE(p) !== centralSignature) throw corrupt();
      const nameLength = directory.readUInt16LE(p + 28);
      const extraLength = directory.readUInt16LE(p + 30);
      const commentLength = directory.readUInt16LE(p + 32);
      const end = p + 46 + nameLength + extraLength + commentLength;
      if (end > directory.length) throw corrupt();
      const entry: ZipEntry = {
        name: directory.toString('utf8', p + 46, p + 46 + nameLength),
        flags: directory.readUInt16LE(p + 8),
        method: directory.readUInt16LE(p + 10),
        crc: directory.readUInt32LE(p + 16),
        compressedSize: directory.readUInt32LE(p + 20),
        uncompressedSize: directory.readUInt32LE(p + 24),
        localOffset: directory.readUInt32LE(p + 42),
      };
      readZip64Extra(directory.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry);
      entries.push(entry);
      p = end;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** Sizes and offsets that did not fit 32 bits live in the zip64 extra field, in this order. */
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const take = () => {
        if (q + 8 > p + 4 + length || q + 8 > extra.length) throw corrupt();
        const value = u64(extra, q);
        q += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localOffset === 0xffffffff) entry.localOffset = take();
      return;
    }
    p += 4 + length;
  }
}

/** Refuse archives that would expand past `maxBytes`, going by the sizes they declare. */
export function checkDeclaredSize(entries: readonly ZipEntry[], maxBytes: number): void {
  let total = 0;
  for (const entry of entries) total += entry.uncompressedSize;
  if (total > maxBytes) throw fileError('too_large_uncompressed', { limit: maxBytes });
}

/** Check each entry's local header against the directory and find where its data starts. */
export async function locateEntries(file: string, entries: readonly ZipEntry[]): Promise<LocatedEntry[]> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const located: LocatedEntry[] = [];
    for (const entry of entries) {
      // Bit 0 is traditional encryption, bit 6 strong encryption: exceljs reads neither.
      if (entry.flags & 0x41) throw fileError('encrypted_or_legacy');
      if (entry.method !== 0 && entry.method !== 8) throw corrupt();
      const header = await readAt(handle, entry.localOffset, 30);
      if (header.readUInt32LE(0) !== localSignature || header.readUInt16LE(8) !== entry.method)
        throw corrupt();
      const nameLength = header.readUInt16LE(26);
      const name = await readAt(handle, entry.localOffset + 30, nameLength);
      if (name.toString('utf8') !== entry.name) throw corrupt();
      const dataStart = entry.localOffset + 30 + nameLength + header.readUInt16LE(28);
      if (dataStart + entry.compressedSize > size) throw corrupt();
      located.push({ entry, dataStart });
    }
    return located;
  } finally {
    await handle.close();
  }
}

/**
 * The entry's uncompressed bytes, checked as they come: never more than the declared size (a
 * lying header is how a bomb gets past the declared-size check), then size and CRC must match.
 */
export async function* entryData(file: string, located: LocatedEntry): AsyncGenerator<Buffer> {
  const { entry, dataStart } = located;
  if (entry.compressedSize === 0) {
    if (entry.uncompressedSize !== 0) throw corrupt();
    return;
  }
  const source = fs.createReadStream(file, {
    start: dataStart,
    end: dataStart + entry.compressedSize - 1,
    highWaterMark: 64 * 1024,
  });
  const inflater = entry.method === 8 ? zlib.createInflateRaw() : undefined;
  if (inflater) {
    source.on('error', (error) => inflater.destroy(error));
    source.pipe(inflater);
  }
  let size = 0;
  let crc = 0;
  try {
    for await (const data of inflater ?? source) {
      const chunk = data as Buffer;
      size += chunk.length;
      if (size > entry.uncompressedSize) throw fileError('too_large_uncompressed');
      crc = zlib.crc32(chunk, crc);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof SheetFileError) throw error;
    throw corrupt();
  } finally {
    source.destroy();
    inflater?.destroy();
  }
  if (size !== entry.uncompressedSize || crc >>> 0 !== entry.crc >>> 0) throw corrupt();
}
