package org.bantin.audit;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Keeps a copy of the bytes of an admin write's JSON body as the endpoint's reader reads them
 * (the body is read once), so that the audit log can name its top-level fields. Uploads and any
 * other body that is not JSON pass untouched; JSON bodies are at most bantin.max-request-bytes
 * (1 MiB), and the copy stops at that size whatever the body.
 */
@Provider
public class ChangedFields implements ReaderInterceptor {

    /** Request property set by {@link AdminWrites} on the requests whose body is worth a copy. */
    static final String WANTED = ChangedFields.class.getName() + ".wanted";
    private static final String COPY = ChangedFields.class.getName() + ".copy";
    private static final int MAX_COPY = 1024 * 1024;
    private static final JsonFactory JSON = new JsonFactory();
    private static final MediaType MERGE_PATCH = MediaType.valueOf("application/merge-patch+json");

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (context.getProperty(WANTED) == null || type == null
                || !(type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.isCompatible(MERGE_PATCH))) {
            return context.proceed();
        }
        CopyingStream copying = new CopyingStream(context.getInputStream());
        context.setInputStream(copying);
        context.setProperty(COPY, copying.copy);
        return context.proceed();
    }

    /** The top-level field names of the JSON object this request's body held; empty for no body or another shape. */
    static List<String> of(ContainerRequestContext request) {
        List<String> names = new ArrayList<>();
        if (!(request.getProperty(COPY) instanceof ByteArrayOutputStream copy) || copy.size() == 0) {
            return names;
        }
        try (JsonParser parser = JSON.createParser(copy.toByteArray())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return names;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                names.add(parser.currentName());
                parser.nextToken();
                parser.skipChildren();
            }
        } catch (IOException e) {
            // A body cut at the copy's limit: the names read so far.
        }
        return names;
    }

    /** Passes the bytes on, keeping the first MAX_COPY of them. */
    private static final class CopyingStream extends FilterInputStream {

        final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        CopyingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && copy.size() < MAX_COPY) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                copy.write(buffer, offset, Math.min(n, MAX_COPY - copy.size()));
            }
            return n;
        }
    }
}
