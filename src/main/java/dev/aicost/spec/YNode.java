package dev.aicost.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the position it came from. Specs are read into this small tree (not into
 * objects by reflection) so that every validation message can name line, column and field path,
 * and so that {@code --set} overrides can edit the document before it is validated.
 */
public sealed interface YNode permits YNode.YMap, YNode.YList, YNode.YScalar {

    int line();

    int column();

    /** What the user wrote, for messages: "a mapping", "a list", "a string", "a number". */
    String kind();

    /** A mapping in document order. {@code keys} keeps each key's own position. */
    record YMap(Map<String, YNode> entries, Map<String, int[]> keyPositions, int line, int column)
            implements YNode {
        public YMap {
            entries = new LinkedHashMap<>(entries);
            keyPositions = new LinkedHashMap<>(keyPositions);
        }

        public YNode get(String key) {
            return entries.get(key);
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record YList(List<YNode> items, int line, int column) implements YNode {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar with its source text and resolved YAML type ({@code str}, {@code int},
     * {@code float}, {@code bool}, {@code null}, {@code timestamp}).
     */
    record YScalar(String text, String type, int line, int column) implements YNode {
        public boolean isNumber() {
            return type.equals("int") || type.equals("float");
        }

        public boolean isNull() {
            return type.equals("null");
        }

        @Override
        public String kind() {
            return switch (type) {
                case "int", "float" -> "a number";
                case "bool" -> "a boolean";
                case "null" -> "null";
                case "timestamp" -> "a date";
                default -> "a string";
            };
        }
    }
}
