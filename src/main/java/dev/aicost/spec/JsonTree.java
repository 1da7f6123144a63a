package dev.aicost.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON file into plain maps, lists, strings, booleans and exact {@link BigDecimal}s (a
 * number is taken from its text, never through binary floating point), for the price-list importers.
 */
public final class JsonTree {
    private JsonTree() {
    }

    /** The file's top-level object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(Path path) {
        String file = path.toString();
        InputFiles.record(path);
        if (java.nio.file.Files.isDirectory(path)) {
            throw InputException.of(file, "is a folder, not a JSON file");
        }
        try (JsonParser parser = Json.factory().createParser(java.nio.file.Files.newInputStream(path))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw InputException.of(file, "expected a JSON object");
            }
            Map<String, Object> tree = (Map<String, Object>) value(parser, file);
            Json.requireEnd(parser, file);
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InputException(new Problem(file, at == null ? 0 : at.getLineNr(), at == null ? 0
                    : at.getColumnNr(), null, "invalid JSON: " + e.getOriginalMessage()));
        } catch (java.io.FileNotFoundException | NoSuchFileException e) {
            throw InputException.of(file, "file not found");
        } catch (IOException e) {
            throw InputException.of(file, IoMessages.cannotRead(e));
        }
    }

    private static Object value(JsonParser parser, String file) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    map.put(name, value(parser, file));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser, file));
                }
                return list;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                try {
                    return Decimals.parse(parser.getText());
                } catch (NumberFormatException e) {
                    JsonLocation at = parser.currentTokenLocation();
                    throw new InputException(new Problem(file, at.getLineNr(), at.getColumnNr(),
                            parser.getParsingContext().getParent() == null ? null
                                    : String.valueOf(parser.currentName()), e.getMessage()));
                }
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return parser.getBooleanValue();
            }
            default -> {
                return null;
            }
        }
    }
}
