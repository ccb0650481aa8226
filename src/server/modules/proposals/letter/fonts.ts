/**
 * The open-licence (SIL OFL 1.1) CJK faces the PDF letter embeds, read from the npm packages that
 * ship them whole: never downloaded at run time. They stand in for the faces GB/T 9704 names,
 * which are not free to embed: Noto Serif SC for 仿宋 (body) and 小标宋 (bold, titles), Noto Sans
 * SC for 黑体, LXGW WenKai (霞鹜文楷) for 楷体.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);

export const pdfFontFiles = {
  body: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  title: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  level1: '@expo-google-fonts/noto-sans-sc/500Medium/NotoSansSC_500Medium.ttf',
  level2: '@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff',
} as const;

export type PdfFace = keyof typeof pdfFontFiles;

/** Unpacked WOFF faces, kept once unpacked (about 20 MB): unpacking takes longer than a letter. */
const unpacked = new Map<PdfFace, Promise<Buffer>>();

/** The font files' bytes, read from the installed packages (10–15 MB each; pdfkit embeds a subset). */
export async function loadPdfFonts(faces: readonly PdfFace[]): Promise<Map<PdfFace, Buffer>> {
  const load = async (face: PdfFace): Promise<Buffer> => {
    const file = pdfFontFiles[face];
    if (!file.endsWith('.woff')) return readFile(require.resolve(file));
    let sfnt = unpacked.get(face);
    if (!sfnt) {
      sfnt = readFile(require.resolve(file)).then(woffToSfnt);
      unpacked.set(face, sfnt);
      sfnt.catch(() => unpacked.delete(face));
    }
    return sfnt;
  };
  return new Map(await Promise.all(faces.map(async (face) => [face, await load(face)] as const)));
}

const woffSignature = 0x774f4646; // 'wOFF'
const isWoff = (bytes: Buffer) => bytes.length >= 44 && bytes.readUInt32BE(0) === woffSignature;

/** The sum of a table's big-endian 32-bit words (the sfnt table checksum). */
export function tableChecksum(table: Buffer): number {
  let sum = 0;
  for (let i = 0; i < table.length; i += 4) {
    const word =
      ((table[i] ?? 0) << 24) |
      ((table[i + 1] ?? 0) << 16) |
      ((table[i + 2] ?? 0) << 8) |
      (table[i + 3] ?? 0);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}

/**
 * A WOFF 1.0 file unpacked to the TrueType/OpenType file it wraps. fontkit reads WOFF, but
 * inflates a table again at every glyph it reads: a letter's PDF took 90 s with LXGW WenKai as
 * WOFF and well under a second as TrueType. Tables are inflated once here and checked against
 * the checksums the WOFF directory records.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (!isWoff(woff)) throw new Error('not a WOFF file');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const entry = 44 + i * 20;
    const tag = woff.readUInt32BE(entry);
    const offset = woff.readUInt32BE(entry + 4);
    const compLength = woff.readUInt32BE(entry + 8);
    const origLength = woff.readUInt32BE(entry + 12);
    const checksum = woff.readUInt32BE(entry + 16);
    if (offset + compLength > woff.length) throw new Error('WOFF table outside the file');
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : stored;
    if (data.length !== origLength) throw new Error('WOFF table of the wrong length');
    return { tag, checksum, data };
  });
  const power = 2 ** Math.floor(Math.log2(numTables));
  const header = Buffer.alloc(12 + numTables * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(numTables * 16 - power * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    const record = 12 + i * 16;
    header.writeUInt32BE(table.tag, record);
    header.writeUInt32BE(table.checksum, record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(table.data.length, record + 12);
    const padding = (4 - (table.data.length % 4)) % 4;
    parts.push(table.data, Buffer.alloc(padding));
    offset += table.data.length + padding;
  });
  return Buffer.concat(parts);
}
