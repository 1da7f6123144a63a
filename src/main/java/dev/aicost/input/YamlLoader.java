package dev.aicost.input;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a YAML file into a {@link YNode} tree, safely: SnakeYAML is used only to compose nodes
 * (no object construction), aliases to collections are capped, nesting depth and document size
 * are bounded, and duplicate keys are errors with both positions.
 */
public final class YamlLoader {
    static final int MAX_DEPTH = 40;
    static final int MAX_ALIASES = 50;
    static final int MAX_NODES = 200_000;
    static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    /** No workload spec or card is near this size; a bigger file is refused before it is parsed. */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    private final String file;
    private int nodes;

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
        return new YamlLoader(name).read(new java.io.StringReader(text));
    }

    /** Loads YAML text; {@code name} is used in messages. */
    public static YNode load(String name, Reader reader) {
        return new YamlLoader(name).read(reader);
    }

    private YNode read(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        Node root;
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(reader), options),
                    new Resolver(), options);
            root = composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new InputException(new Problem(file, mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1, null, "invalid YAML: " + what));
        } catch (YAMLException e) {
            throw InputException.of(file, "invalid YAML: " + firstLine(e.getMessage()));
        }
        if (root == null) {
            throw InputException.of(file, "is empty");
        }
        return convert(root, 0);
    }

    private YNode convert(Node node, int depth) {
        int line = node.getStartMark().getLine() + 1;
        int column = node.getStartMark().getColumn() + 1;
        if (depth > MAX_DEPTH) {
            throw new InputException(new Problem(file, line, column, null,
                    "nesting deeper than " + MAX_DEPTH + " levels (or a recursive alias)"));
        }
        if (++nodes > MAX_NODES) {
            throw new InputException(new Problem(file, line, column, null,
                    "document expands to more than " + MAX_NODES + " values (alias expansion?)"));
        }
        if (node instanceof ScalarNode scalar) {
            return new YNode.YScalar(scalar.getValue(), YNode.ScalarType.of(scalar.getTag()), line, column);
        }
        if (node instanceof SequenceNode sequence) {
            List<YNode> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(convert(item, depth + 1));
            }
            return new YNode.YList(items, line, column);
        }
        MappingNode mapping = (MappingNode) node;
        Map<String, YNode> entries = new LinkedHashMap<>();
        Map<String, int[]> positions = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            int keyLine = keyNode.getStartMark().getLine() + 1;
            int keyColumn = keyNode.getStartMark().getColumn() + 1;
            if (!(keyNode instanceof ScalarNode keyScalar)) {
                throw new InputException(new Problem(file, keyLine, keyColumn, null,
                        "mapping keys must be plain strings"));
            }
            String key = keyScalar.getValue();
            if (entries.containsKey(key)) {
                int[] first = positions.get(key);
                throw new InputException(new Problem(file, keyLine, keyColumn, null,
                        "duplicate key '" + key + "' (first at line " + first[0] + ")"));
            }
            positions.put(key, new int[] {keyLine, keyColumn});
            entries.put(key, convert(tuple.getValueNode(), depth + 1));
        }
        return new YNode.YMap(entries, positions, line, column);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
