package dev.aicost.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;

/**
 * The JSON parser settings of every JSON input (baselines, price lists, EDP inputs, logs): a key
 * given twice in one object is an error, numbers, strings and nesting are bounded, and a file must
 * hold one value and nothing after it. Byte input lets Jackson skip a UTF-8 byte-order mark and
 * place invalid UTF-8 at its line and column.
 */
public final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(Decimals.MAX_CHARS)
                    .maxNestingDepth(64).maxStringLength(16 * 1024 * 1024).build())
            .build();

    private Json() {
    }

    public static JsonFactory factory() {
        return FACTORY;
    }

    /** Bad input unless {@code parser}, after the root value, is at the end of the file. */
    public static void requireEnd(JsonParser parser, String file) throws IOException {
        if (parser.nextToken() != null) {
            JsonLocation at = parser.currentTokenLocation();
            throw new InputException(new Problem(file, Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr()), null,
                    "invalid JSON: more after the end of the top-level value"));
        }
    }
}
