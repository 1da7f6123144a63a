package dev.aicost.cli;

import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.render.Numbers;
import dev.aicost.render.UsageRenderer;
import dev.aicost.report.UsageReport;
import dev.aicost.input.InputException;
import dev.aicost.input.Problem;
import dev.aicost.input.RateCardRepository;
import dev.aicost.input.RegionCards;
import dev.aicost.usage.BillingReader;
import dev.aicost.usage.InvocationLogReader;
import dev.aicost.usage.SqlEmitter;
import dev.aicost.usage.UsageAggregator;
import dev.aicost.usage.UsageAnalysis;
import dev.aicost.usage.UsageInputs;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aicost usage}: measured usage from invocation logs or billing exports, priced, as a workload and a profile. */
@Command(name = "usage", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Read Bedrock model-invocation logs (JSON lines, pretty-printed records or a JSON array,",
            "plain or .gz; files or folders as S3 syncs them) or billing exports (AWS CUR 2.0, legacy CUR,",
            "FOCUS 1.0-1.3; CSV, .csv.gz or Parquet), told apart by content. Sums calls and tokens per",
            "model (and tag), prices them on the rate card of each call's region (exports: beside the",
            "billed cost, with the gap), and writes a workload spec for 'estimate' and an hourly profile",
            "for 'breakeven --profile'."},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_INTERNAL, ExitCodes.LIST_BAD_INPUT, "  :with --strict, also at the first malformed record"},
        footerHeading = "%nExamples:%n",
        footer = {"  aicost usage logs/ --by team",
            "  aicost usage logs/ --ratecard aws-bedrock-us-east-1 --ratecard my-eu-central-1.yaml",
            "  aicost usage logs/ --emit-workload measured.yaml --emit-profile hourly.csv",
            "  aicost usage cur-export.parquet --by team",
            "  aicost usage focus-export.csv.gz --format json",
            "  aicost estimate measured.yaml && aicost breakeven --workload measured.yaml --profile hourly.csv",
            "  aicost usage --sql athena --by team",
})
public final class UsageCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "invocation logs or folders of them, or billing exports (CSV, .gz, Parquet)")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--by", paramLabel = "KEY", description = "group by this tag too (requestMetadata, resource tags)")
    String by;

    @Option(names = "--strict", description = "stop with exit 2 at the first malformed record")
    boolean strict;

    @Option(names = "--emit-workload", paramLabel = "FILE.yaml", description = "write a workload spec of the usage")
    Path emitWorkload;

    @Option(names = "--emit-profile", paramLabel = "FILE.csv", description = "write the hourly profile (hour,tokens)")
    Path emitProfile;

    @Option(names = "--sql", paramLabel = "DIALECT",
            description = "print the aggregation as SQL instead: athena, trino, spark or duckdb")
    String sql;

    @Option(names = "--threads", paramLabel = "N", description = "threads to read with (default: the cores)")
    Integer threads;

    @Mixin
    RatecardOptions ratecardOptions;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        if (threads != null && (threads < 1 || threads > 256)) {
            throw InputException.of("--threads", "must be between 1 and 256, got " + threads);
        }
        output.width();
        if (sql != null) {
            return printSql();
        }
        if (inputs.isEmpty()) {
            throw InputException.of("usage", "give at least one log file or folder (or --sql DIALECT)");
        }
        BigDecimal hoursPerMonth = ratecardOptions.hoursPerMonth();
        RegionCards cards = new RegionCards(RateCardRepository.fromSystem(), ratecardOptions.ratecards, "--ratecard");
        UsageInputs files = UsageInputs.of(inputs);
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        return files.billing() ? billingReport(files, cards.defaultCard(), threadCount)
                : logReport(files, cards, hoursPerMonth, threadCount);
    }

    private Integer printSql() {
        SqlEmitter.Dialect dialect;
        try {
            dialect = SqlEmitter.Dialect.parse(sql);
        } catch (IllegalArgumentException e) {
            throw InputException.of("--sql", "expected athena, trino, spark or duckdb, got '" + sql + "'");
        }
        List<String> paths = inputs.isEmpty() ? List.of("logs/**/*.json*") : inputs.stream()
                .map(p -> Files.isDirectory(p) ? p.resolve("**/*.json*").toString() : p.toString()).toList();
        spec.commandLine().getOut().print(SqlEmitter.emit(dialect, paths, by));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private Integer logReport(UsageInputs files, RegionCards cards, BigDecimal hoursPerMonth, int threadCount) {
        RateCard card = cards.defaultCard();
        InvocationLogReader reader = new InvocationLogReader(by, strict);
        UsageAggregator aggregate;
        try (AutoCloseable progress = ProgressBar.start(reader.bytesRead(), files.totalBytes(), !output.quiet)) {
            aggregate = reader.readDetected(files.logs(), () -> new UsageAggregator(modelId -> threshold(card, modelId)),
                    threadCount);
        } catch (InvocationLogReader.MalformedRecordException e) {
            throw new InputException(new Problem(e.record().file(), (int) Math.min(Integer.MAX_VALUE,
                    e.record().line()), 0, null, "malformed record (--strict): " + e.record().message()));
        } catch (UncheckedIOException e) {
            throw InputException.of(String.valueOf(e.getMessage()), "cannot be read");
        } catch (InputException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        UsageAnalysis.Result result = UsageAnalysis.analyse(aggregate, cards::forRegion, cards::fallback);
        if (result.records() == 0 && result.malformed() > 0) {
            UsageAggregator.Malformed first = result.samples().get(0);
            throw new InputException(new Problem(first.file(), (int) Math.min(Integer.MAX_VALUE, first.line()), 0, null,
                    "no record is a Bedrock invocation-log record (" + result.malformed() + " malformed; the first: "
                    + first.message() + "); expected JSON records with timestamp, modelId, input.inputTokenCount "
                    + "and output.outputTokenCount"));
        }
        List<String> warnings = new ArrayList<>();
        if (result.records() == 0) {
            warnings.add("no records were read");
        }
        for (UsageAnalysis.RegionUse region : result.regions()) {
            if (region.fallback()) {
                warnings.add("calls made in " + region.region() + " (" + Numbers.count(BigDecimal.valueOf(region.calls()))
                        + ", " + region.share().multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_EVEN)
                        + "% of calls) are priced on " + region.ratecard() + ": no card for " + region.region()
                        + " was given or ships; add one with --ratecard");
            }
        }
        if (result.models().stream().anyMatch(r -> r.longContextCalls() > 0) && emitWorkload != null) {
            warnings.add("some calls used long-context rates; the emitted workload averages them into one shape "
                    + "per model, so its estimate can differ from the priced cost here");
        }
        UsageReport report = new UsageReport(inputs.stream().map(Path::toString).toList(), "bedrock-invocation-logs",
                card.id(), card.currency(), by, result, output.shown(warnings));
        String text = UsageRenderer.render(report, output.format, output.width(), output.color());
        if (emitWorkload != null) {
            AtomicFile.write(emitWorkload, UsageRenderer.workload(report, hoursPerMonth));
        }
        writeProfile(report, "no records");
        output.emit(spec, text);
        return ExitCodes.OK;
    }

    private Integer billingReport(UsageInputs files, RateCard card, int threadCount) {
        if (emitWorkload != null) {
            throw InputException.of("--emit-workload", "billing exports have no call counts, so no call shape: "
                    + "emit a workload from invocation logs");
        }
        BillingReader reader = new BillingReader(by, strict);
        files.readExports(reader, by, threadCount);
        BillingReader.Read read = reader.result();
        if (read.rows() > 0 && read.malformed() == read.rows()) {
            UsageAggregator.Malformed first = read.samples().get(0);
            throw new InputException(new Problem(first.file(), (int) Math.min(Integer.MAX_VALUE, first.line()), 0, null,
                    "every row is malformed (" + read.malformed() + "; the first: " + first.message() + ")"));
        }
        UsageAnalysis.Result result = BillingReader.analyse(read, card);
        List<String> warnings = new ArrayList<>();
        if (read.tokenRows() == 0) {
            warnings.add("no Bedrock token line items were found");
        }
        if (read.dailyOnly()) {
            warnings.add("every line starts at midnight: the export looks daily, so the hourly profile puts each "
                    + "day's tokens in its first hour; export with hourly granularity for sizing");
        }
        if (read.otherBedrockCost().signum() != 0) {
            warnings.add("Bedrock lines that are not tokens (provisioned throughput, guardrails, ...) billed "
                    + Numbers.cents(read.otherBedrockCost(), card.currency())
                    + "; they are listed apart, not priced");
        }
        UsageReport report = new UsageReport(inputs.stream().map(Path::toString).toList(), read.kind().label(),
                card.id(), card.currency(), by, result, output.shown(warnings));
        String text = UsageRenderer.render(report, output.format, output.width(), output.color());
        writeProfile(report, "no token lines");
        output.emit(spec, text);
        return ExitCodes.OK;
    }

    private void writeProfile(UsageReport report, String nothing) {
        if (emitProfile == null) {
            return;
        }
        if (report.result().hourly().hours() == 0) {
            throw InputException.of("--emit-profile", nothing + ", so no hourly profile to write");
        }
        AtomicFile.write(emitProfile, UsageRenderer.profile(report));
    }

    private static long threshold(RateCard card, String modelId) {
        ModelPrice model = card.find(modelId).orElse(null);
        return model == null || model.longContext() == null ? 0 : model.longContext().aboveTokens();
    }
}
