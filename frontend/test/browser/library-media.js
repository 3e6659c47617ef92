// Media-library pictures for browser tests, as the API will describe and serve them: renditions
// named by width in JPEG and WebP, real image bytes (encoded by Chromium), held until released.
import { createHash } from 'node:crypto';

export const FILES = '/api/v1/media/files/';
/** The sizes the API writes on body images. */
export const BODY_SIZES = '(max-width: 800px) 100vw, 800px';

/**
 * A library image of `width` × `height`: { url, srcset, webpSrcset, width, height, files }, where
 * files maps each path to the picture it serves. Renditions are narrower than the image only.
 */
export function libraryImage(name, width, height) {
  const files = new Map();
  const file = (rendition, extension, w) => {
    const path = `${FILES}${createHash('sha256').update(`${name}/${rendition}`).digest('hex')}.${extension}`;
    const type = extension === 'webp' ? 'image/webp' : 'image/jpeg';
    files.set(path, { width: w, height: Math.round((height * w) / width), type });
    return path;
  };
  const widths = [320, 640, 1024, 1600].filter((w) => w < width);
  const url = file('full', 'jpg', width);
  return {
    url,
    width,
    height,
    srcset: [...widths.map((w) => `${file(`w${w}`, 'jpg', w)} ${w}w`), `${url} ${width}w`].join(', '),
    webpSrcset: widths.map((w) => `${file(`w${w}-webp`, 'webp', w)} ${w}w`).join(', '),
    files,
  };
}

/** The body HTML the API renders for a library image. */
export function renderedFigure(image, alt, caption) {
  return `<figure><picture><source type="image/webp" srcset="${image.webpSrcset}" sizes="${BODY_SIZES}">`
    + `<img src="${image.url}" srcset="${image.srcset}" sizes="${BODY_SIZES}" width="${image.width}" height="${image.height}"`
    + ` alt="${alt}" loading="lazy" decoding="async"></picture><figcaption>${caption}</figcaption></figure>`;
}

/** The bytes of every file, drawn and encoded in a page of `context` (so in the formats Chromium reads). */
async function encode(context, files) {
  const page = await context.newPage();
  const bytes = new Map();
  for (const [path, picture] of files) {
    const base64 = await page.evaluate(async ({ width, height, type }) => {
      const canvas = new OffscreenCanvas(width, height);
      const g = canvas.getContext('2d');
      g.fillStyle = '#0b4a8b';
      g.fillRect(0, 0, width, height);
      g.fillStyle = '#ffd23f';
      g.fillRect(width / 4, height / 4, width / 2, height / 2);
      const blob = await canvas.convertToBlob({ type, quality: 0.8 });
      if (blob.type !== type) throw new Error(`Chromium encoded ${blob.type}, not ${type}`);
      const data = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (const byte of data) binary += String.fromCharCode(byte);
      return btoa(binary);
    }, picture);
    bytes.set(path, Buffer.from(base64, 'base64'));
  }
  await page.close();
  return bytes;
}

/**
 * Serves the files of `images` to pages of `context` once `release()` is called; `requested` lists
 * the paths of theirs asked for, in order. Other media files come from the API.
 */
export async function serveLibrary(context, images) {
  const files = new Map(images.flatMap((image) => [...image.files]));
  const bytes = await encode(context, files);
  const requested = [];
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await context.route(`**${FILES}*`, async (route) => {
    const { pathname } = new URL(route.request().url());
    // Other pictures on the page (the demo content's own library photos) come from the real API.
    if (!files.has(pathname)) return route.continue();
    requested.push(pathname);
    await released;
    return route.fulfill({
      status: 200, contentType: files.get(pathname).type, body: bytes.get(pathname),
      headers: { 'Cache-Control': 'public, max-age=31536000, immutable' },
    });
  });
  return { requested, release };
}
