import { chromium, type Browser } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';

/**
 * A Chromium whose camera plays a video of this badge's QR code in a loop (the shared config cannot take
 * per-test launch args, so a test that scans opens this browser of its own and closes it).
 */
export async function browserFilmingBadge(code: string, label: string): Promise<Browser> {
  const dir = join(__dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  const video = join(dir, `badge-${label}.y4m`);
  writeFileSync(video, badgeVideo(code));
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
      '--disable-gpu',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * A short y4m video (the raw format Chromium's fake camera reads) of a badge's QR code, black on white, in
 * the middle of a 640×480 frame: luma from the QR's modules, chroma neutral. No ffmpeg needed.
 */
export function badgeVideo(code: string): Buffer {
  const width = 640;
  const height = 480;
  const qr = QRCode.create(code, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const scale = Math.floor(360 / (size + 8));
  const left = Math.floor((width - size * scale) / 2);
  const top = Math.floor((height - size * scale) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!qr.modules.get(y, x)) continue;
      for (let dy = 0; dy < scale; dy++) {
        luma.fill(
          16,
          (top + y * scale + dy) * width + left + x * scale,
          (top + y * scale + dy) * width + left + (x + 1) * scale,
        );
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  return Buffer.concat([header, ...Array.from({ length: 10 }, () => frame)]);
}
