package dev.aicost.cli;

import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.render.UsageRenderer;
import dev.aicost.report.UsageReport;
import dev.aicost.spec.InputException;
import dev.aicost.spec.Problem;
import dev.aicost.spec.RateCardRepository;
import dev.aicost.usage.InvocationLogReader;
import dev.aicost.usage.SqlEmitter;
import dev.aicost.usage.UsageAggregator;
import dev.aicost.usage.UsageAnalysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aicost usage}: measured usage from Bedrock invocation logs, priced, as a workload spec and a profile. */
@Command(name = "usage", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Read Bedrock model-invocation logs (JSON lines, plain or .gz; files or folders as S3",
            "syncs them), sum calls and tokens per model (and tag), price them on a rate card, and write",
            "a workload spec for 'estimate' and an hourly profile for 'breakeven --profile'."},
        footerHeading = "%nExamples:%n",
        footer = {"  aicost usage logs/ --by team",
            "  aicost usage logs/ --emit-workload measured.yaml --emit-profile hourly.csv",
            "  aicost estimate measured.yaml && aicost breakeven --workload measured.yaml --profile hourly.csv",
            "  aicost usage --sql athena --by team",
            "", "Exit codes: 0 ok, 1 internal error, 2 bad input (and with --strict, the first malformed record)."})
public final class UsageCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "LOG", arity = "0..*", description = "log files or folders (.json, .jsonl, .gz)")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--by", paramLabel = "KEY", description = "group by this requestMetadata key too (e.g. team)")
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
        if (sql != null) {
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
        if (inputs.isEmpty()) {
            throw InputException.of("usage", "give at least one log file or folder (or --sql DIALECT)");
        }
        BigDecimal hoursPerMonth = ratecardOptions.hoursPerMonth();
        if (ratecardOptions.ratecards.size() > 1) {
            throw InputException.of("--ratecard", "usage prices on one card");
        }
        RateCard card = RateCardRepository.fromSystem().load(ratecardOptions.ratecards.isEmpty()
                ? BreakevenCommand.DEFAULT_CARD : ratecardOptions.ratecards.get(0), null, "--ratecard");
        List<Path> files = expand(inputs);
        long totalBytes = 0;
        for (Path file : files) {
            try {
                totalBytes += Files.size(file);
            } catch (IOException e) {
                throw InputException.of(file.toString(), "cannot be read: " + e.getMessage());
            }
        }
        InvocationLogReader reader = new InvocationLogReader(by, strict);
        UsageAggregator aggregate;
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
        try (AutoCloseable progress = ProgressBar.start(reader.bytesRead(), totalBytes, !output.noColor)) {
            aggregate = reader.read(files, () -> new UsageAggregator(modelId -> threshold(card, modelId)),
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
        UsageAnalysis.Result result = UsageAnalysis.analyse(aggregate, card);
        List<String> warnings = new ArrayList<>();
        if (result.records() == 0) {
            warnings.add("no records were read");
        }
        if (result.models().stream().anyMatch(r -> r.longContextCalls() > 0) && emitWorkload != null) {
            warnings.add("some calls used long-context rates; the emitted workload averages them into one shape "
                    + "per model, so its estimate can differ from the priced cost here");
        }
        UsageReport report = new UsageReport(inputs.stream().map(Path::toString).toList(), "bedrock-invocation-logs",
                card.id(), card.currency(), by, result, warnings);
        String text = UsageRenderer.render(report, output.format, output.width(), output.color());
        if (emitWorkload != null) {
            AtomicFile.write(emitWorkload, UsageRenderer.workload(report, hoursPerMonth));
        }
        if (emitProfile != null) {
            if (result.hourly().hours() == 0) {
                throw InputException.of("--emit-profile", "no records, so no hourly profile to write");
            }
            AtomicFile.write(emitProfile, UsageRenderer.profile(report));
        }
        if (output.output != null) {
            AtomicFile.write(output.output, text);
        } else {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }

    private static long threshold(RateCard card, String modelId) {
        ModelPrice model = card.find(modelId).orElse(null);
        return model == null || model.longContext() == null ? 0 : model.longContext().aboveTokens();
    }

    /** Files as given, and the log files under folders (sorted); an error for what does not exist. */
    static List<Path> expand(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isRegularFile(input)) {
                files.add(input);
            } else if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile).filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".gz")
                                || name.endsWith(".ndjson");
                    }).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw InputException.of(input.toString(), "cannot be read: " + e.getMessage());
                }
            } else {
                throw InputException.of(input.toString(), "file not found");
            }
        }
        if (files.isEmpty()) {
            throw InputException.of(String.join(", ", inputs.stream().map(Path::toString).toList()),
                    "no log files (.json, .jsonl, .ndjson, .gz) found");
        }
        return files;
    }
}
