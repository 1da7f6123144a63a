package dev.aicost.cli;

import dev.aicost.model.RateCard;
import dev.aicost.render.Numbers;
import dev.aicost.render.UsageRenderer;
import dev.aicost.report.UsageReport;
import dev.aicost.input.InputException;
import dev.aicost.input.RateCardRepository;
import dev.aicost.input.RegionCards;
import dev.aicost.usage.SqlEmitter;
import dev.aicost.usage.UsageInputs;
import dev.aicost.usage.UsageRun;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code aicost usage}: measured usage from invocation logs or billing exports, priced, as a workload and a profile. */
/**
 * {@code aicost usage}: measured traffic from invocation logs or billing exports. Like
 * {@code estimate} it is run one-shot by nightly jobs, so its command model is built through
 * picocli's programmatic API ({@link #spec()}): no annotation is read on this path.
 */
public final class UsageCommand implements Callable<Integer> {
    picocli.CommandLine.Model.CommandSpec spec;
    List<Path> inputs = new ArrayList<>();
    String by;
    boolean strict;
    Path emitWorkload;
    Path emitProfile;
    String sql;
    Integer threads;
    boolean trend;
    BigDecimal budget;
    Path fromSqlResult;
    final RatecardOptions ratecardOptions = new RatecardOptions();
    final OutputOptions output = new OutputOptions();

    /** The command's model, bound to this object. */
    @SuppressWarnings("unchecked")
    picocli.CommandLine.Model.CommandSpec spec() {
        spec = CommandSpec.wrapWithoutInspection(this).name("usage");
        spec.usageMessage().sortOptions(false).autoWidth(true)
                .description("Read Bedrock model-invocation logs (JSON lines, pretty-printed records or a JSON array,",
                        "plain or .gz; files or folders as S3 syncs them) or billing exports (AWS CUR 2.0, legacy CUR,",
                        "FOCUS 1.0-1.3; CSV, .csv.gz or Parquet), told apart by content. Sums calls and tokens per",
                        "model (and tag), prices them on the rate card of each call's region (exports: beside the",
                        "billed cost, with the gap), and writes a workload spec for 'estimate' and an hourly profile",
                        "for 'breakeven --profile'.")
                .exitCodeListHeading(ExitCodes.HEADING)
                .exitCodeList(Specs.exitCodes(ExitCodes.LIST_OK, ExitCodes.LIST_INTERNAL, ExitCodes.LIST_BAD_INPUT,
                        "  :with --strict, also at the first malformed record"))
                .footerHeading("%nExamples:%n")
                .footer("  aicost usage logs/ --by team",
                        "  aicost usage logs/ --ratecard aws-bedrock-us-east-1 --ratecard my-eu-central-1.yaml",
                        "  aicost usage logs/ --emit-workload measured.yaml --emit-profile hourly.csv",
                        "  aicost usage cur-export.parquet --by team",
                        "  aicost usage focus-export.csv.gz --format json",
                        "  aicost estimate measured.yaml && aicost breakeven --workload measured.yaml --profile hourly.csv",
                        "  aicost usage logs/ --trend --by team --budget 5000",
                        "  aicost usage logs/ --trend --emit-workload measured.yaml",
                        "  aicost usage --sql athena --by team > usage.sql",
                        "  aicost usage --from-sql-result result.csv --emit-workload measured.yaml");
        spec.addPositional(Specs.bound(PositionalParamSpec.builder().index("0..*").arity("0..*").paramLabel("FILE")
                .type(List.class).auxiliaryTypes(Path.class)
                .description("invocation logs or folders of them, or billing exports (CSV, .gz, Parquet)"),
                () -> inputs, v -> inputs = (List<Path>) v).build());
        spec.addOption(Specs.bound(OptionSpec.builder("--by").paramLabel("KEY").type(String.class)
                .description("group by this tag too (requestMetadata, resource tags)"), () -> by, v -> by = (String) v)
                .build());
        spec.addOption(Specs.bound(OptionSpec.builder("--strict").type(boolean.class).arity("0")
                .description("stop with exit 2 at the first malformed record"), () -> strict,
                v -> strict = (Boolean) v).build());
        spec.addOption(Specs.bound(OptionSpec.builder("--emit-workload").paramLabel("FILE.yaml").type(Path.class)
                .description("write a workload spec of the usage"), () -> emitWorkload, v -> emitWorkload = (Path) v)
                .build());
        spec.addOption(Specs.bound(OptionSpec.builder("--emit-profile").paramLabel("FILE.csv").type(Path.class)
                .description("write the hourly profile (hour,tokens)"), () -> emitProfile, v -> emitProfile = (Path) v)
                .build());
        spec.addOption(Specs.bound(OptionSpec.builder("--sql").paramLabel("DIALECT").type(String.class)
                .description("print the aggregation as SQL for athena, trino, spark or duckdb instead: of the logs, or "
                        + "given a billing export (a sample of the table), of that export"), () -> sql,
                v -> sql = (String) v).build());
        spec.addOption(Specs.bound(OptionSpec.builder("--from-sql-result").paramLabel("RESULT.csv").type(Path.class)
                .description("read the result of the --sql query, saved as CSV with its header, instead of the logs"),
                () -> fromSqlResult, v -> fromSqlResult = (Path) v).build());
        spec.addOption(Specs.bound(OptionSpec.builder("--threads").paramLabel("N").type(Integer.class)
                .description("threads to read with (default: the cores)"), () -> threads, v -> threads = (Integer) v)
                .build());
        spec.addOption(Specs.bound(OptionSpec.builder("--trend").type(boolean.class).arity("0")
                .description("add the daily series, the month-over-month growth fitted to it, anomaly days and, "
                        + "with --budget, when this month's spend crosses it (--emit-workload then writes each "
                        + "workload's growth when the fit rests on 28 days or more)"),
                () -> trend, v -> trend = (Boolean) v).build());
        spec.addOption(Specs.bound(OptionSpec.builder("--budget").paramLabel("AMOUNT").type(BigDecimal.class)
                .converters(new Flags.Amount())
                .description("with --trend: the monthly budget whose crossing date to project"),
                () -> budget, v -> budget = (BigDecimal) v).build());
        ratecardOptions.addTo(spec);
        output.addTo(spec);
        Specs.addStandardHelp(spec);
        return spec;
    }

