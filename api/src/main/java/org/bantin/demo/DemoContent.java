package org.bantin.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.bantin.article.Article;
import org.bantin.article.ArticleRecords.ArticleInput;
import org.bantin.article.ArticleRecords.CoverImage;
import org.bantin.article.ArticleService;
import org.bantin.auth.Caller;
import org.bantin.auth.Role;
import org.bantin.category.Category;
import org.bantin.category.CategoryRecords.CategoryInput;
import org.bantin.category.CategoryService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

/** Fills an empty database with the demo site (the model page's article and a few more), once. */
public class DemoContent {

    private static final Logger LOG = Logger.getLogger(DemoContent.class);
    private static final Caller DEMO = new Caller(null, "Bantin demo", Role.ADMIN);

    record Content(List<CategoryInput> categories, List<DemoArticle> articles) {
    }

    record DemoArticle(String title, String summary, String body, String category, List<String> tags,
            CoverImage coverImage, String author, OffsetDateTime publishedAt) {

        ArticleInput input() {
            return new ArticleInput(title, null, summary, body, category, tags, coverImage, author);
        }
    }

    @Transactional
    void loadIntoEmptyDatabase(@Observes StartupEvent start, @ConfigProperty(name = "bantin.demo-content") boolean enabled,
            ObjectMapper json, CategoryService categories, ArticleService articles) throws IOException {
        if (!enabled || Category.count() > 0 || Article.count() > 0) {
            return;
        }
        Content content;
        try (InputStream in = DemoContent.class.getResourceAsStream("/demo/content.json")) {
            content = json.readValue(in, Content.class);
        }
        content.categories().forEach(categories::create);
        content.articles().forEach(article -> {
            long id = articles.create(article.input(), DEMO).id();
            articles.publish(id, article.publishedAt(), null, DEMO);
        });
        LOG.infof("Demo content loaded: %d categories, %d articles", content.categories().size(), content.articles().size());
    }
}
