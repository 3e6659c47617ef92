// RSS 2.0 and Atom feeds of a list's newest articles (the `feed` library writes and escapes them).
import { Feed } from 'feed';

import { articleUrl, mediaUrl } from '../site/js/urls.js';

/** How many of the newest articles a feed carries. */
const FEED_SIZE = 20;

/** { rss, atom } for `list` (see lists.js), as XML text. */
export function feedsOf(list, ctx) {
  const { site, siteUrl, apiBaseUrl } = ctx;
  const newest = list.articles.slice(0, FEED_SIZE);
  const home = siteUrl + list.urlFor(1);
  const feed = new Feed({
    title: list.isHome ? site.name : `${list.title} – ${site.name}`,
    description: list.description || site.tagline,
    id: home,
    link: home,
    language: 'vi',
    favicon: `${siteUrl}/favicon.svg`,
    copyright: site.name,
    updated: new Date(newest[0]?.updatedAt || newest[0]?.publishedAt || 0),
    generator: 'Bantin',
    feedLinks: { rss: siteUrl + list.feeds.rss, atom: siteUrl + list.feeds.atom },
  });
  for (const article of newest) {
    const link = siteUrl + articleUrl(article.slug);
    feed.addItem({
      title: article.title,
      id: link,
      link,
      description: article.summary,
      date: new Date(article.publishedAt), // RSS's pubDate, which readers sort by
      published: new Date(article.publishedAt),
      category: [{ name: article.category.name }],
      author: article.author ? [{ name: article.author }] : undefined,
      image: article.coverImage ? mediaUrl(article.coverImage.ogImage || article.coverImage.url, apiBaseUrl) : undefined,
    });
  }
  return { rss: feed.rss2(), atom: feed.atom1() };
}