    @Override
    public Integer call() {
        if (threads != null && (threads < 1 || threads > 256)) {
            throw InputException.of("--threads", "must be between 1 and 256, got " + threads);
        }
        output.width();
        if (budget != null && !trend) {
            throw InputException.of("--budget", "applies with --trend (the month's spend projected from the daily "
                    + "trend); add --trend");
        }
        if (sql != null) {
            return printSql();
        }
        if (fromSqlResult != null) {
            return fromSqlResult();
        }
        if (inputs.isEmpty()) {
            throw InputException.of("usage", "give at least one log file or folder (or --sql DIALECT, or "
                    + "--from-sql-result RESULT.csv)");
        }
        BigDecimal hoursPerMonth = ratecardOptions.hoursPerMonth();
        RegionCards cards = cards();
        UsageInputs files = UsageInputs.of(inputs);
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        refuseWorkloadFrom(files.billing());
        UsageRun.Formats formats = formats(cards);
        UsageRun.Outcome outcome = files.billing()
                ? UsageRun.exports(files, cards.defaultCard(), by, strict, threadCount, formats)
                : UsageRun.logs(files, cards, by, strict, threadCount, emitWorkload != null,
                        (done, total) -> ProgressBar.start(done, total, !output.quiet), formats);
        return report(outcome, cards.defaultCard(), hoursPerMonth);
    }

    /** Which card prices each region's calls: the --ratecard cards, the shipped regional cards, the default. */
    private RegionCards cards() {
        return new RegionCards(RateCardRepository.fromSystem(), ratecardOptions.ratecards, "--ratecard",
                Defaults.current().defaultCard());
    }

