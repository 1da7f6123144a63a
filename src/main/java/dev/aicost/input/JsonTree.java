package dev.aicost.input;

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
    /** Where each object, array and string of the last file read starts (line, column), for messages. */
    private static final Map<Object, int[]> POSITIONS = java.util.Collections.synchronizedMap(
            new java.util.IdentityHashMap<>());
    private static final int MAX_POSITIONS = 2_000_000;

    private JsonTree() {
    }

    /**
     * The importers' complaint about the shape of what they read: the field path and what is wrong,
     * and the value it is about (so that its line and column can be found with {@link #problem}).
     */
    public static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String path;
        private final transient Object value;

        public Bad(String path, Object value, String message) {
            super(message, null, false, false);
            this.path = path;
            this.value = value;
        }

        /** This complaint as a problem of {@code file}, at the value's position when it is known. */
        public Problem problem(String file) {
            int[] at = value == null ? null : POSITIONS.get(value);
            return new Problem(file, at == null ? 0 : at[0], at == null ? 0 : at[1], path, getMessage());
        }
    }

    /** {@code value} as a JSON object; {@link Bad} at {@code path} when it is something else. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new Bad(path, value, "expected a JSON object, got " + describe(value));
    }

    /** The object at {@code key} of {@code map}, or an empty one when absent. */
    public static Map<String, Object> optionalObject(Map<String, Object> map, String key, String path) {
        Object value = map.get(key);
        return value == null ? Map.of() : object(value, path);
    }

    /** A price written as a JSON string or number, exactly; {@link Bad} when it is no number in range. */
    public static BigDecimal decimal(Object value, String path) {
        if (value instanceof BigDecimal number) {
            return number;
        }
        if (value instanceof String text) {
            try {
                return Decimals.parse(text.strip());
            } catch (NumberFormatException e) {
                throw new Bad(path, value, e.getMessage());
            }
        }
        throw new Bad(path, value, "expected a number, got " + describe(value));
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        if (value instanceof String text) {
            return "the string '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
        }
        return String.valueOf(value);
    }

    private static <T> T at(T value, JsonLocation location) {
        if (POSITIONS.size() < MAX_POSITIONS) {
            POSITIONS.put(value, new int[] {location.getLineNr(), location.getColumnNr()});
        }
        return value;
    }

    /** The file's top-level object. */
    public static Map<String, Object> readObject(Path path) {
        String file = path.toString();
        InputFiles.record(path);
        if (java.nio.file.Files.isDirectory(path)) {
            throw InputException.of(file, "is a folder, not a JSON file");
        }
        try {
            return readObject(file, java.nio.file.Files.newInputStream(path));
        } catch (java.io.FileNotFoundException | NoSuchFileException e) {
            throw InputException.of(file, "file not found");
        } catch (IOException e) {
            throw InputException.of(file, IoMessages.cannotRead(e));
        }
    }

    /** The top-level object of JSON read from {@code in} (closed here); {@code file} names it in messages. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(String file, java.io.InputStream in) {
        POSITIONS.clear();
        try (JsonParser parser = Json.factory().createParser(in)) {
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
        } catch (IOException e) {
            throw InputException.of(file, IoMessages.cannotRead(e));
        }
    }

    private static Object value(JsonParser parser, String file) throws IOException {
        JsonToken token = parser.currentToken();
        JsonLocation location = parser.currentTokenLocation();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = at(new LinkedHashMap<>(), location);
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    map.put(name, value(parser, file));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = at(new ArrayList<>(), location);
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
                return at(parser.getText(), location);
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
