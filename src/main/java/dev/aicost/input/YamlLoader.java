package dev.aicost.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML file into a {@link YNode} tree with jackson-dataformat-yaml's streaming parser:
 * each token's location gives the line and column every message names, no object is ever
 * constructed from the document, and the bounds are the factory's: document size (code points)
 * through its SnakeYAML loader options, nesting depth, and a cap on aliases to collections and on
 * the values a document expands to, so an alias bomb is refused. Duplicate keys are errors with
 * both positions.
 */
public final class YamlLoader {
    static final int MAX_DEPTH = 40;
    static final int MAX_ALIASES = 50;
    static final int MAX_NODES = 200_000;
    static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    /** No workload spec or card is near this size; a bigger file is refused before it is parsed. */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    private static YAMLFactory factory;

    private final String file;
    private final Map<String, Anchored> anchors = new HashMap<>();
    private int nodes;
    private int collectionAliases;

    /** An anchored value and how many values it holds, so an alias to it counts them all again. */
    private record Anchored(YNode node, int size) {
    }

    private YamlLoader(String file) {
        this.file = file;
    }

    /** Loads {@code path}; the name shown in messages is {@code path} as given. */
    public static YNode load(Path path) {
        String name = path.toString();
        if (Files.notExists(path)) {
            throw InputException.of(name, "file not found");
        }
        String text = TextFiles.read(path, MAX_BYTES, "a YAML spec or rate card");
        return new YamlLoader(name).read(new StringReader(text));
    }

    /** Loads YAML text; {@code name} is used in messages. */
    public static YNode load(String name, Reader reader) {
        return new YamlLoader(name).read(reader);
    }

    /**
     * What a plain scalar written as {@code text} resolves to, exactly as it would in a file (so
     * {@code --set w.mix.batch=0.5} is a number and {@code --set w.name=on} a boolean). Text that
     * is not one plain scalar on its own (a colon and space, a leading quote) is a string.
     */
    public static YNode.ScalarType plainType(String text) {
        if (text.isEmpty()) {
            return YNode.ScalarType.NULL;
        }
        try (YAMLParser parser = factory().createParser(new StringReader(text))) {
            JsonToken first = parser.nextToken();
            YNode.ScalarType type = first == null || first.isStructStart() ? null : type(first);
            if (type == null || parser.isCurrentAlias() || !text.equals(parser.getText())
                    || parser.nextToken() != null) {
                return YNode.ScalarType.STRING;
            }
            return type;
        } catch (IOException | RuntimeException e) {
            return YNode.ScalarType.STRING;
        }
    }