    /** Money and counts in warnings, as the tables write them. */
    private static UsageRun.Formats formats(RegionCards cards) {
        return new UsageRun.Formats(amount -> Numbers.cents(amount, cards.defaultCard().currency()), Numbers::count);
    }

    private void refuseWorkloadFrom(boolean billing) {
        if (billing && emitWorkload != null) {
            throw InputException.of("--emit-workload", "billing exports have no call counts, so no call shape: "
                    + "emit a workload from invocation logs");
        }
    }

    /** The report from a SQL result: the same as from the logs, but for the call-shape percentiles. */
    private Integer fromSqlResult() {
        if (!inputs.isEmpty()) {
            throw InputException.of("--from-sql-result", "reads the query's result instead of the logs: give either "
                    + "the result or the logs, not both");
        }
        RegionCards cards = cards();
        UsageRun.Formats formats = formats(cards);
        boolean billing = dev.aicost.usage.SqlResultReader.peek(fromSqlResult).billing();
        refuseWorkloadFrom(billing);
        UsageRun.SqlOutcome read = billing
                ? UsageRun.exportsFromSqlResult(fromSqlResult, cards.defaultCard(), strict, formats)
                : UsageRun.logsFromSqlResult(fromSqlResult, cards, emitWorkload != null, formats);
        if (by != null && !by.equals(read.tagKey())) {
            throw InputException.of("--by", "the result was grouped by " + (read.tagKey() == null ? "no tag"
                    : "'" + read.tagKey() + "'") + "; print the query again with --by " + by + " and rerun it");
        }
        by = read.tagKey();
        inputs = List.of(fromSqlResult);
        return report(read.outcome(), cards.defaultCard(), ratecardOptions.hoursPerMonth());
    }

    private Integer printSql() {
        SqlEmitter.Dialect dialect;
        try {
            dialect = SqlEmitter.Dialect.parse(sql);
        } catch (IllegalArgumentException e) {
            throw InputException.of("--sql", "expected athena, trino, spark or duckdb, got '" + sql + "'");
        }
        // paths that are not here (a folder named for the DuckDB query to read later) are log paths
        if (!inputs.isEmpty() && inputs.stream().allMatch(Files::isRegularFile)) {
            UsageInputs files = UsageInputs.of(inputs);
            if (files.billing()) {
                // a billing export (or a sample of the table's): its columns decide the query
                spec.commandLine().getOut().print(files.billingSql(dialect, by));
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
        }
        List<String> paths = inputs.isEmpty() ? List.of("logs/**/*.json*") : inputs.stream()
                .map(p -> Files.isDirectory(p) ? p.resolve("**/*.json*").toString() : p.toString()).toList();
        RegionCards cards = cards();
        spec.commandLine().getOut().print(SqlEmitter.emit(dialect, paths, by,
                dev.aicost.usage.UsageRun.longContextThresholds(cards.defaultCard())));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private Integer report(UsageRun.Outcome outcome, RateCard card, BigDecimal hoursPerMonth) {
        UsageReport report = new UsageReport(inputs.stream().map(Path::toString).toList(), outcome.format(),
                card.id(), card.currency(), by, outcome.result(), output.shown(outcome.warnings()));
        String text;
        String workload = null;
        if (trend) {
            // Tablesaw and commons-math3 are loaded only here
            UsageTrend.Rendered rendered = UsageTrend.render(report, hoursPerMonth, budget, output, emitWorkload != null);
            text = rendered.text();
            workload = rendered.workload();
        } else {
            text = UsageRenderer.render(report, output.format, output.width(), output.color());
            if (emitWorkload != null) {
                workload = UsageRenderer.workload(report, hoursPerMonth);
            }
        }
        if (emitWorkload != null) {
            AtomicFile.write(emitWorkload, workload);
        }
        if (emitProfile != null) {
            if (report.result().hourly().hours() == 0) {
                throw InputException.of("--emit-profile", (report.result().billing() == null ? "no records"
                        : "no token lines") + ", so no hourly profile to write");
            }
            AtomicFile.write(emitProfile, UsageRenderer.profile(report));
        }
        output.emit(spec, text);
        return ExitCodes.OK;
    }
}
