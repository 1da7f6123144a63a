package dev.aicost.input;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Typed, strict access to a {@link YNode} tree that records every problem (with file, position
 * and field path) instead of stopping at the first. Binders read all fields, then call
 * {@link #throwIfAny()}.
 */
public final class Fields {
    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    public Fields(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public List<Problem> problems() {
        return problems;
    }

    public void problem(YNode at, String path, String message) {
        problems.add(new Problem(file, at == null ? 0 : at.line(), at == null ? 0 : at.column(),
                path, message));
    }

    /** A problem at the key {@code key} of {@code map} (not at its value, which may start a line later). */
    public void problemAtKey(YNode.YMap map, String key, String path, String message) {
        int[] pos = map.keyPositions().get(key);
        if (pos == null) {
            problem(map.get(key), path, message);
        } else {
            problems.add(new Problem(file, pos[0], pos[1], path, message));
        }
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
    }

    /**
     * The top of a spec: a mapping with only {@code keys} and {@code schema: expected}. Stops at
     * once when the document is not a mapping; other problems are collected.
     */
    public YNode.YMap top(YNode root, Set<String> keys, String expected) {
        YNode.YMap top = map(root, "");
        if (top == null) {
            throwIfAny();
        }
        onlyKeys(top, "", keys);
        String schema = string(top, "schema", "", true);
        if (schema != null && !schema.equals(expected)) {
            problem(top.get("schema"), "schema", "expected '" + expected + "', got '" + schema + "'");
        }
        return top;
    }

    /** {@code node} as a mapping, or null with a problem. */
    public YNode.YMap map(YNode node, String path) {
        if (node instanceof YNode.YMap map) {
            return map;
        }
        problem(node, path, "expected a mapping, got " + describe(node));
        return null;
    }

    public YNode.YList list(YNode node, String path) {
        if (node instanceof YNode.YList list) {
            return list;
        }
        problem(node, path, "expected a list, got " + describe(node));
        return null;
    }

    /** Reports keys of {@code map} outside {@code allowed}, with a "did you mean" hint. */
    public void onlyKeys(YNode.YMap map, String path, Collection<String> allowed) {
        for (String key : map.entries().keySet()) {
            if (!allowed.contains(key)) {
                int[] pos = map.keyPositions().get(key);
                String hint = Suggest.closest(key, allowed, 1).stream().findFirst()
                        .map(s -> " (did you mean '" + s + "'?)").orElse("");
                problems.add(new Problem(file, pos[0], pos[1], join(path, key),
                        "unknown key" + hint + "; allowed: " + String.join(", ", sorted(allowed))));
            }
        }
    }

    public boolean has(YNode.YMap map, String key) {
        return map != null && map.entries().containsKey(key) && !isNull(map.get(key));
    }

    public YNode.YScalar scalar(YNode node, String path) {
        if (node instanceof YNode.YScalar scalar) {
            return scalar;
        }
        problem(node, path, "expected a single value, got " + describe(node));
        return null;
    }

    /** A string field; null when absent (with a problem when {@code required}). */
    public String string(YNode.YMap map, String key, String path, boolean required) {
        YNode.YScalar scalar = scalarField(map, key, path, required);
        if (scalar == null) {
            return null;
        }
        if (scalar.text().isBlank()) {
            problem(scalar, join(path, key), "must not be empty");
            return null;
        }
        return scalar.text();
    }

    /** A date-like or string field, kept as text ({@code 2026-10-01}). */
    public String date(YNode.YMap map, String key, String path, boolean required) {
        YNode.YScalar scalar = scalarField(map, key, path, required);
        if (scalar == null) {
            return null;
        }
        if (!scalar.text().matches("\\d{4}-\\d{2}-\\d{2}")) {
            problem(scalar, join(path, key), "expected a date YYYY-MM-DD, got '" + scalar.text() + "'");
            return null;
        }
        try {
            java.time.LocalDate.parse(scalar.text());
        } catch (java.time.DateTimeException e) {
            problem(scalar, join(path, key), "not a valid date: '" + scalar.text() + "'");
            return null;
        }
        return scalar.text();
    }

    /** The scalar at {@code key}; null (with a problem where due) when absent or not a single value. */
    private YNode.YScalar scalarField(YNode.YMap map, String key, String path, boolean required) {
        YNode node = present(map, key, path, required);
        return node == null ? null : scalar(node, join(path, key));
    }

    /** A number field read exactly from its text; null when absent or wrong. */
    public BigDecimal number(YNode.YMap map, String key, String path, boolean required) {
        YNode node = present(map, key, path, required);
        return node == null ? null : number(node, join(path, key));
    }

    public BigDecimal number(YNode node, String path) {
        YNode.YScalar scalar = scalar(node, path);
        if (scalar == null) {
            return null;
        }
        if (!scalar.isNumber()) {
            problem(node, path, "expected a number, got " + scalar.kind() + " '" + scalar.text() + "'");
            return null;
        }
        String text = scalar.text().replace("_", "");
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("nan") || lower.contains("inf")) {
            problem(node, path, "must be a finite number, got " + scalar.text());
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            problem(node, path, "not a decimal number: " + scalar.text());
            return null;
        }
        String range = Decimals.check(value);
        if (range != null || text.length() > Decimals.MAX_CHARS) {
            problem(node, path, "is " + (range == null ? "out of range: " + Decimals.RANGE : range) + ", got "
                    + scalar.text());
            return null;
        }
        return value;
    }

    /** A number that must lie in [min, max] (either bound may be null). */
    public BigDecimal number(YNode.YMap map, String key, String path, boolean required,
            BigDecimal min, BigDecimal max) {
        BigDecimal value = number(map, key, path, required);
        if (value != null) {
            return checkRange(map.get(key), join(path, key), value, min, max);
        }
        return null;
    }

    public BigDecimal checkRange(YNode at, String path, BigDecimal value, BigDecimal min, BigDecimal max) {
        if (min != null && max != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
            problem(at, path, "must be between " + min.toPlainString() + " and "
                    + max.toPlainString() + ", got " + value.toPlainString());
            return null;
        }
        if (min != null && value.compareTo(min) < 0) {
            problem(at, path, (min.signum() == 0 ? "must not be negative" : "must be at least "
                    + min.toPlainString()) + ", got " + value.toPlainString());
            return null;
        }
        if (max != null && value.compareTo(max) > 0) {
            problem(at, path, "must be at most " + max.toPlainString() + ", got " + value.toPlainString());
            return null;
        }
        return value;
    }

    /** A whole number >= min; null when absent or wrong. */
    public Long whole(YNode.YMap map, String key, String path, boolean required, long min) {
        BigDecimal value = number(map, key, path, required);
        if (value == null) {
            return null;
        }
        if (value.stripTrailingZeros().scale() > 0) {
            problem(map.get(key), join(path, key), "must be a whole number, got " + value.toPlainString());
            return null;
        }
        if (checkRange(map.get(key), join(path, key), value, BigDecimal.valueOf(min), null) == null) {
            return null;
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            problem(map.get(key), join(path, key), "is too large: " + value.toPlainString());
            return null;
        }
    }

    public Boolean bool(YNode.YMap map, String key, String path) {
        YNode node = present(map, key, path, false);
        if (node == null) {
            return null;
        }
        YNode.YScalar scalar = scalar(node, join(path, key));
        if (scalar == null) {
            return null;
        }
        if (scalar.type() != YNode.ScalarType.BOOLEAN) {
            problem(node, join(path, key), "expected true or false, got '" + scalar.text() + "'");
            return null;
        }
        return Boolean.parseBoolean(scalar.text().toLowerCase(java.util.Locale.ROOT));
    }

    /** A list of strings; null when absent. */
    public List<String> strings(YNode.YMap map, String key, String path) {
        YNode node = present(map, key, path, false);
        if (node == null) {
            return null;
        }
        YNode.YList list = list(node, join(path, key));
        if (list == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            YNode.YScalar scalar = scalar(list.items().get(i), join(path, key) + "[" + i + "]");
            if (scalar != null) {
                out.add(scalar.text());
            }
        }
        return out;
    }

    private YNode present(YNode.YMap map, String key, String path, boolean required) {
        if (map == null) {
            return null;
        }
        YNode node = map.get(key);
        if (node == null || isNull(node)) {
            if (required) {
                problem(node == null ? map : node, join(path, key), "is required");
            }
            return null;
        }
        return node;
    }

    static boolean isNull(YNode node) {
        return node instanceof YNode.YScalar scalar && scalar.isNull();
    }

    static String describe(YNode node) {
        if (node instanceof YNode.YScalar scalar) {
            return scalar.kind() + (scalar.isNull() ? "" : " '" + scalar.text() + "'");
        }
        return node == null ? "nothing" : node.kind();
    }

    public static String join(String path, String key) {
        return path == null || path.isEmpty() ? key : path + "." + key;
    }

    private static List<String> sorted(Collection<String> values) {
        return values.stream().sorted().toList();
    }

    /** Keys that a mapping may hold, in a set. */
    public static Set<String> keys(String... keys) {
        return Set.of(keys);
    }
}
