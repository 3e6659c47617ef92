package org.bantin.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bantin.voter.VoterTokens;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Adds to the contract what follows from an endpoint's shape rather than from its own
 * annotations, the same way for all: problem responses, bearer security on /admin,
 * and caching headers on public reads. Kept in one place so that no endpoint forgets one.
 */
public class ContractFilter implements OASFilter {

    private static final String ADMIN_PATHS = "/api/v1/admin/";
    private static final String BEARER = "bearer";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API token from POST /api/v1/admin/tokens, or the value of BANTIN_ADMIN_TOKEN."));
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> complete(path, method, operation)));
    }

    private void complete(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean admin = path.startsWith(ADMIN_PATHS);
        if (admin) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
            addProblem(responses, "401", "No token, or an unknown, revoked or expired one.");
            addProblem(responses, "403", "The token's role does not allow this.");
        } else if (method == PathItem.HttpMethod.GET) {
            addCachingHeaders(responses, parameters.stream().anyMatch(p -> VoterTokens.HEADER.equals(p.getName())));
        }
        if (operation.getRequestBody() != null) {
            addProblem(responses, "400", "The body is not JSON, or a field has the wrong type or an unknown name.");
            addProblem(responses, "413", "The body is larger than the limit (1 MiB by default).");
            if (!path.equals(RequestSizeFilter.UPLOADS)) {
                addProblem(responses, "411", "The body was sent without Content-Length (chunked); only uploads may be.");
            }
            addProblem(responses, "415", "The body is not sent as application/json.");
            addProblem(responses, "422", "Fields are invalid; `errors` names each one.");
        } else if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY)) {
            addProblem(responses, "400", "A query parameter is invalid; `errors` names it.");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            addProblem(responses, "404", "Nothing has this id or slug.");
        }
        if (parameters.stream().anyMatch(p -> "If-Match".equals(p.getName()))) {
            addProblem(responses, "412", "If-Match names another version than the current one.");
        }
        if (admin && method == PathItem.HttpMethod.DELETE) {
            addProblem(responses, "409",
                    "Other content refers to it (e.g. a consultation to its document); nothing was deleted.");
        }
        addProblem(responses, "503",
                "The database is unavailable for a moment (a restart, a failover), or a search or deep page took longer than the time allowed; try again after Retry-After.");
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") && response.getContent() == null) {
                response.setContent(problemContent());
            }
            if (code.equals("429") || code.equals("503")) {
                response.addHeader("Retry-After", header("Seconds to wait before trying again."));
            }
        });
    }

    private static void addProblem(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description).content(problemContent()));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(ProblemMappers.PROBLEM_JSON,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }

    /**
     * Public reads carry ETag and Cache-Control, and answer a matching If-None-Match with 304;
     * those whose body depends on the reader's Voter-Token also say so in Vary.
     */
    private static void addCachingHeaders(APIResponses responses, boolean perReader) {
        APIResponse ok = responses.getAPIResponse("200");
        if (ok == null) {
            throw new IllegalStateException("A public GET without a documented 200 response");
        }
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put("ETag", header("Hash of the body; send it back as If-None-Match."));
        headers.put("Cache-Control", header("How long shared caches may keep the response."));
        if (perReader) {
            headers.put("Vary", header("Voter-Token: the body differs with the reader's token."));
        }
        headers.forEach(ok::addHeader);
        APIResponse notModified = OASFactory.createAPIResponse()
                .description("The body is unchanged since the ETag sent in If-None-Match.");
        headers.forEach(notModified::addHeader);
        responses.addAPIResponse("304", notModified);
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
    }
}
