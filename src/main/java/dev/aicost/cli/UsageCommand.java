package dev.aicost.cli;

import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.render.UsageRenderer;
import dev.aicost.report.UsageReport;
import dev.aicost.spec.InputException;
import dev.aicost.spec.Problem;
import dev.aicost.spec.RateCardRepository;
import dev.aicost.usage.BillingReader;
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
            "syncs them) or AWS CUR 2.0 / FOCUS CSV billing exports, sum calls and tokens per model (and",
            "tag), price them on a rate card (beside the billed cost, for exports), and write a workload",
            "spec for 'estimate' and an hourly profile for 'breakeven --profile'."},
        footerHeading = "%nExamples:%n",
        footer = {"  aicost usage logs/ --by team",
            "  aicost usage logs/ --emit-workload measured.yaml --emit-profile hourly.csv",
            "  aicost estimate measured.yaml && aicost breakeven --workload measured.yaml --profile hourly.csv",
            "  aicost usage --sql athena --by team",
            "", "Exit codes: 0 ok, 1 internal error, 2 bad input (and with --strict, the first malformed record)."})
public final class UsageCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "LOG", arity = "0..*",
            description = "log files or folders (.json, .jsonl, .gz), or CUR / FOCUS CSV exports")
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
        BillingInput billing = billing(files);
        if (billing != null) {
            return billingReport(billing, card, hoursPerMonth);
        }
        InvocationLogReader reader = new InvocationLogReader(by, strict);
        UsageAggregator aggregate;
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
        try (AutoCloseable progress = ProgressBar.start(reader.bytesRead(), totalBytes, !output.quiet)) {
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
                card.id(), card.currency(), by, result, output.shown(warnings));
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
        output.emit(spec, text);
        return ExitCodes.OK;
    }

    /** CSV billing exports among the inputs, all of one kind; null when the inputs are logs. */
    private record BillingInput(List<Path> files, BillingReader.Kind kind) {
    }

    private static BillingInput billing(List<Path> files) {
        List<Path> csv = new ArrayList<>();
        BillingReader.Kind kind = null;
        for (Path file : files) {
            List<String> header = header(file);
            BillingReader.Kind detected = header == null ? null : BillingReader.detect(header);
            if (detected == null) {
                continue;
            }
            if (kind != null && kind != detected) {
                throw InputException.of(file.toString(), "is a " + detected.label() + " export; the others are "
                        + kind.label());
            }
            kind = detected;
            csv.add(file);
        }
        if (csv.isEmpty()) {
            return null;
        }
        if (csv.size() != files.size()) {
            throw InputException.of(files.get(0).toString(), "give invocation logs or billing exports, not both");
        }
        return new BillingInput(csv, kind);
    }

    /** The CSV header of a file that does not start like JSON, or null. */
    private static List<String> header(Path file) {
        try (java.io.BufferedReader reader = open(file)) {
            String first = reader.readLine();
            if (first == null || first.stripLeading().startsWith("{")) {
                return null;
            }
            return List.of((first.startsWith("\uFEFF") ? first.substring(1) : first).split(",", -1));
        } catch (IOException e) {
            return null;
        }
    }

    private static java.io.BufferedReader open(Path file) throws IOException {
        java.io.InputStream in = Files.newInputStream(file);
        in = new java.io.BufferedInputStream(in);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        if (gzip) {
            in = new java.util.zip.GZIPInputStream(in);
        }
        return new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }

    private Integer billingReport(BillingInput input, RateCard card, BigDecimal hoursPerMonth) {
        if (emitWorkload != null) {
            throw InputException.of("--emit-workload", "billing exports have no call counts, so no call shape: "
                    + "emit a workload from invocation logs");
        }
        BillingReader.Read read = null;
        for (Path file : input.files()) {
            try (java.io.BufferedReader reader = open(file)) {
                String headerLine = reader.readLine();
                List<String> header = List.of((headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine)
                        .split(",", -1));
                BillingReader.Read next = BillingReader.read(file.toString(), reader, header, by, strict);
                read = read == null ? next : merge(read, next);
            } catch (InvocationLogReader.MalformedRecordException e) {
                throw new InputException(new Problem(e.record().file(), (int) e.record().line(), 0, null,
                        "malformed row (--strict): " + e.record().message()));
            } catch (IOException e) {
                throw InputException.of(file.toString(), "cannot be read: " + e.getMessage());
            }
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
                    + dev.aicost.render.Numbers.cents(read.otherBedrockCost(), card.currency())
                    + "; they are not in the table");
        }
        UsageReport report = new UsageReport(inputs.stream().map(Path::toString).toList(), input.kind().label(),
                card.id(), card.currency(), by, result, warnings);
        String text = UsageRenderer.render(report, output.format, output.width(), output.color());
        if (emitProfile != null) {
            if (result.hourly().hours() == 0) {
                throw InputException.of("--emit-profile", "no token lines, so no hourly profile to write");
            }
            AtomicFile.write(emitProfile, UsageRenderer.profile(report));
        }
        output.emit(spec, text);
        return ExitCodes.OK;
    }

    private static BillingReader.Read merge(BillingReader.Read a, BillingReader.Read b) {
        java.util.Map<BillingReader.Key, BillingReader.Sums> sums = new java.util.LinkedHashMap<>(a.sums());
        b.sums().forEach((key, value) -> sums.merge(key, value, (x, y) -> {
            BillingReader.Sums merged = new BillingReader.Sums();
            for (int i = 0; i < 4; i++) {
                merged.tokens[i] = x.tokens[i] + y.tokens[i];
            }
            merged.billed = x.billed.add(y.billed);
            return merged;
        }));
        java.util.TreeMap<Long, Long> hourly = new java.util.TreeMap<>(a.hourly());
        b.hourly().forEach((hour, tokens) -> hourly.merge(hour, tokens, Long::sum));
        List<dev.aicost.usage.UsageAggregator.Malformed> samples = new ArrayList<>(a.samples());
        samples.addAll(b.samples());
        return new BillingReader.Read(a.kind(), a.rows() + b.rows(), a.tokenRows() + b.tokenRows(),
                a.malformed() + b.malformed(), samples.subList(0, Math.min(5, samples.size())), sums, hourly,
                a.otherBedrockCost().add(b.otherBedrockCost()), a.dailyOnly() && b.dailyOnly());
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
                                || name.endsWith(".ndjson") || name.endsWith(".csv");
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
                    "no log or export files (.json, .jsonl, .ndjson, .csv, .gz) found");
        }
        return files;
    }
}
