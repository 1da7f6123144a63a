package dev.aicost.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import dev.aicost.input.YNode;
import dev.aicost.input.YamlLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * YAML written with jackson-dataformat-yaml's generator: block style, strings unquoted where that
 * is safe and quoted wherever the reader would take the plain text for something else. Jackson
 * quotes YAML's reserved words ({@code on}, {@code no}, {@code null} ...), indicators and
 * {@code ": "}; this writer also quotes every string that {@link YamlLoader} would read back as a
 * number, boolean or null ({@code 1e3}, {@code 0x1F}, {@code 1_000}, {@code .inf}), so what is
 * written as a string is read back as that string.
 */
public final class YamlOut {
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .stringQuotingChecker(new ReaderQuoting())
            .build();

    private final StringWriter text = new StringWriter();
    private final JsonGenerator out;

    /** A document that starts with {@code comments} as '#' lines. */
    public YamlOut(List<String> comments) {
        for (String comment : comments) {
            text.append("#").append(comment.isEmpty() ? "" : " " + comment).append('\n');
        }
        try {
            out = FACTORY.createGenerator(text);
            out.writeStartObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document so far, closed. */
    public String finish() {
        return io(() -> {
            out.writeEndObject();
            out.close();
        }).text.toString();
    }

    public YamlOut string(String key, String value) {
        return value == null ? this : io(() -> out.writeStringField(key, value));
    }

    public YamlOut number(String key, BigDecimal value) {
        return value == null ? this : io(() -> {
            out.writeFieldName(key);
            out.writeNumber(value.toPlainString());
        });
    }

    public YamlOut number(String key, long value) {
        return io(() -> out.writeNumberField(key, value));
    }

    public YamlOut bool(String key, boolean value) {
        return io(() -> out.writeBooleanField(key, value));
    }

    /** A date or other value written as its plain text ({@code effective: 2026-07-01}). */
    public YamlOut plain(String key, Object value) {
        return value == null ? this : io(() -> {
            out.writeFieldName(key);
            out.writeNumber(value.toString());
        });
    }

    public YamlOut strings(String key, List<String> values) {
        return io(() -> {
            out.writeFieldName(key);
            out.writeStartArray();
            for (String value : values) {
                out.writeString(value);
            }
            out.writeEndArray();
        });
    }

    /** A mapping of numbers ({@code images: {1024x1024: 0.04}}). */
    public YamlOut numbers(String key, Map<String, BigDecimal> values) {
        startMap(key);
        values.forEach(this::number);
        return endMap();
    }

    public YamlOut startMap(String key) {
        return io(() -> {
            out.writeFieldName(key);
            out.writeStartObject();
        });
    }

    public YamlOut endMap() {
        return io(out::writeEndObject);
    }

    public YamlOut startList(String key) {
        return io(() -> {
            out.writeFieldName(key);
            out.writeStartArray();
        });
    }

    /** Starts a mapping as the next item of the open list. */
    public YamlOut startItem() {
        return io(out::writeStartObject);
    }

    public YamlOut endList() {
        return io(out::writeEndArray);
    }

    /** A YAML tree as it was read: the same keys, texts and types. */
    public YamlOut tree(String key, YNode node) {
        io(() -> out.writeFieldName(key));
        return node(node);
    }

    /** The whole document {@code root} (a mapping), after {@code comments}. */
    public static String tree(YNode.YMap root, List<String> comments) {
        YamlOut yaml = new YamlOut(comments);
        root.entries().forEach(yaml::tree);
        return yaml.finish();
    }

    private YamlOut node(YNode node) {
        return io(() -> {
            if (node instanceof YNode.YMap map) {
                out.writeStartObject();
                map.entries().forEach(this::tree);
                out.writeEndObject();
            } else if (node instanceof YNode.YList list) {
                out.writeStartArray();
                list.items().forEach(this::node);
                out.writeEndArray();
            } else {
                YNode.YScalar scalar = (YNode.YScalar) node;
                switch (scalar.type()) {
                    case STRING -> out.writeString(scalar.text());
                    case NULL -> out.writeNull();
                    default -> out.writeNumber(scalar.text()); // numbers and booleans as written
                }
            }
        });
    }

    private interface Step {
        void run() throws IOException;
    }

    private YamlOut io(Step step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Jackson's rules, plus: a string the reader would resolve to anything but a string is quoted. */
    private static final class ReaderQuoting extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || YamlLoader.plainType(value) != YNode.ScalarType.STRING;
        }

        @Override
        public boolean needToQuoteName(String name) {
            return super.needToQuoteName(name) || YamlLoader.plainType(name) != YNode.ScalarType.STRING;
        }
    }
}
