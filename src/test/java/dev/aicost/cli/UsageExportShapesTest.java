package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicost.usage.ParquetFixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Billing exports in the shapes FinOps teams really have, on the us-east-1 card.
 *
 * <p>{@code focus-1.0-sample-200.csv}: the FinOps Foundation's FOCUS 1.0 sample (first 200 rows;
 * FOCUS-Sample-Data, CC BY 4.0): every field quoted, {@code NULL} for empty, space-separated
 * timestamps, no AI rows. Its BilledCost column sums to 2.72534080970 (summed with Python's
 * decimal module over the 200 rows).
 *
 * <p>{@code cur2-data-export.csv}: a CUR 2.0 Data Exports CSV with a BOM, CRLF line ends, every
 * field quoted, NULLs and a description with a newline inside quotes; the same line items as
 * cur2.csv without its malformed row. By hand: Nova Pro 2,000 x 1K input at $0.80/1M = 1.60
 * (billed 1.50), 100 x 1K output at 3.20 = 0.32, 500 x 1K cache read at 0.20 = 0.10: priced 2.02,
 * billed 1.92; Nova Lite 1,000 x 1K batch input at 0.03 = 0.03; Claude Sonnet 4.5 (Marketplace,
 * product name) 1M input 3.30 + 100K output 1.65 + 200K cache write 0.825 = 5.775, billed the
 * same. Priced 7.825, billed 7.725, gap -0.10 = -1.2779...% of priced. Guardrails 0.60 is another
 * AI line; EC2 0.096 only counts in the whole export's 8.421.
 *
 * <p>{@code focus-1.2-skumeter.csv}: AWS FOCUS 1.2 style, usage type only in SkuMeter, NULL
 * unquoted. Nova Pro 3M input 2.40 + 250K output 0.80 = 3.20 (billed 3.20); Sonnet 4.5
 * (Marketplace) 2M input 6.60 + 1M cache read 0.33 = 6.93, billed 5.94 + 0.297 = 6.237 (a 10%
 * discount: gap -0.693, -10%); Nova Micro, told only by ConsumedUnit "Tokens" and the charge
 * description, 1M output at 0.14 = 0.14. Priced 10.27, billed 9.577, gap -0.693 = -6.7478...%.
 * Other AI lines: Azure OpenAI 12.50, Vertex AI 0.90, Bedrock guardrails 0.30; the whole export
 * 23.373 with the EC2 line's 0.096.
 */
class UsageExportShapesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RESOURCES = Path.of("src/test/resources/usage");

    @TempDir
    Path dir;

    private static JsonNode json(String... args) throws IOException {
        return Cli.json("usage", args);
    }

    private static Map<String, JsonNode> models(JsonNode json) {
        return Cli.models(json);
    }

    private Path gzip(Path source) throws IOException {
        Path target = dir.resolve(source.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            Files.copy(source, out);
        }
        return target;
    }

    @Test
    void theFinOpsFoundationFocusSampleIsReadAsFocus() throws IOException {
        JsonNode json = json(RESOURCES.resolve("focus-1.0-sample-200.csv").toString());
        assertThat(json.get("format").asText()).isEqualTo("focus");
        assertThat(json.get("records").asInt()).isEqualTo(200);
        assertThat(json.get("malformed_records").asInt()).isZero();
        assertThat(json.get("token_rows").asInt()).isZero();
        assertThat(json.get("billed_all_rows").asText()).isEqualTo("2.725341");
        assertThat(json.get("models")).isEmpty();
        assertThat(json.get("warnings").toString()).contains("no Bedrock token line items");
    }

    @Test
    void anExportWithNoTokenRowsGetsTheBillingLayout() {
        Cli.Result result = Cli.run("usage", RESOURCES.resolve("focus-1.0-sample-200.csv").toString(), "--width", "120");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("· focus ·").contains("200 rows, 0 malformed")
                .contains("Billed in the whole export: $2.73 over 200 rows; 0 Bedrock token rows")
                .doesNotContain("CALLS").doesNotContain("AVG IN");
    }

    @Test
    void aQuotedDataExportWithBomAndCrlf() throws IOException {
        JsonNode json = json(RESOURCES.resolve("cur2-data-export.csv").toString());
        assertThat(json.get("format").asText()).isEqualTo("aws-cur");
        assertThat(json.get("records").asInt()).isEqualTo(9);
        assertThat(json.get("malformed_records").asInt()).isZero();
        // the same line items as cur2.csv, whose malformed row adds nothing (UsageBillingTest checks those by hand)
        assertThat(json.get("models")).isEqualTo(json(RESOURCES.resolve("cur2.csv").toString()).get("models"));
        Map<String, JsonNode> models = models(json);
        JsonNode pro = models.get("amazon.nova-pro");
        assertThat(pro.get("cost").asText()).isEqualTo("2.020000");
        assertThat(pro.get("gap").asText()).isEqualTo("-0.100000");
        assertThat(pro.get("gap_percent").asText()).isEqualTo("-4.95"); // -0.10 / 2.02
        assertThat(models.get("anthropic.claude-sonnet-4-5").get("cost").asText()).isEqualTo("5.775000");
        assertThat(models.get("anthropic.claude-sonnet-4-5").get("gap").asText()).isEqualTo("0.000000");
        assertThat(json.get("total_cost").asText()).isEqualTo("7.825000");
        assertThat(json.get("billed_total").asText()).isEqualTo("7.725000");
        assertThat(json.get("gap_total").asText()).isEqualTo("-0.100000");
        assertThat(json.get("gap_total_percent").asText()).isEqualTo("-1.28");
        assertThat(json.get("billed_all_rows").asText()).isEqualTo("8.421000");
        JsonNode other = json.get("other_ai_lines");
        assertThat(other).hasSize(1);
        assertThat(other.get(0).get("meter").asText()).isEqualTo("USE1-Guardrails-ContentPolicyUnits");
        assertThat(other.get(0).get("billed_cost").asText()).isEqualTo("0.600000");
        // hours 10, 11, 12: 3.1M, 1.5M, 0.3M tokens
        assertThat(json.get("hourly").get("max").asLong()).isEqualTo(3_100_000);
    }

    @Test
    void focus12WithTheUsageTypeOnlyInSkuMeter() throws IOException {
        JsonNode json = json(RESOURCES.resolve("focus-1.2-skumeter.csv").toString(), "--by", "team");
        assertThat(json.get("format").asText()).isEqualTo("focus");
        assertThat(json.get("token_rows").asInt()).isEqualTo(5);
        Map<String, JsonNode> models = models(json);
        assertThat(models.get("amazon.nova-pro").get("input_tokens").asLong()).isEqualTo(3_000_000);
        assertThat(models.get("amazon.nova-pro").get("output_tokens").asLong()).isEqualTo(250_000);
        assertThat(models.get("amazon.nova-pro").get("cost").asText()).isEqualTo("3.200000");
        JsonNode sonnet = models.get("anthropic.claude-sonnet-4-5");
        assertThat(sonnet.get("cache_read_tokens").asLong()).isEqualTo(1_000_000);
        assertThat(sonnet.get("cost").asText()).isEqualTo("6.930000");
        assertThat(sonnet.get("billed_cost").asText()).isEqualTo("6.237000");
        assertThat(sonnet.get("gap").asText()).isEqualTo("-0.693000");
        assertThat(sonnet.get("gap_percent").asText()).isEqualTo("-10.00");
        assertThat(models.get("amazon.nova-micro").get("output_tokens").asLong()).isEqualTo(1_000_000);
        assertThat(models.get("amazon.nova-micro").get("cost").asText()).isEqualTo("0.140000");
        assertThat(json.get("total_cost").asText()).isEqualTo("10.270000");
        assertThat(json.get("gap_total").asText()).isEqualTo("-0.693000");
        assertThat(json.get("gap_total_percent").asText()).isEqualTo("-6.75");
        assertThat(json.get("billed_all_rows").asText()).isEqualTo("23.373000");
        Map<String, String> other = new HashMap<>();
        json.get("other_ai_lines").forEach(l -> other.put(l.get("service").asText() + "/" + l.get("meter").asText(),
                l.get("billed_cost").asText()));
        assertThat(other).containsOnly(Map.entry("Azure OpenAI/gpt-4o-0806-Inp-glbl", "12.500000"),
                Map.entry("Vertex AI/Gemini 2.5 Flash Input Text", "0.900000"),
                Map.entry("Amazon Bedrock/USE1-Guardrails-ContentPolicyUnits", "0.300000"));
        Map<String, String> groups = new HashMap<>();
        json.get("groups").forEach(g -> groups.put(g.get("tag").asText() + "/" + g.get("model").asText(),
                g.get("billed_cost").asText()));
        assertThat(groups).containsOnly(Map.entry("search/amazon.nova-pro", "3.200000"),
                Map.entry("support/anthropic.claude-sonnet-4-5", "6.237000"),
                Map.entry("(untagged)/amazon.nova-micro", "0.140000"));
    }

    @Test
    void csvGzipAndParquetGiveTheSameSumsToTheTokenAndTheMicroDollar() throws Exception {
        Path csv = RESOURCES.resolve("cur2-data-export.csv");
        JsonNode plain = json(csv.toString(), "--by", "team");
        JsonNode gz = json(gzip(csv).toString(), "--by", "team");
        JsonNode parquet = json(ParquetFixtures.cur2(csv, dir.resolve("cur2.parquet"), false).toString(), "--by", "team");
        JsonNode decimal = json(ParquetFixtures.cur2(csv, dir.resolve("cur2-decimal.parquet"), true).toString(),
                "--by", "team");
        for (JsonNode other : new JsonNode[] {gz, parquet, decimal}) {
            assertThat(other.get("models")).isEqualTo(plain.get("models"));
            assertThat(other.get("groups")).isEqualTo(plain.get("groups"));
            assertThat(other.get("hourly")).isEqualTo(plain.get("hourly"));
            for (String field : new String[] {"records", "token_rows", "total_cost", "billed_total", "gap_total",
                "billed_all_rows", "other_ai_lines"}) {
                assertThat(other.get(field)).as(field).isEqualTo(plain.get(field));
            }
        }
        Path focus = RESOURCES.resolve("focus-1.2-skumeter.csv");
        JsonNode focusCsv = json(focus.toString(), "--by", "team");
        JsonNode focusParquet = json(ParquetFixtures.focus(focus, dir.resolve("focus.parquet")).toString(), "--by",
                "team");
        assertThat(focusParquet.get("format").asText()).isEqualTo("focus");
        assertThat(focusParquet.get("models")).isEqualTo(focusCsv.get("models"));
        assertThat(focusParquet.get("groups")).isEqualTo(focusCsv.get("groups"));
        assertThat(focusParquet.get("hourly")).isEqualTo(focusCsv.get("hourly"));
        assertThat(focusParquet.get("billed_all_rows")).isEqualTo(focusCsv.get("billed_all_rows"));
        assertThat(focusParquet.get("other_ai_lines")).isEqualTo(focusCsv.get("other_ai_lines"));
    }

    private Cli.Result bad(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Cli.Result result = Cli.run("usage", file.toString());
        assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains(file.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        return result;
    }

    @Test
    void aCsvThatIsNoKnownExportIsBadInputListingWhatIdentifiesEach() throws IOException {
        Cli.Result result = bad("sales.csv", "date,region,amount\n2026-10-01,eu,3\n");
        assertThat(result.err()).contains("'date,region,amount'").contains("line_item_usage_type")
                .contains("lineItem/UsageType").contains("ChargePeriodStart");
    }

    @Test
    void aMisspelledCurHeaderIsBadInputThatNamesTheMisspelling() throws IOException {
        Cli.Result result = bad("cur.csv", "line_item_usagetype,line_item_usage_amount,line_item_unblended_cost,"
                + "line_item_usage_start_date\nUSE1-NovaPro-input-tokens,1,0.1,2026-10-01T10:00:00Z\n");
        assertThat(result.err()).contains("'line_item_usagetype' is not 'line_item_usage_type'");
    }

    @Test
    void anExportMissingARequiredColumnIsBadInput() throws IOException {
        Cli.Result result = bad("focus.csv", "ChargePeriodStart,ServiceName,ConsumedQuantity\n"
                + "2026-10-01T10:00:00Z,Amazon Bedrock,1\n");
        assertThat(result.err()).contains("FOCUS export but has no BilledCost column");
        Cli.Result legacy = bad("legacy.csv", "lineItem/UsageType,lineItem/UsageAmount\nUSE1-NovaPro-input-tokens,1\n");
        assertThat(legacy.err()).contains("legacy CUR export").contains("lineItem/UnblendedCost")
                .contains("lineItem/UsageStartDate");
    }

    @Test
    void binaryTruncatedAndForeignFilesAreBadInput() throws Exception {
        Path binary = dir.resolve("image.json");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        Cli.Result image = Cli.run("usage", binary.toString());
        assertThat(image.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(image.err()).contains("image.json").contains("binary");

        Path parquet = ParquetFixtures.cur2(RESOURCES.resolve("cur2-data-export.csv"), dir.resolve("full.parquet"),
                false);
        byte[] bytes = Files.readAllBytes(parquet);
        Path truncated = dir.resolve("truncated.parquet");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Cli.Result cut = Cli.run("usage", truncated.toString());
        assertThat(cut.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cut.err()).contains("truncated.parquet").contains("truncated");

        Path foreign = dir.resolve("foreign.parquet");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             var statement = connection.createStatement()) {
            statement.execute("COPY (SELECT 1 AS a, 'x' AS b) TO '" + foreign.toAbsolutePath() + "' (FORMAT parquet)");
        }
        Cli.Result other = Cli.run("usage", foreign.toString());
        assertThat(other.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(other.err()).contains("foreign.parquet").contains("columns are a, b")
                .contains("line_item_usage_type");

        Path notGzip = dir.resolve("logs.json.gz");
        Files.write(notGzip, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        Cli.Result gz = Cli.run("usage", notGzip.toString());
        assertThat(gz.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(gz.err()).contains("logs.json.gz").contains("gzip");
    }

    @Test
    void strictNamesTheRowColumnAndField() throws IOException {
        Path file = dir.resolve("focus.csv");
        Files.writeString(file, "\"ChargePeriodStart\",\"BilledCost\",\"ConsumedQuantity\",\"ConsumedUnit\","
                + "\"ServiceName\",\"x_UsageType\"\n"
                + "\"2026-10-01 10:00:00\",\"0.035\",\"1000000\",\"Tokens\",\"Amazon Bedrock\",\"USE1-NovaMicro-input-tokens\"\n"
                + "\"2026-10-01 11:00:00\",\"0.035\",\"lots\",\"Tokens\",\"Amazon Bedrock\",\"USE1-NovaMicro-input-tokens\"\n");
        Cli.Result strict = Cli.run("usage", file.toString(), "--strict");
        assertThat(strict.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        // line 3: "2026-10-01 11:00:00" is columns 1-21, a comma, "0.035" columns 23-29, a comma: the field starts at 31
        assertThat(strict.err()).contains(file + ":3:31: ConsumedQuantity: malformed row (--strict): not a number: 'lots'");
    }

    @Test
    void aLegacyCurExportWithResourceTagColumns() throws IOException {
        // Nova Micro 2,000 x 1K input at $0.035/1M = 0.07, 500 x 1K output at 0.14 = 0.07; billed 0.13 in all
        Path file = dir.resolve("legacy.csv");
        Files.writeString(file, "identity/LineItemId,lineItem/UsageStartDate,lineItem/ProductCode,lineItem/UsageType,"
                + "lineItem/UsageAmount,pricing/unit,lineItem/UnblendedCost,product/productName,resourceTags/user:team\n"
                + "l1,2026-10-01T10:00:00Z,AmazonBedrock,USE1-NovaMicro-input-tokens,2000,1K tokens,0.07,Amazon Bedrock,"
                + "search\n"
                + "l2,2026-10-01T10:00:00Z,AmazonBedrock,USE1-NovaMicro-output-tokens,500,1K tokens,0.06,Amazon Bedrock,\n");
        JsonNode json = json(file.toString(), "--by", "team");
        assertThat(json.get("format").asText()).isEqualTo("aws-cur");
        JsonNode micro = models(json).get("amazon.nova-micro");
        assertThat(micro.get("input_tokens").asLong()).isEqualTo(2_000_000);
        assertThat(micro.get("output_tokens").asLong()).isEqualTo(500_000);
        assertThat(micro.get("cost").asText()).isEqualTo("0.140000");
        assertThat(micro.get("billed_cost").asText()).isEqualTo("0.130000");
        Map<String, String> groups = new HashMap<>();
        json.get("groups").forEach(g -> groups.put(g.get("tag").asText(), g.get("cost").asText()));
        assertThat(groups).containsOnly(Map.entry("search", "0.070000"), Map.entry("(untagged)", "0.070000"));
    }

    @Test
    void anExportOrALogWhereNothingCanBeReadIsBadInput() throws IOException {
        Cli.Result rows = bad("focus.csv", "ChargePeriodStart,BilledCost,ConsumedQuantity,ServiceName,x_UsageType\n"
                + "yesterday,0.1,1,Amazon Bedrock,USE1-NovaMicro-input-tokens\n"
                + "today,0.1,1,Amazon Bedrock,USE1-NovaMicro-input-tokens\n");
        assertThat(rows.err()).contains("focus.csv:2:").contains("every row is malformed (2;")
                .contains("ChargePeriodStart: 'yesterday' is not an ISO-8601 time");
        Cli.Result logs = bad("cloudtrail.jsonl", "{\"eventName\":\"InvokeModel\"}\n{\"eventName\":\"Converse\"}\n");
        assertThat(logs.err()).contains("cloudtrail.jsonl:1:").contains("no record is a Bedrock invocation-log record")
                .contains("timestamp is missing");
    }

    @Test
    void parquetRowsSummedByDuckDbKeepMalformedRowsApart() throws Exception {
        // three Nova Micro input rows in one hour; the second has no amount, so it is malformed and adds nothing:
        // 1,000 + 3,000 = 4,000 x 1K tokens = 4M tokens at $0.035/1M = 0.14; billed 0.035 + 0.105 = 0.14
        Path csv = dir.resolve("three.csv");
        Files.writeString(csv, "line_item_usage_start_date,line_item_product_code,line_item_usage_type,"
                + "line_item_usage_end_date,line_item_usage_amount,pricing_unit,line_item_unblended_cost,product,resource_tags\n"
                + "2026-10-01T10:00:00Z,AmazonBedrock,USE1-NovaMicro-input-tokens,2026-10-01T11:00:00Z,1000,1K tokens,0.035,{},{}\n"
                + "2026-10-01T10:00:00Z,AmazonBedrock,USE1-NovaMicro-input-tokens,2026-10-01T11:00:00Z,NULL,1K tokens,0.070,{},{}\n"
                + "2026-10-01T10:00:00Z,AmazonBedrock,USE1-NovaMicro-input-tokens,2026-10-01T11:00:00Z,3000,1K tokens,0.105,{},{}\n");
        JsonNode parquet = json(ParquetFixtures.cur2(csv, dir.resolve("three.parquet"), false).toString());
        JsonNode text = json(csv.toString());
        for (JsonNode json : new JsonNode[] {parquet, text}) {
            assertThat(json.get("records").asInt()).isEqualTo(3);
            assertThat(json.get("malformed_records").asInt()).isEqualTo(1);
            JsonNode micro = models(json).get("amazon.nova-micro");
            assertThat(micro.get("input_tokens").asLong()).isEqualTo(4_000_000);
            assertThat(micro.get("cost").asText()).isEqualTo("0.140000");
            assertThat(micro.get("billed_cost").asText()).isEqualTo("0.140000");
        }
        // a Parquet row is numbered from 1 (the second row); a CSV line counts the header (line 3)
        assertThat(parquet.get("malformed_samples").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(text.get("malformed_samples").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(parquet.get("malformed_samples").get(0).get("message").asText())
                .isEqualTo("line_item_usage_amount: a token line needs a quantity");
    }

    @Test
    void columnNamesInAnyCaseAsLegacyCurWritesThem() throws IOException {
        // legacy CUR writes product/ProductName; Marketplace Sonnet 4.5 1M input tokens at $3.30/1M = 3.30
        Path file = dir.resolve("legacy.csv");
        Files.writeString(file, "identity/LineItemId,lineItem/UsageStartDate,lineItem/ProductCode,lineItem/UsageType,"
                + "lineItem/UsageAmount,pricing/unit,lineItem/UnblendedCost,product/ProductName\n"
                + "l1,2026-10-01T10:00:00Z,prod-x,USE1-MP:USE1_InputTokenCount-Units,1000000,Units,3.30,"
                + "Claude Sonnet 4.5 (Amazon Bedrock Edition)\n");
        JsonNode json = json(file.toString());
        assertThat(models(json).get("anthropic.claude-sonnet-4-5").get("cost").asText()).isEqualTo("3.300000");
        Path lower = dir.resolve("focus-lower.csv");
        Files.writeString(lower, "chargeperiodstart,billedcost,consumedquantity,consumedunit,servicename,x_usagetype\n"
                + "2026-10-01 10:00:00,0.035,1000000,Tokens,Amazon Bedrock,USE1-NovaMicro-input-tokens\n");
        // Nova Micro 1M input tokens at $0.035/1M
        assertThat(models(json(lower.toString())).get("amazon.nova-micro").get("cost").asText()).isEqualTo("0.035000");
    }
}
