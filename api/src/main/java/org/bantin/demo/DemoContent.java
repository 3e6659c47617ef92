package org.bantin.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.bantin.article.Article;
import org.bantin.article.ArticleRecords.ArticleInput;
import org.bantin.article.ArticleRecords.CoverImage;
import org.bantin.article.ArticleRecords.PublishRequest;
import org.bantin.article.ArticleService;
import org.bantin.auth.Caller;
import org.bantin.auth.Role;
import org.bantin.category.Category;
import org.bantin.category.CategoryRecords.CategoryInput;
import org.bantin.category.CategoryService;
import org.bantin.media.MediaRecords.Metadata;
import org.bantin.media.MediaService;
import org.bantin.question.QuestionService;
import org.bantin.survey.ResultsVisibility;
import org.bantin.survey.SurveyRecords.OptionView;
import org.bantin.survey.SurveyRecords.SurveyInput;
import org.bantin.survey.SurveyService;
import org.bantin.survey.VotingService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

/** Fills an empty database with the demo site (the model page's article and a few more), once. */
public class DemoContent {

    private static final Logger LOG = Logger.getLogger(DemoContent.class);
    private static final Caller DEMO = new Caller(null, "Bantin demo", Role.ADMIN);
    private static final SecureRandom RANDOM = new SecureRandom();

    record Content(List<CategoryInput> categories, List<DemoMedia> media, List<DemoArticle> articles, DemoSurvey survey) {
    }

    /** A photo of the library, from /demo/media/. */
    record DemoMedia(String file, String alt, String caption, String credit) {
    }

    /** The sidebar survey, with how many readers chose each option. */
    record DemoSurvey(String question, String description, List<String> options, List<Integer> votes) {

        SurveyInput input() {
            return new SurveyInput(question, description, options, false, null, null, null, ResultsVisibility.AFTER_VOTE);
        }
    }

    /**
     * An article; its body names library photos by file (data-demo-media="file.jpg"), and coverMedia
     * names its cover among them, as their ids are known only once uploaded.
     */
    record DemoArticle(String title, String summary, String body, String category, List<String> tags,
            CoverImage coverImage, String coverMedia, String author, OffsetDateTime publishedAt) {

        ArticleInput input(Map<String, Long> mediaIds) {
            String html = body;
            for (Map.Entry<String, Long> media : mediaIds.entrySet()) {
                html = html.replace("data-demo-media=\"" + media.getKey() + "\"", "data-media-id=\"" + media.getValue() + "\"");
            }
            CoverImage cover = coverMedia == null ? coverImage : new CoverImage(null, mediaIds.get(coverMedia), null, null);
            return new ArticleInput(title, null, summary, html, category, tags, cover, author);
        }
    }

    @Transactional
    void loadIntoEmptyDatabase(@Observes StartupEvent start, @ConfigProperty(name = "bantin.demo-content") boolean enabled,
            ObjectMapper json, CategoryService categories, MediaService media, ArticleService articles,
            SurveyService surveys, VotingService voting, QuestionService questions, DemoConsultations consultations)
            throws IOException {
        if (!enabled || Category.count() > 0 || Article.count() > 0) {
            return;
        }
        Content content;
        try (InputStream in = DemoContent.class.getResourceAsStream("/demo/content.json")) {
            content = json.readValue(in, Content.class);
        }
        content.categories().forEach(categories::create);
        Map<String, Long> mediaIds = new HashMap<>();
        for (DemoMedia photo : content.media()) {
            mediaIds.put(photo.file(), upload(photo, media));
        }
        content.articles().forEach(article -> {
            long id = articles.create(article.input(mediaIds), DEMO).id();
            articles.publish(id, new PublishRequest(article.publishedAt(), null), null, DEMO);
        });
        loadSurvey(content.survey(), surveys, voting);
        DemoQuestions.load(questions, DEMO);
        consultations.load();
        LOG.infof("Demo content loaded: %d categories, %d photos, %d articles, a survey, questions, consultations",
                content.categories().size(),
                content.media().size(), content.articles().size());
    }

    private static long upload(DemoMedia photo, MediaService media) throws IOException {
        Path file = Files.createTempFile("bantin-demo-", ".jpg");
        try (InputStream in = DemoContent.class.getResourceAsStream("/demo/media/" + photo.file())) {
            Files.copy(Objects.requireNonNull(in, "missing /demo/media/" + photo.file()), file,
                    StandardCopyOption.REPLACE_EXISTING);
            return media.upload(file, "image/jpeg", photo.file(), new Metadata(photo.alt(), photo.caption(), photo.credit()),
                    DEMO).id();
        } finally {
            Files.delete(file);
        }
    }

    private static void loadSurvey(DemoSurvey demo, SurveyService surveys, VotingService voting) {
        long id = surveys.create(demo.input(), DEMO).id();
        List<OptionView> options = surveys.open(id, DEMO).options();
        for (int i = 0; i < options.size(); i++) {
            for (int vote = 0; vote < demo.votes().get(i); vote++) {
                byte[] voter = new byte[16];
                RANDOM.nextBytes(voter);
                voting.vote(id, List.of(options.get(i).id()), voter);
            }
        }
    }
}
