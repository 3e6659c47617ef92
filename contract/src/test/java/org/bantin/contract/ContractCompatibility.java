package org.bantin.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Whether a contract keeps the clients of a released one working (openapi-diff: removed paths, operations or response
 * fields, narrowed types, new required inputs are breaking). A breaking change is allowed only with a higher major
 * version in info.version: the promise the README makes to integrators.
 */
record ContractCompatibility(boolean breaking, boolean majorRaised, String changes) {

    static ContractCompatibility of(String released, String current) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(released, current);
        int releasedMajor = major(diff.getOldSpecOpenApi().getInfo().getVersion());
        int currentMajor = major(diff.getNewSpecOpenApi().getInfo().getVersion());
        return new ContractCompatibility(diff.isIncompatible(), currentMajor > releasedMajor, breakingChanges(diff));
    }

    /** What breaks clients (the operations removed, and the changed ones that break), then every change. */
    private static String breakingChanges(ChangedOpenApi diff) {
        StringBuilder text = new StringBuilder();
        diff.getMissingEndpoints().forEach(gone -> text.append("Removed: ").append(gone.getMethod()).append(' ')
                .append(gone.getPathUrl()).append('\n'));
        diff.getChangedOperations().stream().filter(operation -> operation.isChanged().isIncompatible())
                .forEach(operation -> text.append("Breaks: ").append(operation.getHttpMethod()).append(' ')
                        .append(operation.getPathUrl()).append('\n'));
        ByteArrayOutputStream rendered = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(rendered, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.append("\nEvery change:\n").append(rendered.toString(StandardCharsets.UTF_8)).toString();
    }

    /** Breaking, and its version does not say so. */
    boolean refused() {
        return breaking && !majorRaised;
    }

    private static int major(String version) {
        return Integer.parseInt(version.split("\\.", 2)[0]);
    }
}
