package org.bantin.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * JSON already serialised to bytes (they were hashed for the ETag), written out as is. The
 * endpoint's declared type decides the writer (Jackson), so the bytes pass through it raw.
 */
@JsonSerialize(using = SerializedJson.RawWriter.class)
record SerializedJson(byte[] bytes) {

    static class RawWriter extends JsonSerializer<SerializedJson> {

        @Override
        public void serialize(SerializedJson json, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeRawValue(new String(json.bytes(), StandardCharsets.UTF_8));
        }
    }
}
