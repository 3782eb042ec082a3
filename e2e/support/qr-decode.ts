// Reads a QR code off a screenshot, as a phone camera would: jsQR (a QR decoder library) over the
// pixels of a Playwright screenshot. The PNG is turned into pixels by Chromium in a blank page.
import type { Page } from '@playwright/test';
import jsQRModule from 'jsqr';

// jsQR is CommonJS with a `default` beside it: Node hands over module.exports, which is the function too.
const jsQR = (jsQRModule as unknown as { default: typeof jsQRModule.default }).default;

/** The pixels of a PNG as RGBA, decoded by a scratch page of `page`'s browser context. */
async function pixelsOf(
  page: Page,
  png: Buffer,
): Promise<{ width: number; height: number; rgba: Uint8ClampedArray }> {
  const scratch = await page.context().newPage();
  try {
    // In-page code is a string: e2e compiles without DOM types.
    const decoded = (await scratch.evaluate(`(async () => {
      const image = new Image();
      image.src = 'data:image/png;base64,${png.toString('base64')}';
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let binary = '';
      for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
      return { width: canvas.width, height: canvas.height, base64: btoa(binary) };
    })()`)) as { width: number; height: number; base64: string };
    return {
      width: decoded.width,
      height: decoded.height,
      rgba: new Uint8ClampedArray(Buffer.from(decoded.base64, 'base64')),
    };
  } finally {
    await scratch.close();
  }
}

/** The text of the QR code in a screenshot of the whole page as it is on screen, or null when none reads. */
export async function decodeQrOnScreen(page: Page): Promise<string | null> {
  const { width, height, rgba } = await pixelsOf(page, await page.screenshot());
  return jsQR(rgba, width, height)?.data ?? null;
}
