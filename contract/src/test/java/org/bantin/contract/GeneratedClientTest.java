package org.bantin.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.bantin.client.ApiClient;
import org.bantin.client.ApiException;
import org.bantin.client.api.AdminArticlesApi;
import org.bantin.client.api.AdminCategoriesApi;
import org.bantin.client.api.ArticlesApi;
import org.bantin.client.api.ReadersApi;
import org.bantin.client.model.AdminArticle;
import org.bantin.client.model.Article;
import org.bantin.client.model.ArticleInput;
import org.bantin.client.model.CategoryInput;
import org.bantin.client.model.RatingInput;
import org.bantin.client.model.RatingSummary;
import org.bantin.client.model.VoterChallenge;
import org.bantin.client.model.VoterChallengeSolution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Java client generated from openapi.yaml alone (openapi-generator, at build time) does an editor's and a reader's
 * work against the packaged API: the contract is usable, not only valid.
 */
class GeneratedClientTest {

    private static PackagedApi api;

    @BeforeAll
    static void start() throws Exception {
        api = new PackagedApi();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void anEditorPublishesAndAReaderReadsAndRates() throws Exception {
        ApiClient editor = client().setRequestInterceptor(
                request -> request.header("Authorization", "Bearer " + api.adminToken));
        new AdminCategoriesApi(editor).createCategory(new CategoryInput().name("Chuyển đổi số"));
        AdminArticlesApi articles = new AdminArticlesApi(editor);
        AdminArticle draft = articles.createArticle(new ArticleInput().title("Ký kết hợp tác chuyển đổi số cấp xã")
                .category("chuyen-doi-so").summary("Sở và 27 xã ký kết chương trình phối hợp.")
                .body("<p>Chương trình kéo dài đến năm 2026.</p>").addTagsItem("chuyển đổi số"));
        AdminArticle published = articles.publishArticle(draft.getId(), null, null);
        assertEquals("published", published.getState().getValue());

        ApiClient reader = client();
        Article read = new ArticlesApi(reader).getArticle(draft.getSlug());
        assertEquals("Ký kết hợp tác chuyển đổi số cấp xã", read.getTitle());
        assertEquals("<p>Chương trình kéo dài đến năm 2026.</p>", read.getBody());
        assertEquals("Chuyển đổi số", read.getCategory().getName());

        ReadersApi anonymous = new ReadersApi(reader);
        String voterToken = anonymous.createVoter(solve(anonymous.createVoterChallenge())).getToken();
        // The contract declares the Voter-Token as an apiKey scheme; this client library sends credentials so.
        ReadersApi voter = new ReadersApi(client().setRequestInterceptor(request -> request.header("Voter-Token", voterToken)));
        RatingSummary rated = voter.rateArticle(draft.getSlug(), new RatingInput().score(5));
        assertEquals(1L, rated.getCount());
        assertEquals(5, rated.getMyScore());
        assertEquals(5, voter.getArticleRating(draft.getSlug()).getMyScore());
        assertEquals(null, anonymous.getArticleRating(draft.getSlug()).getMyScore());
    }

    @Test
    void refusalsArriveAsTheContractSays() {
        ApiClient reader = client();
        ApiException missing = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                () -> new ArticlesApi(reader).getArticle("khong-co-bai-nay"));
        assertEquals(404, missing.getCode());
        assertTrue(missing.getResponseHeaders().firstValue("Content-Type").orElseThrow()
                .startsWith("application/problem+json"));
    }

    private static ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(api.baseUri);
        return client;
    }

    /** The number n with SHA-256(salt + n) equal to the challenge, as a reader's browser finds it. */
    private static VoterChallengeSolution solve(VoterChallenge challenge) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (long n = 0; n <= challenge.getMaxnumber(); n++) {
            String hash = HexFormat.of()
                    .formatHex(sha256.digest((challenge.getSalt() + n).getBytes(StandardCharsets.UTF_8)));
            if (hash.equals(challenge.getChallenge())) {
                return new VoterChallengeSolution().algorithm(challenge.getAlgorithm())
                        .challenge(challenge.getChallenge()).number(n).salt(challenge.getSalt())
                        .signature(challenge.getSignature());
            }
        }
        throw new AssertionError("No number solves " + challenge);
    }
}
