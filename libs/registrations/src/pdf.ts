import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * One font for every script a forum between China and Russia needs: Noto Sans
 * Hans (SIL Open Font License, from the @embedpdf/fonts-sc package) covers
 * Chinese, Cyrillic and Latin. It is read once; pdfkit embeds only the glyphs
 * each document uses, so a badge stays small.
 */
const FONT_PATH = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');
let font: Buffer | undefined;
const unicodeFont = (): Buffer => (font ??= readFileSync(FONT_PATH));

/** Builds a PDF in memory with the body drawn by `draw`. */
export function renderPdf(size: [number, number] | 'A4', draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size, margin: 36, info: { Producer: 'Roundtable', Creator: 'Roundtable' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('body', unicodeFont());
    doc.font('body');
    draw(doc);
    doc.end();
  });
}
