package org.bantin.article;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.bantin.article.ArticleRecords.ArticleSummary;
import org.bantin.article.ArticleRecords.ArticleView;
import org.bantin.http.CachedResponses;
import org.bantin.http.ClientAddresses;
import org.bantin.http.Page;
import org.bantin.http.PageParams;
import org.bantin.http.PublicResponses;
import org.bantin.http.QueryParams;
import org.bantin.ratelimit.RateLimits;
import org.bantin.ratelimit.RateLimits.Action;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.vertx.core.http.HttpServerRequest;

/** Public reads of published articles. */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {

    private static final int MAX_QUERY_LENGTH = 200;

    private final PublicArticleService articles;
    private final PublicResponses responses;
    private final RateLimits rateLimits;
    private final ClientAddresses clientAddresses;
    private final CachedResponses cachedResponses;

    ArticleResource(PublicArticleService articles, PublicResponses responses, RateLimits rateLimits,
            ClientAddresses clientAddresses, CachedResponses cachedResponses) {
        this.articles = articles;
        this.responses = responses;
        this.rateLimits = rateLimits;
        this.clientAddresses = clientAddresses;
        this.cachedResponses = cachedResponses;
    }

    @GET
    @Operation(operationId = "listArticles", summary = "List published articles", description = "Without `q`: newest first (by publish time, then by id, newest first); page × limit may be at most "
            + PublicArticleService.LIST_DEPTH + " (beyond: a 400 asking for `from`/`to`), and `total` is exact up to "
            + PublicArticleService.LIST_DEPTH + " (beyond: `total` = " + PublicArticleService.LIST_DEPTH
            + ", `totalExact` false). "
            + "With `q`: only the " + ArticleSearch.DEPTH + " newest matching articles (by publish time, then id) are served, "
            + "most relevant first (PostgreSQL ts_rank_cd over title, summary and body, weighted in that order, higher for matches "
            + "close together), equally relevant ones newest first; page × limit may be at most " + ArticleSearch.DEPTH
            + ", and when more articles match, `total` is " + ArticleSearch.DEPTH + " and `totalExact` false. "
            + "Search ignores case and Vietnamese tones and marks.")
    @APIResponse(responseCode = "200", description = "One page of published articles.")
    @APIResponse(responseCode = "429", description = "Too many lists that had to be read from the database (searches, deep pages) from this address; see Retry-After. "
            + "Lists answered from an instance's memory are not counted.")
    public RestResponse<Page<ArticleSummary>> list(@Context HttpHeaders headers, @Context HttpServerRequest request,
            @Parameter(description = "Category slug.", example = "cai-cach-hanh-chinh") @QueryParam("category") String category,
            @Parameter(description = "Tag, exactly as written.", example = "CCHC") @QueryParam("tag") String tag,
            @Parameter(description = "Search words, all of which must appear; case and tones do not matter. Quotes make a phrase, a leading - excludes a word. "
                    + "Results: the newest " + ArticleSearch.DEPTH
                    + " matches, most relevant first.", example = "cai cach hanh chinh", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_QUERY_LENGTH)) @QueryParam("q") String q,
            @Parameter(description = "First publish date, inclusive (Asia/Ho_Chi_Minh).", example = "2023-01-01", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Last publish date, inclusive (Asia/Ho_Chi_Minh).", example = "2023-12-31", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @BeanParam PageParams paging) {
        // Reached only when the response cache could not answer (CachedResponses answers hits before Quarkus REST).
        if (!cachedResponses.isOwnRefresh(request.getHeader(CachedResponses.REFRESH))) {
            rateLimits.take(Action.UNCACHED_LIST_READ, clientAddresses.of(request));
        }
        ArticleFilter filter = new ArticleFilter(QueryParams.text("category", category, 200), QueryParams.text("tag", tag, 60),
                QueryParams.text("q", q, MAX_QUERY_LENGTH), QueryParams.date("from", from), QueryParams.date("to", to));
        return responses.ok(headers, articles.list(filter, paging.request()));
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getArticle", summary = "Get a published article by its slug", description = "An article whose expiry (`unpublishAt`, set when publishing) has passed is 410 Gone; "
            + "the problem's detail says when it expired. Drafts, scheduled and unpublished articles and unknown slugs are 404.")
    @APIResponse(responseCode = "200", description = "The article.")
    @APIResponse(responseCode = "404", description = "No article readers may see has this slug: unknown, a draft, scheduled, or unpublished.")
    @APIResponse(responseCode = "410", description = "The article has expired: readers saw it until its `unpublishAt`, said in `detail`.")
    public RestResponse<ArticleView> get(@Context HttpHeaders headers,
            @Parameter(example = "day-manh-cai-cach-hanh-chinh-huong-den-su-hai-long-cua-nguoi-dan-doanh-nghiep") @PathParam("slug") String slug) {
        return responses.ok(headers, articles.get(slug));
    }
}