    private static synchronized YAMLFactory factory() {
        if (factory == null) {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(MAX_ALIASES);
            options.setNestingDepthLimit(MAX_DEPTH + 2);
            options.setCodePointLimit(MAX_CODE_POINTS);
            options.setAllowRecursiveKeys(false);
            factory = YAMLFactory.builder().loaderOptions(options)
                    .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 2).build())
                    .build();
        }
        return factory;
    }

    private YNode read(Reader reader) {
        try (YAMLParser parser = factory().createParser(reader)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw InputException.of(file, "is empty");
            }
            YNode root = value(parser, token, 0);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new InputException(new Problem(file, at.getLineNr(), at.getColumnNr(), null,
                        "invalid YAML: expected a single document"));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new InputException(problem(e));
        } catch (IOException e) {
            throw InputException.of(file, "invalid YAML: " + firstLine(e.getMessage()));
        }
    }

    /** The SnakeYAML problem and its mark when there is one (the messages SnakeYAML words best). */
    private Problem problem(JsonProcessingException e) {
        Throwable cause = e.getCause();
        if (cause instanceof MarkedYAMLException marked) {
            Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
            String what = marked.getProblem() != null ? marked.getProblem() : marked.getMessage();
            return new Problem(file, mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                    null, "invalid YAML: " + firstLine(what));
        }
        JsonLocation at = e.getLocation();
        String what = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getOriginalMessage();
        if (what != null && what.startsWith("Expected a field name")) {
            return new Problem(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), null,
                    "mapping keys must be plain strings");
        }
        return new Problem(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), null,
                "invalid YAML: " + firstLine(what));
    }

    private YNode value(YAMLParser parser, JsonToken token, int depth) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        if (depth > MAX_DEPTH) {
            throw new InputException(new Problem(file, line, column, null,
                    "nesting depth over " + MAX_DEPTH + " levels (or a recursive alias)"));
        }
        String anchor = parser.getObjectId();
        int before = nodes;
        count(1, line, column);
        YNode node;
        if (token == JsonToken.START_OBJECT) {
            node = mapping(parser, depth, line, column);
        } else if (token == JsonToken.START_ARRAY) {
            List<YNode> items = new ArrayList<>();
            for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                items.add(value(parser, next, depth + 1));
            }
            node = new YNode.YList(items, line, column);
        } else if (parser.isCurrentAlias()) {
            return alias(parser.getText(), line, column);
        } else {
            node = new YNode.YScalar(parser.getText(), type(token), line, column);
        }
        if (anchor != null) {
            anchors.put(anchor, new Anchored(node, nodes - before));
        }
        return node;
    }

    private YNode mapping(YAMLParser parser, int depth, int line, int column) throws IOException {
        Map<String, YNode> entries = new LinkedHashMap<>();
        Map<String, int[]> positions = new LinkedHashMap<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
            JsonLocation keyAt = parser.currentTokenLocation();
            String key = parser.currentName();
            if (entries.containsKey(key)) {
                int[] first = positions.get(key);
                throw new InputException(new Problem(file, keyAt.getLineNr(), keyAt.getColumnNr(), null,
                        "duplicate key '" + key + "' (first at line " + first[0] + ")"));
            }
            positions.put(key, new int[] {keyAt.getLineNr(), keyAt.getColumnNr()});
            entries.put(key, value(parser, parser.nextToken(), depth + 1));
        }
        return new YNode.YMap(entries, positions, line, column);
    }

    /** The anchored value again (trees are never changed in place before binding copies them). */
    private YNode alias(String name, int line, int column) {
        Anchored anchored = anchors.get(name);
        if (anchored == null) {
            throw new InputException(new Problem(file, line, column, null,
                    "invalid YAML: found undefined alias " + name));
        }
        if (!(anchored.node() instanceof YNode.YScalar) && ++collectionAliases > MAX_ALIASES) {
            throw new InputException(new Problem(file, line, column, null,
                    "invalid YAML: more than " + MAX_ALIASES + " aliases to mappings or lists"));
        }
        count(anchored.size(), line, column);
        return copy(anchored.node());
    }

    private void count(int values, int line, int column) {
        nodes += values;
        if (nodes > MAX_NODES) {
            throw new InputException(new Problem(file, line, column, null,
                    "document expands to more than " + MAX_NODES + " values (alias expansion?)"));
        }
    }

    /** A deep copy: {@code --set} edits mappings in place, and an alias must not share them. */
    private static YNode copy(YNode node) {
        if (node instanceof YNode.YMap map) {
            Map<String, YNode> entries = new LinkedHashMap<>();
            map.entries().forEach((key, child) -> entries.put(key, copy(child)));
            return new YNode.YMap(entries, map.keyPositions(), map.line(), map.column());
        }
        if (node instanceof YNode.YList list) {
            return new YNode.YList(list.items().stream().map(YamlLoader::copy).toList(), list.line(), list.column());
        }
        return node;
    }

    private static YNode.ScalarType type(JsonToken token) {
        switch (token) {
            case VALUE_NUMBER_INT:
                return YNode.ScalarType.INTEGER;
            case VALUE_NUMBER_FLOAT:
                return YNode.ScalarType.DECIMAL;
            case VALUE_TRUE:
            case VALUE_FALSE:
                return YNode.ScalarType.BOOLEAN;
            case VALUE_NULL:
                return YNode.ScalarType.NULL;
            case VALUE_STRING:
                return YNode.ScalarType.STRING;
            default:
                return null;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
