package org.bantin.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bantin.support.ApiTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ContractTest extends ApiTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * The contract the code serves must be the published openapi.yaml. When the code changes on
     * purpose, review api/target/openapi-served.yaml and copy it over openapi.yaml.
     */
    @Test
    void servedContractIsThePublishedOne() throws IOException {
        String served = given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        Path servedCopy = Path.of("target/openapi-served.yaml");
        Files.writeString(servedCopy, served, StandardCharsets.UTF_8);
        JsonNode published = YAML.readTree(Path.of(CONTRACT).toFile());
        assertEquals(published, YAML.readTree(served),
                "The served contract differs from openapi.yaml; compare it with " + servedCopy.toAbsolutePath());
    }
}
