package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code aicost breakeven} end to end: JSON fields, the SVG chart, workloads, profiles and bad input. */
class BreakevenCommandTest {
    private static final String CARD = Path.of("src/test/resources/cards/test-card.yaml").toString();
    private static final String QUOTE = "examples/ratecards/account-team-quote.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String[] args(String... extra) {
        List<String> args = new ArrayList<>(List.of("breakeven", "--ratecard", CARD, "--model", "unit",
                "--input-tokens", "2000", "--output-tokens", "500", "--cache-prefix-tokens", "1000",
                "--cache-hit-rate", "0.5"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private Cli.Result badInput(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--format", "json"));
        return Cli.badInput(dir, all.toArray(String[]::new));
    }

    private Path profile(String... lines) throws IOException {
        Path file = dir.resolve("profile.csv");
        List<String> all = new ArrayList<>(List.of("hour,tokens"));
        all.addAll(List.of(lines));
        Files.write(file, all);
        return file;
    }

    @Test
    void oneTermPutsTheSpecFieldsAtTheTopLevel() throws IOException {
        Cli.Result result = Cli.run(args("--format", "json"));
        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode json = JSON.readTree(result.out());
        // figures of BreakevenSolverTest.cachedShapeOnCheapUnits
        assertThat(json.get("schema").asText()).isEqualTo("aicost/breakeven/v1");
        assertThat(json.get("term").asText()).isEqualTo("no_commit");
        assertThat(json.get("breakeven_utilization").decimalValue()).isEqualByComparingTo("0.113379");
        assertThat(json.get("breakeven_tokens_per_month").decimalValue()).isEqualByComparingTo("4965986395");
        assertThat(json.get("model_unit_monthly_cost").asText()).isEqualTo("7300.000000");
        assertThat(json.get("model_unit_monthly_capacity_tokens").decimalValue()).isEqualByComparingTo("43.8e9");
        assertThat(json.get("curve")).hasSize(14);
        assertThat(json.get("curve").get(4).get("model_units").asInt()).isEqualTo(1);
        assertThat(json.has("terms")).isFalse();
    }

    @Test
    void severalTermsGoInATermsList() throws IOException {
        JsonNode json = JSON.readTree(Cli.run("breakeven", "--ratecard", QUOTE, "--model", "anthropic.claude-sonnet-4-5",
                "--input-tokens", "3000", "--output-tokens", "400", "--format", "json").out());
        assertThat(json.has("breakeven_utilization")).isFalse();
        List<String> terms = new ArrayList<>();
        json.get("terms").forEach(t -> terms.add(t.get("term").asText() + "=" + t.get("breakeven_utilization")
                .decimalValue().toPlainString()));
        assertThat(terms).containsExactly("no_commit=0.824242", "1_month=0.684945", "6_month=0.403879");
        JsonNode one = JSON.readTree(Cli.run("breakeven", "--ratecard", QUOTE, "--model", "anthropic.claude-sonnet-4-5",
                "--input-tokens", "3000", "--output-tokens", "400", "--term", "6_month", "--format", "json").out());
        assertThat(one.get("term").asText()).isEqualTo("6_month");
    }

    @Test
    void neverWinsIsSaidPlainly() {
        Cli.Result result = Cli.run("breakeven", "--ratecard", CARD, "--model", "big", "--input-tokens", "3000",
                "--output-tokens", "400", "--width", "0");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("1_month: provisioned throughput never beats on-demand for this shape: "
                + "one model unit would have to run at 188.9% of its capacity to break even.");
    }

    @Test
    void profileSizingFromAFileWithAGap() throws IOException {
        // the hand-checked profile of BreakevenSolverTest.profileSizingByHand, with 02:00 missing
        Path file = profile("2026-10-01T00:00:00Z,30000000", "2026-10-01T01:00:00Z,90000000",
                "2026-10-01T03:00:00Z,60000000", "2026-10-01T04:00:00Z,150000000", "2026-10-01T05:00:00Z,120000000");
        JsonNode json = JSON.readTree(Cli.run(args("--profile", file.toString(), "--format", "json")).out());
        assertThat(json.get("profile_hours").asInt()).isEqualTo(6);
        assertThat(json.get("percentiles").get("p50").decimalValue()).isEqualByComparingTo("75e6");
        assertThat(json.get("percentiles").get("p95").decimalValue()).isEqualByComparingTo("142.5e6");
        assertThat(json.get("recommended_model_units").asInt()).isEqualTo(2);
        assertThat(json.get("sizing").get(2).get("monthly_cost").asText()).isEqualTo("19965.500000");
        Cli.Result table = Cli.run(args("--profile", file.toString(), "--width", "120"));
        assertThat(table.out()).contains("1 missing hours counted as zero").contains("recommended, covers P50");
    }

    @Test
    void workloadSuppliesModelCardAndShape() throws IOException {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, """
                schema: aicost/workload/v1
                ratecard: %s
                workloads:
                  - { name: a, model: unit, requests_per_month: 1, input_tokens: 2000, output_tokens: 500,
                      cache: { prefix_tokens: 1000, hit_rate: 0.5 } }
                  - { name: b, model: big, requests_per_month: 1, input_tokens: 1, output_tokens: 1 }
                """.formatted(Path.of(CARD).toAbsolutePath()));
        JsonNode json = JSON.readTree(Cli.run("breakeven", "--workload", spec.toString(), "--name", "a", "--format",
                "json").out());
        assertThat(json.get("breakeven_utilization").decimalValue()).isEqualByComparingTo("0.113379");
        assertThat(badInput("breakeven", "--workload", spec.toString()).err()).contains("pick one: a, b");
        assertThat(badInput("breakeven", "--workload", spec.toString(), "--name", "c").err())
                .contains("no workload named 'c'");
    }

    @Test
    void svgIsWellFormedWithTheSeriesAndMarkers() throws Exception {
        Path svg = dir.resolve("chart.svg");
        Cli.Result result = Cli.run("breakeven", "--ratecard", QUOTE, "--model", "anthropic.claude-sonnet-4-5",
                "--input-tokens", "3000", "--output-tokens", "400", "--plot", svg.toString(), "--format", "json");
        assertThat(result.exit()).as(result.err()).isZero();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(svg.toFile());
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        NodeList paths = document.getElementsByTagName("path");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < paths.getLength(); i++) {
            labels.add(((Element) paths.item(i)).getAttribute("data-label"));
        }
        assertThat(labels).containsExactly("on-demand", "batch", "provisioned no_commit", "provisioned 1_month",
                "provisioned 6_month");
        NodeList circles = document.getElementsByTagName("circle");
        assertThat(circles.getLength()).isEqualTo(3);
        assertThat(Files.readString(svg)).contains("break-even 6_month: 4.42B tokens (40.4%)");
    }

