// The site's lists of articles (home, each category, each tag) and the files their pages go to.
import { categoryUrl, homeUrl, tagKey, tagUrl } from '../site/js/urls.js';
import { SITE_FEEDS, categoryFeeds } from './pages.js';

export function homeList(catalogue, site) {
  return {
    title: 'Tin mới nhất', isHome: true, description: site.tagline, articles: catalogue.newestFirst(),
    urlFor: homeUrl, active: '', feeds: SITE_FEEDS,
  };
}

export function categoryList(category, catalogue) {
  return {
    title: category.name,
    description: category.description,
    articles: catalogue.inCategory(category.slug),
    urlFor: (page) => categoryUrl(category.slug, page),
    active: category.slug,
    feeds: categoryFeeds(category.slug),
  };
}

/** The list of a tag key, titled with the spelling of its newest article; null when no article has it. */
export function tagList(key, catalogue) {
  const articles = catalogue.withTag(key);
  if (articles.length === 0) return null;
  const name = articles[0].tags.find((tag) => tagKey(tag) === key);
  return {
    title: `Từ khóa: ${name}`, description: `Các bài viết có từ khóa ${name}.`, articles, urlFor: (page) => tagUrl(name, page),
  };
}

/** The file (relative to the site's folder) an address of the site is served from. */
export function fileOf(address) {
  const path = decodeURIComponent(new URL(address, 'http://site').pathname).replace(/^\/+/, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}
