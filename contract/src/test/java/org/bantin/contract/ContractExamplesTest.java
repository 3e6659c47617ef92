package org.bantin.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;

/**
 * Every request and response body of openapi.yaml has an example (Redocly's lint checks each against its schema),
 * except bodies of bytes: files and images, which no text example shows.
 */
class ContractExamplesTest {

    @Test
    void everyBodyHasAnExample() throws Exception {
        String text = Files.readString(Path.of(System.getProperty("bantin.repository"), "openapi.yaml"));
        OpenAPI contract = new OpenAPIV3Parser().readContents(text).getOpenAPI();
        List<String> without = new ArrayList<>();
        contract.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (operation.getRequestBody() != null) {
                check(contract, operation.getRequestBody().getContent(), method + " " + path + " request", without);
            }
            if (method != PathItem.HttpMethod.HEAD) { // whose answers have headers only
                operation.getResponses().forEach((status, response) -> check(contract, response.getContent(),
                        method + " " + path + " " + status, without));
            }
        }));
        assertEquals(List.of(), without, "bodies without an example");
    }

    private static void check(OpenAPI contract, Content content, String where, List<String> without) {
        if (content == null) {
            return;
        }
        for (Map.Entry<String, MediaType> body : content.entrySet()) {
            MediaType media = body.getValue();
            if (media.getExample() == null && media.getExamples() == null && !bytes(contract, media.getSchema())) {
                without.add(where + " " + body.getKey());
            }
        }
    }

    private static boolean bytes(OpenAPI contract, Schema<?> schema) {
        if (schema != null && schema.get$ref() != null) {
            schema = contract.getComponents().getSchemas().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        }
        return schema != null && "binary".equals(schema.getFormat());
    }
}
