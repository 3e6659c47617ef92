package org.bantin.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.LocalDate;
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
import org.bantin.document.DocumentRecords.DocumentInput;
import org.bantin.document.DocumentRecords.Signer;
import org.bantin.document.DocumentService;
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

/** Fills an empty database with the demo site (the model page's article and a few more, legal documents), once. */
public class DemoContent {

    private static final Logger LOG = Logger.getLogger(DemoContent.class);
    private static final Caller DEMO = new Caller(null, "Bantin demo", Role.ADMIN);
    private static final SecureRandom RANDOM = new SecureRandom();

    record Content(List<CategoryInput> categories, List<DemoMedia> media, List<DemoArticle> articles, DemoSurvey survey,
            List<DemoDocument> documents) {
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

    /**
     * A legal document; its attachments are PDF files of /demo/documents/, and its relations name earlier documents of
     * the list by number, as ids are known only once created.
     */
    record DemoDocument(String number, String type, String issuer, Signer signer, String field, LocalDate issuedAt,
            LocalDate effectiveAt, LocalDate expiresAt, String summary, List<String> attachments, List<String> replaces,
            List<String> amends, List<String> guides) {

        DocumentInput input(Map<String, Long> attachmentIds, Map<String, Long> documentIds) {
            return new DocumentInput(number, type, issuer, signer, field, issuedAt, effectiveAt, expiresAt, summary,
                    idsOf(attachments, attachmentIds), idsOf(replaces, documentIds), List.of(), idsOf(amends, documentIds),
                    idsOf(guides, documentIds));
        }

        private static List<Long> idsOf(List<String> names, Map<String, Long> ids) {
            return names.stream().map(name -> Objects.requireNonNull(ids.get(name), "no demo document or file " + name))
                    .toList();
        }
    }

    @Transactional
    void loadIntoEmptyDatabase(@Observes StartupEvent start, @ConfigProperty(name = "bantin.demo-content") boolean enabled,
            ObjectMapper json, CategoryService categories, MediaService media, ArticleService articles,
            SurveyService surveys, VotingService voting, QuestionService questions, DocumentService documents,
            DemoConsultations consultations)
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
            mediaIds.put(photo.file(), upload("/demo/media/", photo.file(), "image/jpeg",
                    new Metadata(photo.alt(), photo.caption(), photo.credit()), media));
        }
        content.articles().forEach(article -> {
            long id = articles.create(article.input(mediaIds), DEMO).id();
            articles.publish(id, new PublishRequest(article.publishedAt(), null), null, DEMO);
        });
        loadSurvey(content.survey(), surveys, voting);
        DemoQuestions.load(questions, DEMO);
        loadDocuments(content.documents(), media, documents);
        consultations.load();
        LOG.infof(
                "Demo content loaded: %d categories, %d photos, %d articles, a survey, questions, %d documents, consultations",
                content.categories().size(), content.media().size(), content.articles().size(), content.documents().size());
    }

    /** A file of the demo, from `folder` of the resources, into the media library. */
    private static long upload(String folder, String name, String contentType, Metadata metadata, MediaService media)
            throws IOException {
        Path file = Files.createTempFile("bantin-demo-", null);
        try (InputStream in = DemoContent.class.getResourceAsStream(folder + name)) {
            Files.copy(Objects.requireNonNull(in, "missing " + folder + name), file, StandardCopyOption.REPLACE_EXISTING);
            return media.upload(file, contentType, name, metadata, DEMO).id();
        } finally {
            Files.delete(file);
        }
    }

    /** Each document published, in the list's order, so that relations name documents made before them. */
    private static void loadDocuments(List<DemoDocument> demo, MediaService media, DocumentService documents)
            throws IOException {
        Map<String, Long> attachmentIds = new HashMap<>();
        Map<String, Long> documentIds = new HashMap<>();
        for (DemoDocument document : demo) {
            for (String pdf : document.attachments()) {
                attachmentIds.put(pdf, upload("/demo/documents/", pdf, "application/pdf", new Metadata(null, null, null),
                        media));
            }
            long id = documents.create(document.input(attachmentIds, documentIds), DEMO).id();
            documents.publish(id, null, DEMO);
            documentIds.put(document.number(), id);
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