    @Test
    void tableHasTheChartAndSensitivity() {
        Cli.Result result = Cli.run("breakeven", "--ratecard", QUOTE, "--model", "anthropic.claude-sonnet-4-5",
                "--input-tokens", "3000", "--output-tokens", "400", "--width", "80");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("o on-demand").contains("R provisioned 6_month")
                .contains(": 6_month break-even at 4.42B tokens/month (40.4% of a unit)")
                .contains("OUTPUT/INPUT").contains("CACHE HIT RATE").doesNotContain("\u001b[");
        assertThat(result.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void csvIsTheCurve() {
        Cli.Result result = Cli.run(args("--format", "csv"));
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("tokens_per_month,on_demand,batch,provisioned_no_commit,model_units");
        // K = 43.8e9: 64,386.00 on demand, 32,193.00 batch, one unit 7,300.00
        assertThat(lines).contains("43800000000,64386.000000,32193.000000,7300.000000,1");
    }

    @Test
    void unknownModel() {
        assertThat(badInput("breakeven", "--ratecard", CARD, "--model", "unitt", "--input-tokens", "1",
                "--output-tokens", "1").err()).contains("unknown model 'unitt' on test-card; closest: unit");
    }

    @Test
    void modelWithoutProvisionedPrices() {
        assertThat(badInput("breakeven", "--model", "anthropic.claude-sonnet-4-5", "--input-tokens", "1",
                "--output-tokens", "1").err())
                .contains("anthropic.claude-sonnet-4-5 has no provisioned-throughput prices on aws-bedrock-us-east-1; "
                        + "models with them: amazon.nova-lite, amazon.nova-2-lite");
    }

    @Test
    void termTheModelLacks() {
        assertThat(badInput(args("--term", "6_month")).err()).contains("unit has no 6_month term on test-card");
        assertThat(badInput(args("--term", "6-month")).err()).contains("unknown term '6-month'");
    }

    @Test
    void badShapeFlags() {
        assertThat(badInput("breakeven", "--ratecard", CARD, "--model", "unit", "--input-tokens", "0",
                "--output-tokens", "0").err()).contains("zero tokens");
        assertThat(badInput("breakeven", "--ratecard", CARD, "--model", "unit", "--input-tokens", "10",
                "--output-tokens", "1", "--cache-hit-rate", "0.5").err()).contains("give both");
        assertThat(badInput("breakeven", "--ratecard", CARD, "--model", "unit", "--input-tokens", "10",
                "--output-tokens", "1", "--cache-prefix-tokens", "20", "--cache-hit-rate", "0.5").err())
                .contains("--cache-prefix-tokens: must be between 0 and 10");
        assertThat(badInput("breakeven", "--ratecard", CARD, "--model", "small", "--input-tokens", "-1",
                "--output-tokens", "1").err()).contains("--input-tokens");
    }

    @Test
    void profileWithBadRows() throws IOException {
        Path file = profile("2026-10-01T00:00:00Z,100", "2026-10-01T01:00:00Z,lots", "yesterday,5",
                "2026-10-01T03:30:00Z,1", "2026-10-01T04:00:00Z,-3");
        String err = badInput(args("--profile", file.toString())).err();
        assertThat(err).contains(file + ":3:22: tokens: expected a number, got 'lots'")
                .contains(file + ":4:1: hour: expected an ISO-8601 hour such as 2026-10-01T13:00:00Z, got 'yesterday'")
                .contains(file + ":5:1: hour: must be on the hour, got '2026-10-01T03:30:00Z'")
                .contains(file + ":6:22: tokens: must not be negative, got -3");
    }

    @Test
    void profileWithUnsortedOrDuplicateHours() throws IOException {
        Path unsorted = profile("2026-10-01T05:00:00Z,1", "2026-10-01T04:00:00Z,1");
        assertThat(badInput(args("--profile", unsorted.toString())).err())
                .contains(unsorted + ":3:1: hour: hours must be in ascending order: 2026-10-01T04:00:00Z comes after "
                        + "2026-10-01T05:00:00Z (line 2)");
        Path duplicate = profile("2026-10-01T05:00:00Z,1", "2026-10-01T05:00:00+00:00,1");
        assertThat(badInput(args("--profile", duplicate.toString())).err())
                .contains(duplicate + ":3:1: hour: duplicate hour 2026-10-01T05:00:00Z (also line 2)");
    }

    @Test
    void profileWithoutTheHeaderOrRows() throws IOException {
        Path noHeader = dir.resolve("noheader.csv");
        Files.writeString(noHeader, "time,count\n2026-10-01T00:00:00Z,1\n");
        assertThat(badInput(args("--profile", noHeader.toString())).err())
                .contains(noHeader + ":1:1: expected a header with columns 'hour' and 'tokens'");
        Path empty = profile();
        assertThat(badInput(args("--profile", empty.toString())).err()).contains("has no rows after the header");
        assertThat(badInput(args("--profile", dir.resolve("none.csv").toString())).err()).contains("file not found");
    }
}
