-- Webhooks tell receivers (a static site, a search index) when readers can see an article and when
-- they no longer can; receivers then fetch or drop its public page. announced keeps what they were
-- told last: true from article.published until article.unpublished or article.deleted. An editor's
-- change sets it in its own transaction. A publish time or an expiry that comes changes no row, so
-- every instance looks every second for the published articles readers see that are not announced,
-- and the announced ones whose expiry came, and sets announced itself, skipping rows another
-- transaction holds (DueArticles): each event is written once, and a moment that no instance was
-- running for is caught up at the next look.
ALTER TABLE articles ADD COLUMN announced boolean NOT NULL DEFAULT true;
-- Receivers already know the articles readers see now; only the others (fewer rows) are rewritten.
UPDATE articles SET announced = false WHERE NOT bantin_visible(status, published_at, unpublish_at);
ALTER TABLE articles ALTER COLUMN announced SET DEFAULT false;

-- What the look reads every second: published articles not announced (the scheduled ones, and the
-- expired ones, which are few), and the announced ones with an expiry.
CREATE INDEX articles_unannounced_idx ON articles (published_at) INCLUDE (unpublish_at)
    WHERE status = 'PUBLISHED' AND NOT announced;
CREATE INDEX articles_announced_expiry_idx ON articles (unpublish_at) WHERE announced AND unpublish_at IS NOT NULL;
