// sitemap.xml (an index of sitemaps of at most 50,000 addresses each), the Google News sitemap of the
// last two days, and robots.txt. The `sitemap` library writes and escapes the XML.
import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';

import {
  articleUrl, categoryUrl, documentUrl, documentsUrl, homeUrl,
} from '../site/js/urls.js';

/** What one sitemap may hold (sitemaps.org). */
export const SITEMAP_SIZE = 50_000;
/** Google News reads articles of the last two days. */
const NEWS_WINDOW_MS = 2 * 24 * 3600 * 1000;

async function xml(stream, items) {
  const done = streamToPromise(stream);
  for (const item of items) stream.write(item);
  stream.end();
  return (await done).toString();
}

/**
 * Every file of the sitemaps: { 'sitemap.xml': …, 'sitemap-1.xml': …, 'sitemap-news.xml': … } (news only when there
 * is some). The list of documents is there once it lists some; documents carry no time of change, so their entries
 * have no lastmod.
 */
export async function sitemapFiles(catalogue, categories, documents, ctx, now = Date.now()) {
  const { siteUrl } = ctx;
  const articles = catalogue.newestFirst();
  const newest = articles[0]?.updatedAt;
  const items = [
    { url: homeUrl(), lastmod: newest },
    ...categories.map((category) => ({ url: categoryUrl(category.slug), lastmod: catalogue.inCategory(category.slug)[0]?.updatedAt })),
    ...articles.map((article) => ({ url: articleUrl(article.slug), lastmod: article.updatedAt })),
    ...(documents.length > 0 ? [{ url: documentsUrl() }] : []),
    ...documents.map((document) => ({ url: documentUrl(document.slug) })),
  ];
  const files = {};
  const parts = [];
  for (let start = 0; start < items.length; start += SITEMAP_SIZE) {
    const name = `sitemap-${parts.length + 1}.xml`;
    const chunk = items.slice(start, start + SITEMAP_SIZE);
    files[name] = await xml(new SitemapStream({ hostname: siteUrl }), chunk);
    parts.push({ url: `${siteUrl}/${name}`, lastmod: chunk.map((item) => item.lastmod).filter(Boolean).sort().at(-1) });
  }
  const recent = articles.filter((article) => now - Date.parse(article.publishedAt) <= NEWS_WINDOW_MS);
  if (recent.length > 0) await newsSitemap(recent, files, parts, ctx);
  files['sitemap.xml'] = await xml(new SitemapIndexStream(), parts);
  return files;
}

/** The Google News sitemap, when something was published in its window (a sitemap may not be empty). */
async function newsSitemap(recent, files, parts, { site, siteUrl }) {
  files['sitemap-news.xml'] = await xml(new SitemapStream({ hostname: siteUrl, xmlns: { news: true } }), recent.map((article) => ({
    url: articleUrl(article.slug),
    news: {
      publication: { name: site.name, language: 'vi' },
      publication_date: article.publishedAt,
      title: article.title,
    },
  })));
  parts.push({ url: `${siteUrl}/sitemap-news.xml`, lastmod: recent[0].publishedAt });
}

/** Everything may be crawled but the pages made for one reader (search results, previews). */
export function robotsTxt(siteUrl) {
  return 'User-agent: *\nDisallow: /tim-kiem.html\nDisallow: /tra-cuu-van-ban.html\nDisallow: /xem-truoc.html\n'
    + `Sitemap: ${siteUrl}/sitemap.xml\n`;
}
