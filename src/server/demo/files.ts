/**
 * The demo's attached files, made once per load and reused by every record that carries one: a
 * small PDF standing in for a lab report or a bid document (Latin text only, so no font is
 * embedded), and a small flat PNG standing in for a site photo. Each row keeps its own copy of the
 * bytes, as an upload would.
 */
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';

export interface DemoFile {
  bytes: Buffer;
  /** The bytes as bytea's hex input (`\x…`), as a bulk insert sends them. */
  hex: string;
  size: number;
  sha256: string;
}

const asFile = (bytes: Buffer): DemoFile => ({
  bytes,
  hex: `\\x${bytes.toString('hex')}`,
  size: bytes.length,
  sha256: createHash('sha256').update(bytes).digest('hex'),
});

/** One A5 page saying what it is: a generated stand-in, not a real document. */
export async function demoPdf(): Promise<DemoFile> {
  const doc = new PDFDocument({
    size: 'A5',
    margin: 48,
    info: { Title: 'Jiugai demo document', Author: 'Jiugai demo data' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(16).text('Jiugai demo document');
  doc.moveDown().font('Helvetica').fontSize(11);
  doc.text('A generated stand-in for a lab report or a tender document in the demo district.');
  doc.text('It is not a real document.');
  doc.end();
  return asFile(await done);
}

/** A flat grey-green PNG, 160 × 120: a stand-in for a site photo. */
export function demoPng(): DemoFile {
  const width = 160;
  const height = 120;
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([0x8a, 0x99, 0x88], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return asFile(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', zlib.deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}
