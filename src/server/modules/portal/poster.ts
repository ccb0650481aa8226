/**
 * The QR poster (A4) posted in a compound: its name and 老旧小区改造, what is being done, a QR code
 * to its public page with the address printed below it, and the office to contact. PDF through
 * pdfkit with the reply letter's bundled open-licence faces (one PDF mechanism, one font loader).
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { PublicCompound } from '../../../contract/portal.js';
import { loadPdfFonts } from '../proposals/letter/fonts.js';

export interface Poster {
  compound: PublicCompound;
  /** The absolute address of the compound's public page (what the QR code encodes). */
  url: string;
}

const mm = 72 / 25.4;
const pageWidth = 210 * mm;
const margin = 18 * mm;
const textWidth = pageWidth - 2 * margin;
const blue = '#1d4e89';

const statusWords: Record<string, string> = {
  planned: '已列入计划',
  consulting: '征求居民意见',
  designed: '设计完成',
  tendered: '招标完成',
  under_construction: '施工中',
  accepted: '已竣工验收',
  handed_over: '已移交',
};

/** The QR code's dark modules for `text` (error correction M: survives a scuffed poster). */
export function qrModules(text: string): { size: number; dark: (row: number, col: number) => boolean } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: qr.modules.size, dark: (row, col) => Boolean(qr.modules.get(row, col)) };
}

/** One A4 page per poster, as one PDF. */
export async function posterPdf(posters: readonly Poster[], title: string): Promise<Buffer> {
  const fonts = await loadPdfFonts(['body', 'title', 'level1']);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    lang: 'zh-CN',
    info: { Title: title },
  });
  for (const [face, bytes] of fonts) doc.registerFont(face, bytes);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const poster of posters) drawPoster(doc, poster);
  if (posters.length === 0) {
    doc.addPage();
    doc.font('body').fontSize(16).text('没有正在改造的小区。', margin, margin, { width: textWidth });
  }
  doc.end();
  return done;
}

/** One line centred on the page, never wrapped (names and addresses are short enough). */
function centred(doc: PDFKit.PDFDocument, text: string, y: number): void {
  const width = Math.min(doc.widthOfString(text), textWidth);
  doc.text(text, margin + (textWidth - width) / 2, y, { lineBreak: false });
}

function drawPoster(doc: PDFKit.PDFDocument, { compound, url }: Poster): void {
  doc.addPage();
  doc.rect(0, 0, pageWidth, 10 * mm).fill(blue);
  let y = 22 * mm;
  doc.fillColor('black').font('title').fontSize(30);
  doc.text(compound.name, margin, y, { width: textWidth, align: 'center' });
  y = doc.y + 2 * mm;
  doc.fillColor(blue).fontSize(34).text('老旧小区改造', margin, y, { width: textWidth, align: 'center' });
  y = doc.y + 3 * mm;

  const project = compound.projects[0];
  if (project) {
    doc
      .fillColor('#444444')
      .font('body')
      .fontSize(14)
      .text(
        `${project.year}年度 · ${statusWords[project.status] ?? project.status}${project.percentDone !== null ? ` · 改造内容完成${project.percentDone}%` : ''}`,
        margin,
        y,
        { width: textWidth, align: 'center' },
      );
    y = doc.y + 6 * mm;
    doc.fillColor('black').font('level1').fontSize(18).text('改造内容', margin, y);
    y = doc.y + 2 * mm;
    const items = project.items.map((i) => i.name);
    // Two columns: a compound's items fit above the QR code.
    const shown = items.slice(0, 20);
    const half = Math.ceil(shown.length / 2);
    const colWidth = textWidth / 2 - 4 * mm;
    doc.font('body').fontSize(14);
    let bottom = y;
    [shown.slice(0, half), shown.slice(half)].forEach((col, k) => {
      let cy = y;
      for (const name of col) {
        doc.text(`· ${name}`, margin + k * (textWidth / 2), cy, {
          width: colWidth,
          lineBreak: false,
          ellipsis: true,
        });
        cy += 7.5 * mm;
      }
      bottom = Math.max(bottom, cy);
    });
    if (items.length > shown.length) {
      doc.text(`等 ${items.length} 项`, margin, bottom, { width: textWidth });
      bottom += 7.5 * mm;
    }
    if (items.length === 0) {
      doc.text('改造内容正在征求居民意见。', margin, y, { width: textWidth });
      bottom = y + 7.5 * mm;
    }
    y = bottom + 4 * mm;
  }

  // The QR code, centred, with a quiet zone of four modules (white paper).
  const qr = qrModules(url);
  const side = 62 * mm;
  const cell = side / (qr.size + 8);
  const x0 = (pageWidth - side) / 2;
  const y0 = Math.max(y, 150 * mm);
  for (let row = 0; row < qr.size; row++) {
    for (let col = 0; col < qr.size; col++) {
      if (qr.dark(row, col)) doc.rect(x0 + (col + 4) * cell, y0 + (row + 4) * cell, cell + 0.05, cell + 0.05);
    }
  }
  doc.fill('black');
  y = y0 + side + 1 * mm;
  doc.font('level1').fontSize(16).fillColor('black');
  centred(doc, '扫码查看改造方案、进度和公开信息，提出意见建议', y);
  doc.font('body').fontSize(11).fillColor('#444444');
  centred(doc, url, y + 9 * mm);
  // The code is a link too, for the PDF read on a screen.
  doc.link(x0, y0, side, side, url);

  const contact = compound.contact;
  y = 262 * mm;
  doc
    .moveTo(margin, y - 3 * mm)
    .lineTo(pageWidth - margin, y - 3 * mm)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke();
  doc.font('body').fontSize(13).fillColor('black');
  centred(
    doc,
    contact
      ? `联系单位：${contact.name}${contact.phone ? `　电话：${contact.phone}` : ''}`
      : '联系单位：所在社区居委会',
    y,
  );
  if (compound.isDemo)
    doc
      .fontSize(10)
      .fillColor('#999999')
      .text('示例数据', margin, 280 * mm, { width: textWidth, align: 'center' });
}
