package dev.aicost.usage;

import dev.aicost.input.InputException;
import dev.aicost.input.Problem;
import dev.aicost.input.RegionCards;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One run of {@code aicost usage} short of rendering: read the inputs, analyse them, and say what
 * to warn about. A read where nothing could be used is bad input; so is, with {@code --strict},
 * the first malformed record or row.
 */
public final class UsageRun {
    /** What was read and analysed, and the warnings (money and counts formatted by the caller's functions). */
    public record Outcome(UsageAnalysis.Result result, List<String> warnings, String format) {
    }

    /** A SQL result read back: the outcome, and the tag key its query grouped by (null for none). */
    public record SqlOutcome(Outcome outcome, String tagKey) {
    }

    /** How the caller writes money and counts in warnings. */
    public record Formats(Function<BigDecimal, String> money, Function<BigDecimal, String> count) {
    }

    /** Opens a progress display over the bytes read so far of a known total (or does nothing). */
    public interface Progress {
        AutoCloseable start(AtomicLong done, long total);
    }

    private UsageRun() {
    }

    /** Invocation logs, each call priced on the card of its region. */
    public static Outcome logs(UsageInputs files, RegionCards cards, String tagKey, boolean strict, int threads,
            boolean emittingWorkload, Progress progress, Formats formats) {
        RateCard card = cards.defaultCard();
        InvocationLogReader reader = new InvocationLogReader(tagKey, strict);
        UsageAggregator aggregate;
        try (AutoCloseable bar = progress.start(reader.bytesRead(), files.totalBytes())) {
            aggregate = reader.readDetected(files.logs(), () -> new UsageAggregator(id -> threshold(card, id)), threads);
        } catch (InvocationLogReader.MalformedRecordException e) {
            throw new InputException(new Problem(e.record().file(), (int) Math.min(Integer.MAX_VALUE,
                    e.record().line()), 0, null, "malformed record (--strict): " + e.record().message()));
        } catch (InputException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        UsageAnalysis.Result result = UsageAnalysis.analyse(aggregate, cards::forRegion, cards::fallback);
        List<String> warnings = logWarnings(result, emittingWorkload, formats);
        if (result.records() == 0 && result.malformed() > 0) {
            throw nothingRead(result.samples().get(0), "no record is a Bedrock invocation-log record ("
                    + result.malformed() + " malformed; the first: %s); expected JSON records with timestamp, modelId, "
                    + "input.inputTokenCount and output.outputTokenCount");
        }
        return new Outcome(result, warnings, "bedrock-invocation-logs");
    }

    /**
     * The result of {@code usage --sql}'s log query, run elsewhere and saved as CSV: the same report
     * as the logs would give, but for the call-shape percentiles, which need the calls themselves.
     */
    public static SqlOutcome logsFromSqlResult(java.nio.file.Path file, RegionCards cards, boolean emittingWorkload,
            Formats formats) {
        RateCard card = cards.defaultCard();
        SqlResultReader.LogResult read = SqlResultReader.readLogs(file, id -> threshold(card, id));
        UsageAnalysis.Result result = UsageAnalysis.analyse(read.aggregate(), cards::forRegion, cards::fallback);
        List<String> warnings = new ArrayList<>(logWarnings(result, emittingWorkload, formats));
        if (result.records() > 0) {
            warnings.add("read from a SQL result (" + read.rows() + " rows of sums): call-shape percentiles need "
                    + "the calls themselves and are not shown");
        }
        return new SqlOutcome(new Outcome(result, warnings, "bedrock-invocation-logs"), read.tagKey());
    }

    private static List<String> logWarnings(UsageAnalysis.Result result, boolean emittingWorkload, Formats formats) {
        List<String> warnings = new ArrayList<>();
        if (result.records() == 0) {
            warnings.add("no records were read");
        }
        for (UsageAnalysis.RegionUse region : result.regions()) {
            if (region.fallback()) {
                warnings.add("calls made in " + region.region() + " (" + formats.count().apply(BigDecimal.valueOf(
                        region.calls())) + ", " + region.share().multiply(BigDecimal.valueOf(100)).setScale(1,
                        RoundingMode.HALF_EVEN) + "% of calls) are priced on " + region.ratecard() + ": no card for "
                        + region.region() + " was given or ships; add one with --ratecard");
            }
        }
        if (emittingWorkload && result.models().stream().anyMatch(r -> r.longContextCalls() > 0)) {
            warnings.add("some calls used long-context rates; the emitted workload averages them into one shape "
                    + "per model, so its estimate can differ from the priced cost here");
        }
        return warnings;
    }

    /** Billing exports, priced on {@code card} beside what was billed. */
    public static Outcome exports(UsageInputs files, RateCard card, String tagKey, boolean strict, int threads,
            Formats formats) {
        BillingReader reader = new BillingReader(tagKey, strict);
        files.readExports(reader, tagKey, threads);
        return exportOutcome(reader.result(), card, formats);
    }

    /** The result of {@code usage --sql}'s billing query, read as the export's rows would be. */
    public static SqlOutcome exportsFromSqlResult(java.nio.file.Path file, RateCard card, boolean strict,
            Formats formats) {
        // the tag key is the result's: read it first so the reader looks for its column
        String tagKey = SqlResultReader.peek(file).tagKey();
        BillingReader reader = new BillingReader(tagKey, strict);
        SqlResultReader.readBilling(file, reader);
        return new SqlOutcome(exportOutcome(reader.result(), card, formats), tagKey);
    }

    private static Outcome exportOutcome(BillingReader.Read read, RateCard card, Formats formats) {
        if (read.rows() > 0 && read.malformed() == read.rows()) {
            throw nothingRead(read.samples().get(0), "every row is malformed (" + read.malformed()
                    + "; the first: %s)");
        }
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
                    + formats.money().apply(read.otherBedrockCost()) + "; they are listed apart, not priced");
        }
        return new Outcome(BillingReader.analyse(read, card), warnings, read.kind().label());
    }

    /** Bad input at the first malformed record: {@code message} with its reason in place of %s. */
    private static InputException nothingRead(UsageAggregator.Malformed first, String message) {
        return new InputException(new Problem(first.file(), (int) Math.min(Integer.MAX_VALUE, first.line()), 0, null,
                message.replace("%s", first.message())));
    }

    /** Each id and alias of the card's models with long-context rates, to their threshold (for --sql). */
    public static java.util.Map<String, Long> longContextThresholds(RateCard card) {
        java.util.Map<String, Long> thresholds = new java.util.TreeMap<>();
        for (ModelPrice model : card.models().values()) {
            if (model.longContext() != null) {
                thresholds.put(model.id(), model.longContext().aboveTokens());
                model.aliases().forEach(alias -> thresholds.put(alias, model.longContext().aboveTokens()));
            }
        }
        return thresholds;
    }

    private static long threshold(RateCard card, String modelId) {
        ModelPrice model = card.find(modelId).orElse(null);
        return model == null || model.longContext() == null ? 0 : model.longContext().aboveTokens();
    }
}
