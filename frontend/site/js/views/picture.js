// Pictures of the API's media library: its renditions as srcset, WebP offered first when there is
// one, and the picture's own width and height so that the page keeps its room before it arrives.
import { h } from '../dom.js';
import { mediaSrcset, mediaUrl } from '../urls.js';

/**
 * An <img> for `image` ({ url, alt, width, height, srcset, webpSrcset } as the API sends a cover),
 * inside a <picture> with a WebP <source> when there are WebP renditions. `fallbackSize`
 * ([width, height]) reserves the room of images whose size the API does not know (external URLs).
 * Every attribute is set before src, so the browser picks once, with everything known.
 */
export function picture(image, apiBaseUrl, { sizes, fallbackSize, ...attributes }) {
  const known = image.width > 0 && image.height > 0;
  const srcset = image.srcset ? mediaSrcset(image.srcset, apiBaseUrl) : null;
  const img = h('img', {
    ...attributes,
    alt: image.alt || '',
    width: known ? image.width : fallbackSize[0],
    height: known ? image.height : fallbackSize[1],
    sizes: srcset && sizes,
    srcset,
    src: mediaUrl(image.url, apiBaseUrl),
  });
  if (!image.webpSrcset) return img;
  return h('picture', {},
    h('source', { type: 'image/webp', sizes, srcset: mediaSrcset(image.webpSrcset, apiBaseUrl) }),
    img);
}
