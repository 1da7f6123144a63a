package dev.aicost.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Pretty-printed JSON text written through Jackson's streaming generator. */
final class JsonText {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** What writes the document. */
    interface Body {
        void write(JsonGenerator generator) throws IOException;
    }

    private JsonText() {
    }

    static String write(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.useDefaultPrettyPrinter();
            body.write(generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    /** Writes money as a 6-place decimal string, or null when there is none. */
    static void money(JsonGenerator g, String field, java.math.BigDecimal amount) throws IOException {
        if (amount == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, Numbers.money6(amount));
        }
    }

    /** Writes {@code "name": [ ...strings ]}. */
    static void strings(JsonGenerator g, String name, Iterable<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }
}
