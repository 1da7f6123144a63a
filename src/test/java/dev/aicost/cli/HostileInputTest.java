package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input suite: every input kind and flag fed something no real input is, one case a
 * row. A case is clean when the exit code is the one expected, the message names the file (and,
 * where given, line:column and the field path), nothing looks like a stack trace or a Java class
 * name, nothing is left behind (no temporary file, no output when the run failed) and no input
 * changed (checksums before and after). To add a case, add a line to {@link #cases()}: files are
 * written into a fresh folder and {@code {name}} in the arguments and expectations stands for the
 * path of file {@code name} there.
 */
class HostileInputTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9._/-]+)}");
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[a-z]+\\.[a-z.]+\\.[A-Z]\\w+|\\b\\w+(Exception|Error)\\b");

    @TempDir
    Path dir;

    // ---- templates: valid inputs, one field per line, so a case can change exactly one line

    static final String SPEC = """
            schema: aicost/workload/v1
            ratecard: {card.yaml}
            workloads:
              - name: w
                model: big
                requests_per_month: 10000
                calls_per_request: 1
                input_tokens: 1000
                output_tokens: 100
                cache: { prefix_tokens: 500, hit_rate: 0.5 }
                mix: { batch: 0.25 }
                egress_gb: 10
                growth: 0.05
            """;

    static final String CARD = """
            schema: aicost/ratecard/v1
            id: hostile-card
            provider: test
            region: test-1
            currency: USD
            effective: 2026-01-01
            checked: 2026-11-01
            source: hand-made for tests
            defaults:
              batch_discount: 0.5
            models:
              big:
                name: Big model
                tier: 3
                input: 3.00
                output: 15.00
                cache_write: 3.75
                cache_read: 0.30
                provisioned: { model_unit_tpm: 100000, hourly: { 1_month: 50.00 } }
              small:
                name: Small model
                tier: 1
                input: 0.10
                output: 0.40
            services:
              egress: { per_gb: 0.09, free_gb: 100 }
            """;

    static final String EDP = """
            schema: aicost/edp/v1
            currency: USD
            scenarios:
              - name: one
                term_years: 1
                commit: [1800000]
                discount: 0.06
              - name: tiered
                term_years: 1
                commit: [2000000]
                tiers:
                  - { min_commit: 1000000, discount: 0.07 }
                  - { min_commit: 2000000, discount: 0.10 }
            spend:
              organic: [1800000]
              ai: [300000]
              uncertainty: 0.15
            support:
              plan: enterprise
            baseline_support: business
            """;

    static final String ROUTE = """
            schema: aicost/route/v1
            ratecard: {card.yaml}
            baseline: big
            requests_per_month: 100000
            max_cost_per_request: 0.10
            over_ceiling: downgrade
            candidates:
              - small
              - big
            classes:
              - { name: easy, share: 0.6, input_tokens: 500, output_tokens: 50, min_tier: 1 }
              - { name: hard, share: 0.4, input_tokens: 2000, output_tokens: 400, min_tier: 3 }
            """;

    static final String BASELINE = """
            {
              "schema": "aicost/estimate/v1",
              "currency": "USD",
              "monthly_total": "1000.00"
            }
            """;

    static final String PROFILE = """
            hour,tokens
            2026-10-01T10:00:00Z,1000000
            2026-10-01T11:00:00Z,3000000
            2026-10-01T13:00:00Z,2000000
            """;

    static final String LOG = "{\"timestamp\":\"2026-10-01T10:00:00Z\",\"modelId\":\"big\",\"region\":\"test-1\","
            + "\"input\":{\"inputTokenCount\":100},\"output\":{\"outputTokenCount\":10}}\n";

    static final String CUR = "line_item_usage_start_date,line_item_product_code,line_item_usage_type,"
            + "line_item_line_item_type,line_item_usage_amount,pricing_unit,line_item_unblended_cost\n"
            + "2026-10-01T10:00:00Z,AmazonBedrock,USE1-NovaMicro-input-tokens,Usage,1000,1K tokens,0.035\n";

    static final String FOCUS = "ChargePeriodStart,BilledCost,ConsumedQuantity,ConsumedUnit,ServiceName,"
            + "ChargeCategory,x_UsageType\n"
            + "2026-10-01 10:00:00,0.035,1000000,Tokens,Amazon Bedrock,Usage,USE1-NovaMicro-input-tokens\n";

    static final String LITELLM = """
            {
              "some-model": {
                "litellm_provider": "openai",
                "input_cost_per_token": 3e-06,
                "output_cost_per_token": 1.5e-05,
                "mode": "chat"
              }
            }
            """;

    /** {@code template} with the line that starts (after indentation) with {@code key} replaced by {@code line}. */
    static String with(String template, String key, String line) {
        List<String> lines = new ArrayList<>(List.of(template.split("\n", -1)));
        for (int i = 0; i < lines.size(); i++) {
            String current = lines.get(i);
            if (current.strip().startsWith(key)) {
                String indent = current.substring(0, current.indexOf(current.strip()));
                lines.set(i, line == null ? null : indent + line);
                lines.removeIf(l -> l == null);
                return String.join("\n", lines);
            }
        }
        throw new IllegalArgumentException("no line starting with " + key);
    }

    /** The 1-based line of {@code template} that starts with {@code key}. */
    static int line(String template, String key) {
        String[] lines = template.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith(key)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line starting with " + key);
    }

    /** One row of the table. */
    record Case(String name, Map<String, byte[]> files, List<String> args, int exit, List<String> expected,
            List<String> outputs) {
        Case file(String fileName, String content) {
            return file(fileName, content.getBytes(StandardCharsets.UTF_8));
        }

        Case file(String fileName, byte[] content) {
            Map<String, byte[]> all = new LinkedHashMap<>(files);
            all.put(fileName, content);
            return new Case(name, all, args, exit, expected, outputs);
        }

        Case args(String... values) {
            return new Case(name, files, List.of(values), exit, expected, outputs);
        }

        Case exit(int code, String... fragments) {
            return new Case(name, files, args, code, List.of(fragments), outputs);
        }

        /** Files that must not exist after a failed run (or must, after a successful one). */
        Case outputs(String... names) {
            return new Case(name, files, args, exit, expected, List.of(names));
        }
    }

    static Case c(String name) {
        return new Case(name, Map.of(), List.of(), 2, List.of(), List.of());
    }

    /** A workload spec case: the spec with one line changed, estimated, and the message at that line. */
    static Case spec(String key, String line, String... fragments) {
        List<String> expected = new ArrayList<>();
        expected.add("{spec.yaml}:" + line(SPEC, key) + ":");
        expected.addAll(List.of(fragments));
        return c("spec " + line).file("card.yaml", CARD).file("spec.yaml", with(SPEC, key, line))
                .args("estimate", "{spec.yaml}", "-o", "{report.txt}").exit(2, expected.toArray(String[]::new))
                .outputs("report.txt");
    }

    static Case card(String key, String line, String... fragments) {
        List<String> expected = new ArrayList<>();
        expected.add("{card.yaml}:" + line(CARD, key) + ":");
        expected.addAll(List.of(fragments));
        return c("card " + line).file("card.yaml", with(CARD, key, line)).file("spec.yaml", SPEC)
                .args("estimate", "{spec.yaml}").exit(2, expected.toArray(String[]::new));
    }

    /** A whole-bill spec case (issue 14): {@link WholeBill#SPEC} with one line changed, at that line. */
    static Case whole(String key, String line, String... fragments) {
        return wholeSpec(line, with(WholeBill.SPEC, key, line), line(WholeBill.SPEC, key), fragments);
    }

    /** A whole-bill spec case whose message is at the line that starts with {@code atKey} once changed. */
    static Case wholeAt(String key, String line, String atKey, String... fragments) {
        String changed = with(WholeBill.SPEC, key, line);
        return wholeSpec(line == null ? "without " + key : line, changed, line(changed, atKey), fragments);
    }

    private static Case wholeSpec(String name, String spec, int line, String... fragments) {
        return c("whole spec " + name).file("card.yaml", WholeBill.CARD).file("spec.yaml", spec)
                .args("estimate", "{spec.yaml}", "-o", "{out.json}").exit(2, at("{spec.yaml}", line, fragments))
                .outputs("out.json");
    }

    /** A whole-bill card case: {@link WholeBill#CARD} with one line changed, at that line. */
    static Case wholeCard(String key, String line, String... fragments) {
        return wholeCardCase(line, with(WholeBill.CARD, key, line), line(WholeBill.CARD, key), fragments);
    }

    /** A whole-bill card case whose message is at the line that starts with {@code atKey} once changed. */
    static Case wholeCardAt(String key, String line, String atKey, String... fragments) {
        String changed = with(WholeBill.CARD, key, line);
        return wholeCardCase(line, changed, line(changed, atKey), fragments);
    }

    private static Case wholeCardCase(String name, String card, int line, String... fragments) {
        return c("whole card " + name).file("card.yaml", card).file("spec.yaml", WholeBill.SPEC)
                .args("estimate", "{spec.yaml}").exit(2, at("{card.yaml}", line, fragments));
    }

    /** The expected fragments of a message at {@code file}:{@code line}. */
    private static String[] at(String file, int line, String... fragments) {
        List<String> expected = new ArrayList<>();
        expected.add(file + ":" + line + ":");
        expected.addAll(List.of(fragments));
        return expected.toArray(String[]::new);
    }

    static Case edp(String key, String line, String... fragments) {
        List<String> expected = new ArrayList<>();
        expected.add("{edp.yaml}:" + line(EDP, key) + ":");
        expected.addAll(List.of(fragments));
        return c("edp " + line).file("edp.yaml", with(EDP, key, line)).args("edp", "{edp.yaml}")
                .exit(2, expected.toArray(String[]::new));
    }

    static Case route(String key, String line, String... fragments) {
        List<String> expected = new ArrayList<>();
        expected.add("{route.yaml}:" + line(ROUTE, key) + ":");
        expected.addAll(List.of(fragments));
        return c("route " + line).file("card.yaml", CARD).file("route.yaml", with(ROUTE, key, line))
                .args("route", "{route.yaml}").exit(2, expected.toArray(String[]::new));
    }

    static Case profile(String content, String... fragments) {
        return c("profile " + content.replace("\n", "\\n")).file("card.yaml", CARD).file("hourly.csv", content)
                .args("breakeven", "--ratecard", "{card.yaml}", "--model", "big", "--input-tokens", "1000",
                        "--output-tokens", "100", "--profile", "{hourly.csv}", "--no-chart")
                .exit(2, fragments);
    }

    static Case baseline(String content, String... fragments) {
        return c("baseline " + content.replace("\n", " ")).file("card.yaml", CARD).file("spec.yaml", SPEC)
                .file("base.json", content).args("estimate", "{spec.yaml}", "--baseline", "{base.json}")
                .exit(2, fragments);
    }

    static Case flag(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        return c("flag " + String.join(" ", all)).file("card.yaml", CARD).file("spec.yaml", SPEC)
                .file("log.jsonl", LOG).args(all.toArray(String[]::new)).exit(2);
    }

    static Case log(String name, String content, String... fragments) {
        return c("log " + name).file(name, content).args("usage", "{" + name + "}").exit(2, fragments);
    }

    static Case strictLog(String content, String... fragments) {
        return c("strict log " + content).file("log.jsonl", content).args("usage", "{log.jsonl}", "--strict")
                .exit(2, fragments);
    }

    static Case strictCur(String row, String... fragments) {
        return c("strict cur " + row).file("cur.csv", CUR + row + "\n").args("usage", "{cur.csv}", "--strict")
                .exit(2, fragments);
    }

    static Case strictFocus(String row, String... fragments) {
        return c("strict focus " + row).file("focus.csv", FOCUS + row + "\n").args("usage", "{focus.csv}", "--strict")
                .exit(2, fragments);
    }

    static Case litellm(String content, String... fragments) {
        return c("litellm " + content.replace("\n", " ")).file("prices.json", content)
                .args("ratecards", "import", "litellm", "{prices.json}", "--provider", "openai", "--id", "x", "-o",
                        "{out.yaml}")
                .exit(2, fragments).outputs("out.yaml");
    }

    static byte[] gzip(String text) {
        try (var bytes = new java.io.ByteArrayOutputStream(); OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.close();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // workload spec: every numeric field, each kind of wrong value
        for (String field : List.of("requests_per_month", "calls_per_request", "input_tokens", "output_tokens",
                "egress_gb", "growth")) {
            cases.add(spec(field + ":", field + ": -1", "workloads[0]." + field));
            cases.add(spec(field + ":", field + ": lots", "workloads[0]." + field, "expected a number"));
            cases.add(spec(field + ":", field + ": 1e400", "workloads[0]." + field, "1e15"));
            cases.add(spec(field + ":", field + ": .nan", "workloads[0]." + field));
            cases.add(spec(field + ":", field + ": [1, 2]", "workloads[0]." + field));
            cases.add(spec(field + ":", field + ": { a: 1 }", "workloads[0]." + field));
        }
        cases.add(spec("calls_per_request:", "calls_per_request: 0", "workloads[0].calls_per_request", "above 0"));
        cases.add(spec("requests_per_month:", "requests_per_month: 1e-400", "workloads[0].requests_per_month",
                "1e-12"));
        cases.add(spec("cache:", "cache: { prefix_tokens: 500, hit_rate: 1.5 }", "workloads[0].cache.hit_rate"));
        cases.add(spec("cache:", "cache: { prefix_tokens: 5000, hit_rate: 0.5 }", "workloads[0].cache"));
        cases.add(spec("cache:", "cache: { prefix_tokens: 500, hit_rate: 0.5, ttl: 1d }", "workloads[0].cache"));
        cases.add(spec("mix:", "mix: { batch: 1.5 }", "workloads[0].mix"));
        cases.add(spec("mix:", "mix: { barch: 0.5 }", "workloads[0].mix.barch", "unknown key"));
        cases.add(spec("model:", "model: nope", "workloads[0].model", "unknown model"));
        cases.add(spec("model:", "model: [big]", "workloads[0].model"));
        cases.add(spec("growth:", "groth: 0.05", "workloads[0].groth", "did you mean"));
        cases.add(spec("egress_gb:", "input_tokens: 5", "duplicate key"));
        cases.add(spec("calls_per_request:", "calls_per_request: 1e-13", "workloads[0].calls_per_request"));
        cases.add(c("spec ratecard: no-such-card").file("spec.yaml", with(SPEC, "ratecard:", "ratecard: no-such-card"))
                .args("estimate", "{spec.yaml}").exit(2, "{spec.yaml}:2:11: ratecard: unknown rate card 'no-such-card'"));
        cases.add(c("spec ratecard path missing").file("spec.yaml", with(SPEC, "ratecard:", "ratecard: ./gone.yaml"))
                .args("estimate", "{spec.yaml}").exit(2, "{spec.yaml}:2:11: ratecard:", "not found"));
        byte[] latin1 = with(SPEC, "- name:", "- name: caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        cases.add(c("spec Latin-1 byte").file("card.yaml", CARD).file("spec.yaml", latin1).args("estimate", "{spec.yaml}")
                .exit(2, "{spec.yaml}:4:", "not UTF-8", "0xE9"));
        cases.add(c("spec empty").file("spec.yaml", "").args("estimate", "{spec.yaml}").exit(2, "{spec.yaml}", "empty"));
        cases.add(c("spec is a folder").args("estimate", "{dir}").exit(2, "folder"));
        cases.add(c("spec missing").args("estimate", "{nothing.yaml}").exit(2, "{nothing.yaml}", "not found"));
        cases.add(c("spec invalid YAML").file("spec.yaml", "schema: [\n").args("estimate", "{spec.yaml}")
                .exit(2, "{spec.yaml}:2:", "invalid YAML"));
        cases.add(c("spec wrong schema").file("spec.yaml", with(SPEC, "schema:", "schema: aicost/workload/v9"))
                .args("estimate", "{spec.yaml}").exit(2, "{spec.yaml}:1:", "schema"));
        cases.add(c("spec too large").file("spec.yaml", "description: " + "x".repeat(9 << 20) + "\n")
                .args("estimate", "{spec.yaml}").exit(2, "{spec.yaml}", "larger than 8 MB"));
        cases.add(c("spec --set bad value").file("card.yaml", CARD).file("spec.yaml", SPEC)
                .args("estimate", "{spec.yaml}", "--set", "w.input_tokens=-5").exit(2, "input_tokens"));
        cases.add(c("spec --set unknown workload").file("card.yaml", CARD).file("spec.yaml", SPEC)
                .args("estimate", "{spec.yaml}", "--set", "nope.input_tokens=5").exit(2, "--set"));
        cases.add(c("spec --set broken flow mapping").file("card.yaml", CARD).file("spec.yaml", SPEC)
                .args("estimate", "{spec.yaml}", "--set", "w.calls_per_request={ low: 3").exit(2, "--set",
                        "invalid YAML"));
        cases.add(c("spec --set range missing its high end").file("card.yaml", CARD).file("spec.yaml", SPEC)
                .args("estimate", "{spec.yaml}", "--set", "w.calls_per_request={ low: 3, expected: 4 }")
                .exit(2, "value from --set", "workloads[0].calls_per_request.high", "is required"));
        cases.add(c("spec --set 1e400").file("card.yaml", CARD).file("spec.yaml", SPEC)
                .args("estimate", "{spec.yaml}", "--set", "w.requests_per_month=1e400").exit(2, "requests_per_month",
                        "1e15"));

        // the costs around the tokens (issue 14): ranges, cache TTL, logging, metrics, transfer,
        // knowledge bases, images, embeddings and custom models, in the spec and on the card
        cases.add(whole("requests_per_month: {", "requests_per_month: { low: 12000, expected: 10000, high: 8000 }",
                "workloads[0].requests_per_month", "low <= expected <= high"));
        cases.add(whole("calls_per_request:", "calls_per_request: { low: 2, high: 8 }",
                "workloads[0].calls_per_request.expected", "is required"));
        cases.add(whole("calls_per_request:", "calls_per_request: { low: 2, mid: 4, high: 8 }",
                "workloads[0].calls_per_request.mid", "unknown key"));
        cases.add(whole("calls_per_request:", "calls_per_request: { low: 0, expected: 4, high: 8 }",
                "workloads[0].calls_per_request.low", "must be above 0"));
        cases.add(whole("calls_per_request:", "calls_per_request: { low: one, expected: 4, high: 8 }",
                "workloads[0].calls_per_request.low", "expected a number"));
        cases.add(whole("requests_per_month: {", "requests_per_month: { low: -1, expected: 10000, high: 12000 }",
                "workloads[0].requests_per_month.low", "must not be negative"));
        cases.add(whole("cache:", "cache: { prefix_tokens: 500, hit_rate: { low: 0.2, expected: 0.5, high: 1.5 } }",
                "workloads[0].cache.hit_rate.high", "between 0 and 1"));
        cases.add(wholeAt("input_tokens: 1000", "input_tokens: { low: 400, expected: 1000, high: 2000 }", "cache:",
                "workloads[0].cache.prefix_tokens", "400, the low end of its range"));
        cases.add(whole("cache:", "cache: { prefix_tokens: 500, hit_rate: 0.5, ttl: 2h }", "workloads[0].cache.ttl",
                "expected 5m or 1h"));
        cases.add(whole("logging:", "logging: { bytes_per_call: 0, retention_months: 3 }",
                "workloads[0].logging.bytes_per_call", "must be above 0"));
        cases.add(whole("logging:", "logging: { retention_months: 3 }", "workloads[0].logging.bytes_per_call",
                "is required"));
        cases.add(whole("logging:", "logging: { bytes_per_call: 100, retention: 3 }",
                "workloads[0].logging.retention", "did you mean 'retention_months'"));
        cases.add(whole("metrics:", "metrics: -1", "workloads[0].metrics", "must not be negative"));
        cases.add(whole("metrics:", "metrics: 1.5", "workloads[0].metrics", "whole number"));
        cases.add(whole("cross_region_gb:", "cross_region_gb: -5", "workloads[0].cross_region_gb",
                "must not be negative"));
        cases.add(whole("embedding_model:", "embedding_model: big", "workloads[0].knowledge_base.embedding_model",
                "big is not an embedding model", "embedding models: emb"));
        cases.add(whole("embedding_model:", "embedding_model: nope", "workloads[0].knowledge_base.embedding_model",
                "nope"));
        cases.add(whole("embedding_model:", "embedding_modle: emb", "workloads[0].knowledge_base.embedding_modle",
                "did you mean 'embedding_model'"));
        cases.add(whole("ocus:", "ocus: 1", "workloads[0].knowledge_base.ocus", "min_ocus (2"));
        cases.add(whole("ocus:", "ocus: 0", "workloads[0].knowledge_base.ocus", "must be above 0"));
        cases.add(whole("count:", "count: 0", "workloads[0].knowledge_base.count", "at least 1"));
        cases.add(whole("documents_gb:", "documents_gb: -1", "workloads[0].knowledge_base.documents_gb",
                "must not be negative"));
        cases.add(whole("query_tokens:", "query_token: 50", "workloads[0].knowledge_base.query_token"));
        cases.add(wholeAt("metrics:", "knowledge_bases: 1", "knowledge_base:", "workloads[0].knowledge_base",
                "not both"));
        cases.add(whole("logging:", "logging: { bytes_per_call: 100, retention_months: -1 }",
                "workloads[0].logging.retention_months", "must not be negative"));
        cases.add(whole("ingest_tokens_per_month:", "ingest_tokens_per_month: -5",
                "workloads[0].knowledge_base.ingest_tokens_per_month", "must not be negative"));
        cases.add(whole("retrievals_per_request:", "retrievals_per_request: NaN",
                "workloads[0].knowledge_base.retrievals_per_request"));
        cases.add(wholeAt("query_tokens:", null, "count:",
                "workloads[0].knowledge_base.query_tokens", "is required with retrievals_per_request"));
        cases.add(wholeAt("embedding_model:", null, "count:",
                "workloads[0].knowledge_base.embedding_model", "is required"));
        cases.add(whole("egress_gb:", "egress_gb: { low: 1, expected: 2, high: 3 }", "workloads[0].egress_gb",
                "expected a single value"));
        cases.add(wholeCard("inter_region:", "inter_region: { per_gb: -0.02 }", "services.inter_region.per_gb",
                "must not be negative"));
        cases.add(wholeCard("metrics:", "metrics: { per_metric: 0.30 }", "services.metrics.per_metric",
                "did you mean 'per_metric_month'"));
        cases.add(wholeCard("s3:", "s3: { per_gb_month: abc }", "services.s3.per_gb_month", "expected a number"));
        cases.add(wholeCard("free_gb:", "free_gb: -100", "services.egress.free_gb", "must not be negative"));
        cases.add(wholeCard("knowledge_base:", "knowledge_base: { ocu_hourly: 0.24, min_ocus: -2 }",
                "services.knowledge_base.min_ocus", "must not be negative"));
        cases.add(whole("images:", "images: { per_request: 2, size: 4096-ultra }", "workloads[1].images.size",
                "unknown size '4096-ultra'", "1024-standard, 2048-premium"));
        cases.add(whole("images:", "images: { per_request: 0, size: 1024-standard }",
                "workloads[1].images.per_request", "must be above 0"));
        cases.add(whole("images:", "images: { size: 1024-standard }", "workloads[1].images.per_request",
                "is required"));
        cases.add(wholeAt("model: img", "model: big", "images:", "workloads[1].images", "big is a chat model",
                "not an image model"));
        cases.add(wholeAt("requests_per_day:", "requests_per_day: 100\n    input_tokens: 5", "input_tokens: 5",
                "workloads[1].input_tokens", "not allowed on an image workload"));
        cases.add(whole("model: od", "model: img", "workloads[2].model", "img is an image model",
                "images: { per_request"));
        cases.add(wholeAt("model: od", "model: tuned", "fine_tuning:", "workloads[2].fine_tuning",
                "provisioned throughput only"));
        cases.add(wholeAt("model: od", "model: emb", "output_tokens: 20", "workloads[2].output_tokens",
                "bills input tokens only"));
        cases.add(wholeAt("output_tokens: 20", "growth: 0.1", "- name: tuned", "workloads[2].output_tokens",
                "is required"));
        cases.add(wholeAt("model: big", "model: emb", "output_tokens: 100", "workloads[0].output_tokens",
                "emb is an embedding model"));
        cases.add(c("whole spec on a card without the services").file("card.yaml", WholeBill.CARD
                .substring(0, WholeBill.CARD.indexOf("services:")) + "services:\n  egress: { per_gb: 0.09 }\n")
                .file("spec.yaml", WholeBill.SPEC).args("estimate", "{spec.yaml}")
                .exit(2, "does not price inter-region transfer", "does not price invocation logging",
                        "does not price metrics", "does not price knowledge bases", "does not price custom-model"));
        cases.add(c("whole spec ocus on a flat knowledge-base card").file("spec.yaml", WholeBill.SPEC)
                .file("card.yaml", with(WholeBill.CARD, "knowledge_base:", "knowledge_base: { monthly: 345.60 }"))
                .args("estimate", "{spec.yaml}").exit(2, "{spec.yaml}:" + line(WholeBill.SPEC, "ocus:") + ":",
                        "workloads[0].knowledge_base.ocus", "per month, not per OCU", "index storage"));
        cases.add(wholeCard("- { up_to_gb: 51200", "- { up_to_gb: 5000, per_gb: 0.085 }",
                "services.egress.tiers[1].up_to_gb", "above the previous tier's end (10240 GB)"));
        cases.add(wholeCard("- { per_gb: 0.05 }", "- { up_to_gb: 300000, per_gb: 0.05 }",
                "services.egress.tiers[3].up_to_gb", "the last tier has no end"));
        cases.add(wholeCard("- { up_to_gb: 51200", "- { per_gb: 0.085 }", "services.egress.tiers[1].up_to_gb",
                "every tier but the last"));
        cases.add(wholeCardAt("free_gb:", "per_gb: 0.09", "tiers:", "services.egress.tiers", "not both"));
        cases.add(wholeCard("- { up_to_gb: 10240", "- { up_to_gb: 10240, per_gb: -0.09 }",
                "services.egress.tiers[0].per_gb", "must not be negative"));
        cases.add(wholeCard("kind: embedding", "kind: embeddings", "models.emb.kind", "did you mean 'embedding'"));
        cases.add(wholeCard("images:", "input: 0.04", "models.img.images", "is required for a model of kind: image"));
        cases.add(wholeCard("images:", "images: { 1024-standard: -0.04 }", "models.img.images.1024-standard",
                "must not be negative"));
        cases.add(wholeCard("images:", "images: {}", "models.img.images", "at least one size"));
        cases.add(wholeCard("input: 0.02", "output: 0.02", "models.emb", "input"));
        cases.add(wholeCard("custom: { serving: on_demand", "custom: { serving: sometimes }", "models.od.custom.serving",
                "unknown serving 'sometimes'"));
        cases.add(wholeCard("custom: { serving: on_demand", "custom: { serving: on_demand, input: 2.00 }",
                "models.od.custom.output", "is required"));
        cases.add(wholeCard("custom: { serving: provisioned_only", "custom: { serving: provisioned_only, input: 1 }",
                "models.tuned.custom.input", "no on-demand token prices"));
        cases.add(wholeCard("knowledge_base:", "knowledge_base: { monthly: 345.60, ocu_hourly: 0.24 }",
                "services.knowledge_base.ocu_hourly", "not both"));
        cases.add(wholeCard("knowledge_base:", "knowledge_base: { ocu_hourly: 0.24 }",
                "services.knowledge_base.min_ocus", "is required"));
        cases.add(wholeCard("logging:", "logging: { ingest_per_gb: 0.50 }", "services.logging.storage_per_gb_month",
                "is required"));
        cases.add(wholeCard("inter_region:", "inter_regions: { per_gb: 0.02 }", "services.inter_regions",
                "did you mean 'inter_region'"));
        cases.add(wholeCard("cache_write_1h:", "cache_write_1h: 1e400", "models.big.cache_write_1h", "1e15"));

        // rate card
        for (String field : List.of("input:", "output:", "cache_read:")) {
            String key = field.substring(0, field.length() - 1);
            cases.add(card(field, key + ": -3", "models.big." + key));
            cases.add(card(field, key + ": abc", "models.big." + key));
            cases.add(card(field, key + ": 1e400", "models.big." + key, "1e15"));
        }
        cases.add(card("currency:", "currency: dollars", "currency"));
        cases.add(card("tier: 3", "tier: high", "models.big.tier"));
        cases.add(card("batch_discount:", "batch_discount: 2", "defaults.batch_discount"));
        cases.add(card("source:", "sorce: x", "sorce", "unknown key"));
        cases.add(card("name: Big model", "name: [1]", "models.big.name"));
        cases.add(card("effective:", "effective: yesterday", "effective"));

        // EDP spec
        cases.add(edp("commit: [1800000]", "commit: [1800000, 1]", "scenarios[0].commit"));
        cases.add(edp("discount: 0.06", "discount: 1.5", "scenarios[0].discount"));
        cases.add(edp("discount: 0.06", "discount: 1e400", "scenarios[0].discount", "1e15"));
        cases.add(edp("term_years: 1", "term_years: 0", "scenarios[0].term_years"));
        cases.add(edp("organic:", "organic: [-1800000]", "spend.organic"));
        cases.add(edp("organic:", "organic: lots", "spend.organic"));
        cases.add(edp("uncertainty:", "uncertainty: 2", "spend.uncertainty"));
        cases.add(edp("plan: enterprise", "plan: platinum", "support"));
        cases.add(edp("baseline_support:", "baseline_support: 7", "baseline_support"));
        cases.add(edp("- { min_commit: 2000000", "- { min_commit: 1000000, discount: 0.10 }",
                "scenarios[1].tiers[1].min_commit", "same threshold"));
        cases.add(edp("currency:", "currency: 12", "currency"));
        cases.add(edp("ai: [300000]", "ai_from: nope.json", "spend.ai_from", "nope.json", "not found"));
        cases.add(c("edp support plan as the README writes it").file("edp.yaml",
                with(EDP, "plan: enterprise", "plan: { rate: 0.03, minimum_monthly: 15000 }")).args("edp", "{edp.yaml}")
                .exit(0));
        cases.add(c("edp ai_from a broken report").file("bad.json", "{\"schema\": \"aicost/estimate/v1\", ")
                .file("edp.yaml", with(EDP, "ai: [300000]", "ai_from: bad.json")).args("edp", "{edp.yaml}")
                .exit(2, "{bad.json}:", "invalid JSON"));

        // route spec
        cases.add(route("baseline:", "baseline: nope", "baseline", "unknown model"));
        cases.add(route("requests_per_month:", "requests_per_month: -5", "requests_per_month"));
        cases.add(route("max_cost_per_request:", "max_cost_per_request: 1e400", "max_cost_per_request", "1e15"));
        cases.add(route("over_ceiling:", "over_ceiling: explode", "over_ceiling"));
        cases.add(route("- small", "- nope", "candidates[0]", "unknown model"));
        cases.add(route("- { name: easy", "- { name: easy, share: 0.6, input_tokens: 500, output_tokens: 50, "
                + "min_tier: 1, calls_per_request: 0 }", "classes[0].calls_per_request", "above 0"));
        cases.add(route("- { name: easy", "- { name: easy, share: 1.6, input_tokens: 500, output_tokens: 50, "
                + "min_tier: 1 }", "share"));
        cases.add(route("- { name: hard", "- { name: hard, share: 0.4, input_tokens: 2000, output_tokens: 400, "
                + "min_tier: 9 }", "classes[1]"));
        cases.add(route("ratecard:", "ratecard: no-such-card", "ratecard", "unknown rate card"));

        // baseline JSON
        cases.add(baseline("{\"schema\": \"aicost/estimate/v1\", \"monthly_total\": \"1\", \"monthly_total\": \"2\"}",
                "{base.json}:1:", "Duplicate field"));
        cases.add(baseline(BASELINE + "trailing", "{base.json}:6:", "invalid JSON"));
        cases.add(baseline(BASELINE + "{}", "{base.json}:6:", "more after the end"));
        cases.add(baseline(BASELINE.replace("\"1000.00\"", "\"-5\""), "{base.json}:4:", "monthly_total",
                "must not be negative"));
        cases.add(baseline(BASELINE.replace("\"1000.00\"", "\"1e400\""), "{base.json}:4:", "monthly_total", "1e15"));
        cases.add(baseline(BASELINE.replace("\"1000.00\"", "\"lots\""), "{base.json}:4:", "monthly_total"));
        cases.add(baseline("[1, 2]", "{base.json}", "expected a JSON object"));
        cases.add(baseline(BASELINE.replace("aicost/estimate/v1", "something/else"), "{base.json}", "schema"));
        cases.add(baseline("{\"schema\": ", "{base.json}:1:", "invalid JSON"));
        cases.add(c("baseline with a BOM").file("card.yaml", CARD).file("spec.yaml", SPEC)
                .file("base.json", "\uFEFF" + BASELINE).args("estimate", "{spec.yaml}", "--baseline", "{base.json}")
                .exit(0));

        // hourly profile CSV
        cases.add(profile(PROFILE.replace("2026-10-01T11:00:00Z", "yesterday"), "{hourly.csv}:3:1: hour"));
        cases.add(profile(PROFILE.replace("3000000", "-3"), "{hourly.csv}:3:22: tokens", "negative"));
        cases.add(profile(PROFILE.replace("3000000", "1e400"), "{hourly.csv}:3:22: tokens"));
        cases.add(profile(PROFILE.replace("3000000", "lots"), "{hourly.csv}:3:22: tokens"));
        cases.add(profile(PROFILE.replace("2026-10-01T13:00:00Z", "2026-10-01T11:00:00Z"), "{hourly.csv}:4:1: hour",
                "duplicate"));
        cases.add(profile(PROFILE.replace("2026-10-01T13:00:00Z", "2026-10-01T09:00:00Z"), "{hourly.csv}:4:1: hour",
                "ascending"));
        cases.add(profile(PROFILE.replace("2026-10-01T11:00:00Z", "2026-10-01T11:30:00Z"), "{hourly.csv}:3:", "on the hour"));
        cases.add(profile("hour,count\n2026-10-01T10:00:00Z,1\n", "{hourly.csv}:1:", "hour", "tokens"));
        cases.add(profile("", "{hourly.csv}", "empty"));
        cases.add(profile("hour,tokens\n", "{hourly.csv}", "no rows"));
        cases.add(profile("hour,tokens\n\"2026-10-01T10:00:00Z,1\n", "{hourly.csv}"));
        cases.add(profile("hour,tokens\n2026-10-01T10:00:00Z,\"" + "1".repeat(2 << 20) + "\n", "{hourly.csv}:2:1:",
                "longer than"));
        cases.add(profile("hour,tokens\n2026-10-01T10:00:00Z,1,extra\n", "{hourly.csv}:2:", "fields"));
        cases.add(c("profile quoted, BOM and CRLF").file("card.yaml", CARD)
                .file("hourly.csv", "\uFEFF\"hour\",\"tokens\"\r\n\"2026-10-01T10:00:00Z\",\"1000\"\r\n")
                .args("breakeven", "--ratecard", "{card.yaml}", "--model", "big", "--input-tokens", "1000",
                        "--output-tokens", "100", "--profile", "{hourly.csv}", "--no-chart").exit(0));

        // invocation logs
        cases.add(log("logs.jsonl", "{\"eventName\":\"InvokeModel\"}\n", "{logs.jsonl}:1:",
                "no record is a Bedrock invocation-log record"));
        cases.add(log("pretty.json", "{\n  \"timestamp\": \"2026-10-01T10:00:00Z\"\n  \"modelId\": \"big\"\n}\n",
                "{pretty.json}:3:", "invalid JSON"));
        cases.add(log("array.json", "[" + LOG.strip() + ", 5, ]", "{array.json}:1:", "invalid JSON"));
        cases.add(c("log truncated gzip").file("log.jsonl.gz", java.util.Arrays.copyOf(gzip(LOG.repeat(200)), 60))
                .args("usage", "{log.jsonl.gz}").exit(2, "{log.jsonl.gz}", "gzip"));
        cases.add(c("log not gzip").file("log.jsonl.gz", new byte[] {0x1f, (byte) 0x8b, 8, 0, 9, 9, 9})
                .args("usage", "{log.jsonl.gz}").exit(2, "{log.jsonl.gz}", "gzip"));
        cases.add(c("log binary").file("log.json", new byte[] {0, 1, 2, 3, 0, 0}).args("usage", "{log.json}")
                .exit(2, "{log.json}", "binary"));
        cases.add(c("log gzip bomb of zeros").file("bomb.json.gz", gzipZeros(8 << 20)).args("usage", "{bomb.json.gz}")
                .exit(2, "{bomb.json.gz}", "binary"));
        cases.add(c("log folder with nothing").file("empty/readme.txt", "x").args("usage", "{empty}")
                .exit(2, "no log or export files"));
        cases.add(c("log missing").args("usage", "{gone.jsonl}").exit(2, "{gone.jsonl}", "not found"));
        cases.add(strictLog(LOG + "{\"timestamp\":\"2026-10-01T10:00:00Z\",\"modelId\":\"big\"", "{log.jsonl}:2:",
                "malformed record (--strict)"));
        cases.add(strictLog(LOG + LOG.replace("\"inputTokenCount\":100", "\"inputTokenCount\":-1"), "{log.jsonl}:2:",
                "inputTokenCount"));
        cases.add(strictLog(LOG + LOG.replace("\"outputTokenCount\":10", "\"outputTokenCount\":1.5"),
                "{log.jsonl}:2:", "outputTokenCount"));
        cases.add(strictLog(LOG + LOG.replace("2026-10-01T10:00:00Z", "yesterday"), "{log.jsonl}:2:", "timestamp"));
        cases.add(strictLog(LOG + LOG.replace(",\"modelId\":\"big\"", ""), "{log.jsonl}:2:", "modelId"));
        cases.add(strictLog(LOG + LOG.replace("\"big\"", "\"b\u00e9g\"").replace("\u00e9", "\u0000"),
                "{log.jsonl}:2:"));
        cases.add(c("strict log invalid UTF-8").file("log.jsonl", concat(LOG.getBytes(StandardCharsets.UTF_8),
                LOG.replace("test-1", "test-\u00ff").getBytes(StandardCharsets.ISO_8859_1)))
                .args("usage", "{log.jsonl}", "--strict").exit(2, "{log.jsonl}:", "UTF-8"));
        cases.add(strictLog(LOG + LOG.replace("\"inputTokenCount\":100", "\"inputTokenCount\":1" + "0".repeat(30)),
                "{log.jsonl}:2:"));

        // billing exports
        cases.add(c("export unknown header").file("sales.csv", "date,amount\n2026-10-01,3\n").args("usage", "{sales.csv}")
                .exit(2, "{sales.csv}", "line_item_usage_type", "ChargePeriodStart"));
        cases.add(c("export misspelled CUR header").file("cur.csv", CUR.replace("line_item_usage_type",
                "line_item_usagetype")).args("usage", "{cur.csv}").exit(2, "{cur.csv}", "line_item_usagetype"));
        cases.add(c("export FOCUS without BilledCost").file("focus.csv", FOCUS.replace("BilledCost", "Cost"))
                .args("usage", "{focus.csv}").exit(2, "{focus.csv}", "BilledCost"));
        cases.add(strictCur("2026-10-01T11:00:00Z,AmazonBedrock,USE1-NovaMicro-input-tokens,Usage,-1000,1K tokens,0.035",
                "{cur.csv}:3:", "line_item_usage_amount", "negative"));
        cases.add(strictCur("2026-10-01T11:00:00Z,AmazonBedrock,USE1-NovaMicro-input-tokens,Usage,1000,1K tokens,-0.035",
                "{cur.csv}:3:", "line_item_unblended_cost", "negative"));
        cases.add(strictCur("2026-10-01T11:00:00Z,AmazonBedrock,USE1-NovaMicro-input-tokens,Usage,1e400,1K tokens,0.035",
                "{cur.csv}:3:", "line_item_usage_amount", "1e15"));
        cases.add(strictCur("2026-10-01T11:00:00Z,AmazonBedrock,USE1-NovaMicro-input-tokens,Usage,"
                + "1" + "0".repeat(30) + ",Units,0.035", "{cur.csv}:3:", "line_item_usage_amount"));
        cases.add(strictCur("yesterday,AmazonBedrock,USE1-NovaMicro-input-tokens,Usage,1000,1K tokens,0.035",
                "{cur.csv}:3:1: line_item_usage_start_date", "ISO-8601"));
        cases.add(strictCur("2026-10-01T11:00:00Z,AmazonBedrock,USE1-NovaMicro-input-tokens,Usage,lots,1K tokens,0.035",
                "{cur.csv}:3:", "not a number"));
        cases.add(strictCur("2026-10-01T11:00:00Z,AmazonBedrock,USE1-NovaMicro-input-tokens,Usage,1000",
                "{cur.csv}:3:", "fields"));
        cases.add(strictFocus("2026-10-01 11:00:00,abc,1000000,Tokens,Amazon Bedrock,Usage,USE1-NovaMicro-input-tokens",
                "{focus.csv}:3:", "BilledCost"));
        cases.add(strictFocus("2026-10-01 11:00:00,0.035,-5,Tokens,Amazon Bedrock,Usage,USE1-NovaMicro-input-tokens",
                "{focus.csv}:3:", "ConsumedQuantity", "negative"));
        cases.add(strictFocus("13/10/2026,0.035,1000,Tokens,Amazon Bedrock,Usage,USE1-NovaMicro-input-tokens",
                "{focus.csv}:3:1: ChargePeriodStart"));
        cases.add(c("export every row malformed").file("cur.csv", CUR.replace("1000,1K", "x,1K"))
                .args("usage", "{cur.csv}").exit(2, "{cur.csv}:2:", "every row is malformed"));
        cases.add(c("export a credit is not netted").file("cur.csv", CUR + "2026-10-01T10:00:00Z,AmazonBedrock,"
                + "USE1-NovaMicro-input-tokens,Credit,0,1K tokens,-0.035\n").args("usage", "{cur.csv}", "--strict")
                .exit(0));
        cases.add(c("export a field that never closes").file("cur.csv", CUR + "\"" + "x".repeat(2 << 20) + "\n")
                .args("usage", "{cur.csv}").exit(2, "{cur.csv}:3:1:", "longer than"));
        cases.add(c("export gzip of a Parquet").file("cur.parquet.gz", gzip("PAR1 not really PAR1"))
                .args("usage", "{cur.parquet.gz}").exit(2, "{cur.parquet.gz}", "Parquet"));
        cases.add(c("export truncated Parquet").file("cur.parquet", "PAR1 and then nothing")
                .args("usage", "{cur.parquet}").exit(2, "{cur.parquet}", "truncated"));
        cases.add(c("logs and exports mixed").file("cur.csv", CUR).file("log.jsonl", LOG)
                .args("usage", "{cur.csv}", "{log.jsonl}").exit(2, "not both"));
        cases.add(c("export --emit-workload").file("cur.csv", CUR).args("usage", "{cur.csv}", "--emit-workload",
                "{w.yaml}").exit(2, "--emit-workload").outputs("w.yaml"));

        // price-list importers
        cases.add(litellm("{\"a\": {\"litellm_provider\": \"openai\"}, \"a\": {}}", "{prices.json}:1:", "Duplicate"));
        cases.add(litellm(LITELLM + " garbage", "{prices.json}:9:", "invalid JSON"));
        cases.add(litellm(LITELLM + " {}", "{prices.json}:9:", "more after the end"));
        cases.add(litellm(LITELLM.replace("3e-06", "1e400"), "{prices.json}:4:", "1e15"));
        cases.add(litellm("[1, 2, 3]", "{prices.json}", "expected a JSON object"));
        cases.add(litellm("{\"a\": ", "{prices.json}:1:", "invalid JSON"));
        cases.add(litellm("\uFEFF" + LITELLM.replace("3e-06", "-3e-06"), "{prices.json}", "input"));
        cases.add(c("litellm -o onto its input").file("prices.json", LITELLM)
                .args("ratecards", "import", "litellm", "{prices.json}", "--provider", "openai", "--id", "x", "-o",
                        "{prices.json}").exit(2, "{prices.json}", "also an input"));
        cases.add(c("aws price list without terms").file("pl.json", "{\"formatVersion\": \"v1.0\", \"products\": {}}")
                .args("ratecards", "import", "aws-pricelist", "{pl.json}", "--region", "us-east-1", "--id", "x", "-o",
                        "{out.yaml}").exit(2, "{pl.json}", "terms", "is missing").outputs("out.yaml"));
        cases.add(c("aws price list products as an array").file("pl.json", "{\"products\": [], \"terms\": {}}")
                .args("ratecards", "import", "aws-pricelist", "{pl.json}", "--region", "us-east-1", "--id", "x", "-o",
                        "{out.yaml}").exit(2, "{pl.json}:1:14: products", "expected a JSON object").outputs("out.yaml"));
        cases.add(c("aws price list a price of abc").file("pl.json", PRICE_LIST.replace("\"0.0000350000\"", "\"abc\""))
                .args("ratecards", "import", "aws-pricelist", "{pl.json}", "--region", "us-east-1", "--id", "x", "-o",
                        "{out.yaml}").exit(2, "{pl.json}:", "pricePerUnit.USD", "not a number").outputs("out.yaml"));
        cases.add(c("aws price list a price of 1e400").file("pl.json", PRICE_LIST.replace("\"0.0000350000\"",
                "\"1e400\"")).args("ratecards", "import", "aws-pricelist", "{pl.json}", "--region", "us-east-1", "--id",
                        "x", "-o", "{out.yaml}").exit(2, "{pl.json}:", "1e15").outputs("out.yaml"));
        cases.add(c("ratecards validate a broken card").file("card.yaml", with(CARD, "input: 3.00", "input: -1"))
                .args("ratecards", "validate", "{card.yaml}").exit(2, "{card.yaml}:", "models.big.input"));
        // price history (issue 16): eras out of order, a price of 1e400, history not a list
        cases.add(c("card history out of order").file("card.yaml", with(CARD, "cache_read: 0.30",
                "cache_read: 0.30\n    history: [{ until: 2026-06-30, input: 4 }, { until: 2026-01-31, input: 5 }]"))
                .args("ratecards", "validate", "{card.yaml}").exit(2, "{card.yaml}:", "models.big.history[1].until",
                        "oldest first"));
        cases.add(c("card history price 1e400").file("card.yaml", with(CARD, "cache_read: 0.30",
                "cache_read: 0.30\n    history: [{ until: 2026-06-30, input: 1e400 }]"))
                .args("ratecards", "validate", "{card.yaml}").exit(2, "{card.yaml}:", "models.big.history[0].input",
                        "1e15"));
        cases.add(c("card history a mapping").file("card.yaml", with(CARD, "cache_read: 0.30",
                "cache_read: 0.30\n    history: { until: 2026-06-30 }"))
                .args("ratecards", "validate", "{card.yaml}").exit(2, "{card.yaml}:", "models.big.history",
                        "expected a list"));
        // import from a URL (issue 16): no host, a scheme only
        cases.add(c("import from a URL without a host").args("ratecards", "import", "litellm", "http://", "--provider",
                "bedrock", "--id", "x", "-o", "{out.yaml}").exit(2, "http://", "not a valid URL").outputs("out.yaml"));
        // --trend (issue 16): --budget alone, a negative budget
        cases.add(c("usage --budget without --trend").file("log.jsonl", LOG).args("usage", "{log.jsonl}", "--budget",
                "10").exit(2, "--budget", "--trend"));
        cases.add(c("usage --trend --budget -5").file("log.jsonl", LOG).args("usage", "{log.jsonl}", "--trend",
                "--budget", "-5").exit(2, "--budget"));
        // --from-sql-result (issue 17): not a result, a bad row count, a negative token sum
        cases.add(c("sql result without aicost_result").file("r.csv", "model,calls\nx,1\n")
                .args("usage", "--from-sql-result", "{r.csv}").exit(2, "{r.csv}:1:1", "no aicost_result column"));
        cases.add(c("sql billing result with 0 rows a group").file("r.csv", "aicost_result,tag_key,BilledCost,"
                + "ChargePeriodStart,ConsumedQuantity,aicost_rows\naicost-usage-billing/1,,1.00,2026-10-01T10:00:00Z,"
                + "5,0\n").args("usage", "--from-sql-result", "{r.csv}").exit(2, "{r.csv}:2:", "aicost_rows"));
        cases.add(c("sql log result with a negative sum").file("r.csv", "aicost_result,tag_key,model,tag,region,"
                + "inference_region,hour,long_context,calls,input_tokens,cache_read_tokens,cache_write_tokens,"
                + "output_tokens\naicost-usage-logs/1,,m,,us-east-1,,2026-10-01T10:00:00Z,0,1,-5,0,0,1\n")
                .args("usage", "--from-sql-result", "{r.csv}").exit(2, "{r.csv}:2:", "input_tokens",
                        "must be 0 or more"));
        cases.add(c("ratecards diff a missing card").args("ratecards", "diff", "aws-bedrock-us-east-1", "{gone.yaml}")
                .exit(2, "{gone.yaml}", "not found"));
        cases.add(c("ratecards show an unknown card").args("ratecards", "show", "no-such-card")
                .exit(2, "unknown rate card"));

        // flags
        cases.add(flag("estimate", "{spec.yaml}", "--width", "-1").exit(2, "--width", "-1"));
        cases.add(flag("estimate", "{spec.yaml}", "--width", "100000").exit(2, "--width"));
        cases.add(flag("usage", "{log.jsonl}", "--threads", "0").exit(2, "--threads", "0"));
        cases.add(flag("usage", "{log.jsonl}", "--threads", "-1").exit(2, "--threads", "-1"));
        cases.add(flag("usage", "{log.jsonl}", "--threads", "100000").exit(2, "--threads"));
        cases.add(flag("usage", "{log.jsonl}", "--width", "-3").exit(2, "--width"));
        cases.add(flag("usage", "{log.jsonl}", "--sql", "mysql").exit(2, "--sql"));
        cases.add(flag("estimate", "{spec.yaml}", "--months", "0").exit(2, "--months"));
        cases.add(flag("estimate", "{spec.yaml}", "--months", "121").exit(2, "--months"));
        cases.add(flag("estimate", "{spec.yaml}", "--months", "lots").exit(2, "--months"));
        cases.add(flag("estimate", "{spec.yaml}", "--hours-per-month", "0").exit(2, "--hours-per-month"));
        cases.add(flag("estimate", "{spec.yaml}", "--hours-per-month", "1e400").exit(2, "--hours-per-month"));
        cases.add(flag("estimate", "{spec.yaml}", "--discount", "2").exit(2, "--discount"));
        cases.add(flag("estimate", "{spec.yaml}", "--discount", "abc").exit(2, "--discount"));
        cases.add(flag("estimate", "{spec.yaml}", "--budget", "abc").exit(2, "--budget"));
        cases.add(flag("estimate", "{spec.yaml}", "--budget", "-5").exit(2, "--budget"));
        cases.add(flag("estimate", "{spec.yaml}", "--fx", "EUR").exit(2, "--fx"));
        cases.add(flag("estimate", "{spec.yaml}", "--fx", "EUR=-1").exit(2, "--fx"));
        cases.add(flag("estimate", "{spec.yaml}", "--format", "xml").exit(2, "--format"));
        cases.add(flag("estimate", "{spec.yaml}", "--fail-on-increase", "5").exit(2, "--baseline"));
        cases.add(flag("estimate", "{spec.yaml}", "--compare", "no-such-card").exit(2, "no-such-card"));
        cases.add(flag("estimate", "{spec.yaml}", "--ratecard", "no-such-card").exit(2, "--ratecard", "no-such-card"));
        cases.add(flag("estimate", "{spec.yaml}", "--bogus").exit(2, "--bogus"));
        cases.add(flag("breakeven", "--ratecard", "{card.yaml}", "--model", "big", "--input-tokens", "-1",
                "--output-tokens", "10").exit(2, "--input-tokens"));
        cases.add(flag("breakeven", "--ratecard", "{card.yaml}", "--model", "big", "--input-tokens", "1e400",
                "--output-tokens", "10").exit(2, "--input-tokens"));
        cases.add(flag("breakeven", "--ratecard", "{card.yaml}", "--model", "nope", "--input-tokens", "10",
                "--output-tokens", "10").exit(2, "unknown model"));
        cases.add(flag("edp", "{gone.yaml}").exit(2, "{gone.yaml}", "not found"));
        cases.add(flag("completion", "fish").exit(2, "fish"));

        // outputs: never onto an input, a folder, or nowhere; links and devices handled
        cases.add(c("-o onto the spec").file("card.yaml", CARD).file("spec.yaml", SPEC)
                .args("estimate", "{spec.yaml}", "-o", "{spec.yaml}").exit(2, "{spec.yaml}", "also an input"));
        cases.add(c("-o onto the card through ..").file("card.yaml", CARD).file("spec.yaml", SPEC).file("sub/x", "")
                .args("estimate", "{spec.yaml}", "-o", "{sub}/../card.yaml").exit(2, "also an input"));
        cases.add(c("--emit-workload onto the log").file("log.jsonl", LOG)
                .args("usage", "{log.jsonl}", "--emit-workload", "{log.jsonl}").exit(2, "also an input"));
        cases.add(c("--emit-profile onto the log").file("log.jsonl", LOG)
                .args("usage", "{log.jsonl}", "--emit-profile", "{log.jsonl}").exit(2, "also an input"));
        cases.add(c("--plot onto the profile").file("card.yaml", CARD)
                .file("hourly.csv", PROFILE).args("breakeven", "--ratecard", "{card.yaml}", "--model", "big",
                        "--input-tokens", "1000", "--output-tokens", "100", "--profile", "{hourly.csv}", "--plot",
                        "{hourly.csv}", "--no-chart").exit(2, "also an input"));
        cases.add(c("-o into a missing folder").file("card.yaml", CARD).file("spec.yaml", SPEC)
                .args("estimate", "{spec.yaml}", "-o", "{nowhere}/report.txt").exit(2, "does not exist"));
        cases.add(c("-o onto a folder").file("card.yaml", CARD).file("spec.yaml", SPEC).file("out/keep", "")
                .args("estimate", "{spec.yaml}", "-o", "{out}").exit(2, "{out}", "folder"));
        cases.add(c("-o written").file("card.yaml", CARD).file("spec.yaml", SPEC)
                .args("estimate", "{spec.yaml}", "-o", "{report.txt}").exit(0).outputs("report.txt"));

        // specs that name other files
        cases.add(c("--map: a misspelled card key").file("card.yaml", CARD).file("spec.yaml", SPEC)
                .file("map.yaml", "schema: aicost/modelmap/v1\nmaps:\n  anthropic-apii:\n    big: claude-sonnet-4-5\n")
                .args("estimate", "{spec.yaml}", "--compare", "anthropic-api", "--map", "{map.yaml}")
                .exit(2, "{map.yaml}:3:3: maps.anthropic-apii", "did you mean 'anthropic-api'"));
        cases.add(c("--map: an unknown target").file("card.yaml", CARD).file("spec.yaml", SPEC)
                .file("map.yaml", "schema: aicost/modelmap/v1\nmaps:\n  anthropic-api:\n    big: claude-nope\n")
                .args("estimate", "{spec.yaml}", "--compare", "anthropic-api", "--map", "{map.yaml}")
                .exit(2, "{map.yaml}:4:10: maps.anthropic-api.big", "unknown model 'claude-nope'"));
        cases.add(c("--map without --compare").file("card.yaml", CARD).file("spec.yaml", SPEC)
                .file("map.yaml", "schema: aicost/modelmap/v1\nmaps: {}\n")
                .args("estimate", "{spec.yaml}", "--map", "{map.yaml}").exit(2, "--map"));
        return cases;
    }

    /** A small AWS Price List offer with one Nova Micro input price of $0.035 per 1M tokens (0.000035 per 1K). */
    static final String PRICE_LIST = """
            {
              "formatVersion": "v1.0",
              "offerCode": "AmazonBedrock",
              "products": {
                "SKU1": {
                  "sku": "SKU1",
                  "attributes": {
                    "regionCode": "us-east-1",
                    "usagetype": "USE1-NovaMicro-input-tokens",
                    "model": "Nova Micro",
                    "feature": "On-demand Inference",
                    "inferenceType": "Input tokens"
                  }
                }
              },
              "terms": {
                "OnDemand": {
                  "SKU1": {
                    "SKU1.T1": {
                      "priceDimensions": {
                        "SKU1.T1.D1": {
                          "unit": "1K tokens",
                          "description": "input tokens",
                          "pricePerUnit": { "USD": "0.0000350000" }
                        }
                      }
                    }
                  }
                }
              }
            }
            """;

    static byte[] gzipZeros(int size) {
        try (var bytes = new java.io.ByteArrayOutputStream(); OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(new byte[size]);
            out.close();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    @TestFactory
    Stream<DynamicTest> everyHostileInputGetsACleanAnswer() {
        List<Case> all = cases();
        assertThat(all).as("cases in the table").hasSizeGreaterThanOrEqualTo(150);
        return all.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private String resolve(String text, Path folder) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(name.equals("dir") ? folder.toString()
                    : folder.resolve(name).toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void check(Case c) throws IOException {
        Path folder = Files.createTempDirectory(dir, "case");
        for (Map.Entry<String, byte[]> file : c.files().entrySet()) {
            Path path = folder.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            byte[] content = resolve(new String(file.getValue(), StandardCharsets.ISO_8859_1), folder)
                    .getBytes(StandardCharsets.ISO_8859_1);
            Files.write(path, content);
        }
        Map<Path, String> before = checksums(folder);
        String[] args = c.args().stream().map(a -> resolve(a, folder)).toArray(String[]::new);
        Cli.Result result = Cli.run(args);
        String shown = "args " + String.join(" ", args) + "\nstdout: " + result.out() + "\nstderr: " + result.err();
        assertThat(result.exit()).as(shown).isEqualTo(c.exit());
        assertThat(result.err()).as(shown).doesNotContain("\tat ").doesNotContainPattern(CLASS_NAME);
        for (String fragment : c.expected()) {
            assertThat(result.err()).as(shown).contains(resolve(fragment, folder));
        }
        if (c.exit() == ExitCodes.BAD_INPUT) {
            assertThat(result.err()).as("an error message: " + shown).matches("(?s)(error|aicost): .*");
            for (String output : c.outputs()) {
                assertThat(folder.resolve(output)).as("no output after a failed run").doesNotExist();
            }
        } else {
            for (String output : c.outputs()) {
                assertThat(folder.resolve(output)).as("the output").exists();
            }
        }
        Map<Path, String> after = checksums(folder);
        for (Map.Entry<Path, String> input : before.entrySet()) {
            assertThat(after.get(input.getKey())).as("input " + input.getKey() + " unchanged").isEqualTo(input.getValue());
        }
        assertThat(after.keySet().stream().map(Path::toString)).as("no temporary file left")
                .noneMatch(name -> name.endsWith(".tmp"));
    }

    private static Map<Path, String> checksums(Path folder) throws IOException {
        Map<Path, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try {
                    sums.put(folder.relativize(file), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(Files.readAllBytes(file))));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return sums;
    }
}
