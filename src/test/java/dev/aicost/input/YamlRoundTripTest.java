package dev.aicost.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.model.TokenPrices;
import dev.aicost.render.RateCardYaml;
import dev.aicost.render.YamlOut;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** YAML in and out through jackson-dataformat-yaml: what is written is read back unchanged. */
class YamlRoundTripTest {

    static Stream<Path> shippedYaml() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("ratecards", "examples", "examples/ratecards")) {
            try (Stream<Path> listing = Files.list(Path.of(folder))) {
                listing.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(16); // 6 cards, 9 examples, 1 example card
        return files.stream();
    }

    /** Every key, text and resolved type, in document order; a null's spelling (~, null, empty) aside. */
    private static String shape(YNode node) {
        if (node instanceof YNode.YMap map) {
            StringBuilder out = new StringBuilder("{");
            map.entries().forEach((key, child) -> out.append(key).append('=').append(shape(child)).append(';'));
            return out.append('}').toString();
        }
        if (node instanceof YNode.YList list) {
            return list.items().stream().map(YamlRoundTripTest::shape).toList().toString();
        }
        YNode.YScalar scalar = (YNode.YScalar) node;
        return scalar.type() + (scalar.isNull() ? "" : ":" + scalar.text());
    }

    @ParameterizedTest
    @MethodSource("shippedYaml")
    void everyShippedCardAndExampleSurvivesWriteAndReadAsTheSameTree(Path file) {
        YNode read = YamlLoader.load(file);
        String written = YamlOut.tree((YNode.YMap) read, List.of());
        YNode again = YamlLoader.load("written", new StringReader(written));
        assertThat(shape(again)).isEqualTo(shape(read));
        // and the tree says something: a card has models, an example has workloads or years
        assertThat(shape(read)).containsAnyOf("models=", "workloads=", "years=", "routes=", "candidates=");
    }

    /** Texts a YAML 1.1 reader would take for something else if they were written plain. */
    private static final List<String> AWKWARD = List.of("on", "off", "no", "yes", "y", "n", "true", "False", "null",
            "~", "", "1e3", "0x1F", "1_000", ".inf", "-.inf", ".nan", "012", "+3", "3.50", "1:30", "a: b", "x #y",
            "#x", "- x", "- ", "?", "x:", "[y]", "{x}", "'q'", "\"d\"", "@a", "`b", "!t", "&a", "*b", "%p", "  lead",
            "trail ", "two\nlines", "tab\tx", "é€", "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "name: with colon");

    @Test
    void idsAndNamesThatLookLikeOtherValuesAreQuotedSoTheyReadBackAsStrings() {
        Map<String, ModelPrice> models = new LinkedHashMap<>();
        int i = 0;
        for (String text : AWKWARD) {
            if (text.isBlank() || text.contains("\n") || !text.strip().equals(text)) {
                // a blank id is refused by the reader, and ids are trimmed names; such texts go in names only
                String id = "model-" + i++;
                models.put(id, ModelPrice.chat(id, text.isBlank() ? id : text, List.of(text.isBlank() ? "x" + i : text),
                        null, new TokenPrices(new BigDecimal("1"), new BigDecimal("2"), null, null), Map.of(), null, null, null));
            } else {
                models.put(text, ModelPrice.chat(text, text + " name", List.<String>of(), null,
                        new TokenPrices(new BigDecimal("1"), new BigDecimal("2"), null, null), Map.of(), null, null, null));
            }
        }
        RateCard card = new RateCard("on", "no", "1e3", "USD", "2026-07-01", "2026-07-01", "https://x.test/a: b",
                RateCard.ModeDefaults.NONE, models, RateCard.Services.NONE);
        String yaml = RateCardYaml.write(card, List.of("awkward ids"));
        RateCard again = RateCardReader.read(YamlLoader.load("awkward.yaml", new StringReader(yaml)), "awkward.yaml");
        assertThat(again.models().keySet()).containsExactlyElementsOf(models.keySet());
        assertThat(again).isEqualTo(card);
        // written plain, these would have been a boolean, a number and a float
        assertThat(yaml).contains("id: \"on\"").contains("\"1e3\"").contains("\"0x1F\"").contains("\"1_000\"");
    }

    @Test
    void aValueOnTheCommandLineResolvesAsTheSameTextInAFile() {
        for (String text : AWKWARD) {
            if (text.contains("\n") || text.contains(": ") || text.contains(" #") || text.startsWith("#")
                    || text.startsWith("- ") || text.equals("- ") || text.startsWith("[") || text.startsWith("{")
                    || text.startsWith("'") || text.startsWith("\"") || text.startsWith("!") || text.startsWith("&")
                    || text.startsWith("*") || text.startsWith("%") || text.startsWith("@") || text.startsWith("`")
                    || text.equals("?") || text.endsWith(":") || !text.strip().equals(text)) {
                assertThat(YamlLoader.plainType(text)).as(text).isEqualTo(YNode.ScalarType.STRING);
                continue;
            }
            YNode.YMap doc = (YNode.YMap) YamlLoader.load("f.yaml", new StringReader("k: " + text + "\n"));
            YNode.YScalar inFile = (YNode.YScalar) doc.get("k");
            assertThat(YamlLoader.plainType(text)).as(text).isEqualTo(inFile.type());
        }
        // YAML 1.1 as SnakeYAML resolves it: yes/on are booleans, 1e3 and .inf floats, 0x1F and 1_000 integers
        assertThat(List.of("yes", "on", "1e3", ".inf", "0x1F", "1_000", "~", "").stream().map(YamlLoader::plainType))
                .containsExactly(YNode.ScalarType.BOOLEAN, YNode.ScalarType.BOOLEAN, YNode.ScalarType.DECIMAL,
                        YNode.ScalarType.DECIMAL, YNode.ScalarType.INTEGER, YNode.ScalarType.INTEGER,
                        YNode.ScalarType.NULL, YNode.ScalarType.NULL);
    }

    @Test
    void anAliasRepeatsItsAnchorAndPositionsAreTheParsersTokenLocations() {
        YNode.YMap doc = (YNode.YMap) YamlLoader.load("a.yaml", new StringReader(
                "base: &b { input: 3, output: 15 }\n"
                        + "copy: *b\n"
                        + "list:\n  - x\n  -   y\n"));
        assertThat(shape(doc.get("copy"))).isEqualTo(shape(doc.get("base")))
                .isEqualTo("{input=INTEGER:3;output=INTEGER:15;}");
        YNode.YList list = (YNode.YList) doc.get("list");
        assertThat(List.of(list.items().get(1).line(), list.items().get(1).column())).containsExactly(5, 7);
        assertThat(doc.keyPositions().get("copy")).containsExactly(2, 1);
        assertThatThrownBy(() -> YamlLoader.load("u.yaml", new StringReader("a: 1\nb: *nowhere\n")))
                .hasMessageContaining("u.yaml:2:4").hasMessageContaining("undefined alias nowhere");
        assertThatThrownBy(() -> YamlLoader.load("d.yaml", new StringReader("a: 1\nb: 2\na: 3\n")))
                .hasMessageContaining("d.yaml:3:1").hasMessageContaining("duplicate key 'a' (first at line 1)");
    }
}
