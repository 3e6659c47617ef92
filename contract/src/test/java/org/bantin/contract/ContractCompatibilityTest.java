package org.bantin.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;

/** openapi.yaml keeps the clients of the last release (the newest `v*` tag) working, or raises its major version. */
class ContractCompatibilityTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("bantin.repository"));

    @Test
    void theContractKeepsTheClientsOfTheLastRelease() throws Exception {
        String release = git("describe", "--tags", "--abbrev=0", "--match", "v[0-9]*");
        ContractCompatibility compatibility = ContractCompatibility.of(git("show", release + ":openapi.yaml"),
                current());
        assertFalse(compatibility.refused(), () -> "openapi.yaml breaks clients of " + release
                + " without raising the major version of info.version (README, Versioning):\n"
                + compatibility.changes());
    }

    @Test
    void aBreakingEditIsRefusedUntilTheMajorVersionIsRaised() throws Exception {
        String contract = current();
        List<Consumer<OpenAPI>> breakingEdits = List.of(
                api -> api.getPaths().remove("/api/v1/articles/{slug}"),
                api -> schema(api, "Article").getProperties().remove("title"),
                api -> schema(api, "RatingInput").getProperties().get("score").setType("string"),
                api -> schema(api, "CategoryInput").addRequiredItem("slug"));
        for (Consumer<OpenAPI> edit : breakingEdits) {
            OpenAPI edited = parse(contract);
            edit.accept(edited);
            assertTrue(ContractCompatibility.of(contract, Yaml.pretty(edited)).refused(), "a breaking edit let through");
            edited.getInfo().setVersion(raisedMajor(edited.getInfo().getVersion()));
            assertFalse(ContractCompatibility.of(contract, Yaml.pretty(edited)).refused(),
                    "a breaking edit with a new major version refused");
        }
        OpenAPI added = parse(contract);
        added.getPaths().addPathItem("/api/v1/moi", added.getPaths().get("/api/v1/site"));
        assertFalse(ContractCompatibility.of(contract, Yaml.pretty(added)).breaking(), "an addition called breaking");
    }

    private static Schema<?> schema(OpenAPI api, String name) {
        return api.getComponents().getSchemas().get(name);
    }

    private static String raisedMajor(String version) {
        return (Integer.parseInt(version.split("\\.")[0]) + 1) + ".0.0";
    }

    private static OpenAPI parse(String contract) {
        return new OpenAPIV3Parser().readContents(contract).getOpenAPI();
    }

    private static String current() throws IOException {
        return Files.readString(REPOSITORY.resolve("openapi.yaml"));
    }

    private static String git(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", REPOSITORY.toString()));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (git.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (a clone without its release tags?"
                    + " git fetch --tags):\n" + output);
        }
        return output.strip();
    }
}
