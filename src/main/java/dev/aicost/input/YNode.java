package dev.aicost.input;

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

    /** What YAML resolved a plain scalar to (YAML 1.1 rules, as jackson-dataformat-yaml resolves them). */
    enum ScalarType { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

    /** A scalar with its source text and resolved YAML type. */
    record YScalar(String text, ScalarType type, int line, int column) implements YNode {
        public boolean isNumber() {
            return type == ScalarType.INTEGER || type == ScalarType.DECIMAL;
        }

        public boolean isNull() {
            return type == ScalarType.NULL;
        }

        @Override
        public String kind() {
            return switch (type) {
                case INTEGER, DECIMAL -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "null";
                default -> "a string";
            };
        }
    }
}
