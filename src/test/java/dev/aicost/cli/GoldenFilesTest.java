package dev.aicost.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command in every format, pinned by a golden file (see {@link Golden}). The inputs are the
 * ones the command tests check by hand: BreakevenCommandTest (the test card's "unit" model),
 * RouteCommandTest and EdpCommandTest (the shipped examples), UsageCommandTest (invocations.jsonl),
 * UsageBillingTest (cur2.csv), UsageExportShapesTest (focus-1.2-skumeter.csv), RatecardsCommandTest
 * (the test cards), EstimateGoldenTest (golden/spec.yaml).
 */
class GoldenFilesTest {
    private static final String[] FORMATS = {"table", "json", "csv", "markdown"};
    private static final String[] EXTENSIONS = {"txt", "json", "csv", "md"};

    static Stream<Arguments> renderings() {
        List<Arguments> all = new ArrayList<>();
        add(all, "breakeven", "breakeven", "--ratecard", "src/test/resources/cards/test-card.yaml", "--model", "unit",
                "--input-tokens", "2000", "--output-tokens", "500", "--cache-prefix-tokens", "1000",
                "--cache-hit-rate", "0.5");
        add(all, "route", "route", "examples/routing.yaml");
        add(all, "edp", "edp", "examples/edp.yaml");
        add(all, "usage-logs", "usage", "src/test/resources/usage/invocations.jsonl", "--by", "team");
        add(all, "usage-cur", "usage", "src/test/resources/usage/cur2.csv", "--by", "team");
        add(all, "usage-focus", "usage", "src/test/resources/usage/focus-1.2-skumeter.csv");
        add(all, "ratecards-show", "ratecards", "show", "src/test/resources/cards/test-card.yaml");
        add(all, "ratecards-diff", "ratecards", "diff", "src/test/resources/cards/test-card.yaml",
                "src/test/resources/cards/other-card.yaml");
        return all.stream();
    }

    private static void add(List<Arguments> all, String name, String... args) {
        for (int i = 0; i < FORMATS.length; i++) {
            List<String> full = new ArrayList<>(List.of(args));
            full.addAll(List.of("--format", FORMATS[i], "--width", "0"));
            all.add(Arguments.of(name + "." + EXTENSIONS[i], full.toArray(String[]::new)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void matchesItsGoldenFile(String goldenFile, String[] args) throws IOException {
        Golden.assertGolden(goldenFile, args);
    }

    @Test
    void usageSqlForEveryDialect() throws IOException {
        for (String dialect : new String[] {"athena", "trino", "spark", "duckdb"}) {
            Golden.assertGolden("usage-sql-" + dialect + ".sql", "usage", "--sql", dialect, "--by", "team",
                    "logs/");
        }
    }
}
