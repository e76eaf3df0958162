import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF written by pdfkit with one embedded font: decompresses the
 * streams, reads the font's ToUnicode map and decodes the hex strings of
 * every TJ operator through it, one line per text object. Enough to check
 * that a badge really prints "王芳", not to read arbitrary PDFs.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      streams.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a Flate stream (e.g. the font program's own encoding): no text in it
    }
  }
  const toUnicode = new Map<number, string>();
  for (const cmap of streams.filter((s) => s.includes('begincmap'))) {
    for (const [, first, list] of cmap.matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/gi)) {
      // a ligature's glyph maps to several characters, written with spaces: <0066 0066> is "ff"
      [...list.matchAll(/<([0-9a-f ]+)>/gi)].forEach(([, hex], i) =>
        toUnicode.set(parseInt(first, 16) + i, Buffer.from(hex.replace(/ /g, ''), 'hex').swap16().toString('utf16le')),
      );
    }
  }
  const lines: string[] = [];
  for (const content of streams.filter((s) => s.includes(' TJ'))) {
    for (const [, array] of content.matchAll(/\[([^\]]*)\] TJ/g)) {
      const codes = [...array.matchAll(/<([0-9a-f]+)>/gi)].flatMap(([, hex]) => hex.match(/.{4}/g) ?? []);
      lines.push(codes.map((code) => toUnicode.get(parseInt(code, 16)) ?? '?').join(''));
    }
  }
  return lines.join('\n');
}
