package dev.aicost.cli;

import dev.aicost.breakeven.Breakeven;
import dev.aicost.breakeven.BreakevenSolver;
import dev.aicost.breakeven.CallShape;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.render.BreakevenCharts;
import dev.aicost.render.BreakevenRenderer;
import dev.aicost.report.BreakevenReport;
import dev.aicost.input.BreakevenQuestion;
import dev.aicost.input.InputException;
import dev.aicost.input.ProfileReader;
import dev.aicost.input.RateCardReader;
import dev.aicost.input.RateCardRepository;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aicost breakeven}: when provisioned throughput beats on-demand, and how many units to buy. */
@Command(name = "breakeven", sortOptions = false, usageHelpAutoWidth = true,
        description = {"On-demand vs batch vs provisioned throughput for one model and call shape: the break-even",
            "utilization and volume per commitment term, the cost curves, how the answer moves with the",
            "shape, and (with --profile) the model-unit count that an hourly traffic profile justifies."},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_INTERNAL, ExitCodes.LIST_BAD_INPUT},
        footerHeading = "%nExamples:%n",
        footer = {"  aicost breakeven --ratecard examples/ratecards/account-team-quote.yaml \\",
            "      --model anthropic.claude-sonnet-4-5 --input-tokens 3000 --output-tokens 400",
            "  aicost breakeven --workload examples/provisioned-throughput.yaml --name claims-classifier",
            "  aicost breakeven --ratecard examples/ratecards/account-team-quote.yaml \\",
            "      --model anthropic.claude-sonnet-4-5 --input-tokens 3000 --output-tokens 400 \\",
            "      --profile examples/hourly-profile.csv --term 6_month --plot breakeven.svg",
})
public final class BreakevenCommand implements Callable<Integer>, Specs.WithOptionGroups {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "ID", completionCandidates = Candidates.ModelIds.class,
            description = "model id or alias on the rate card")
    String model;

    @Option(names = "--input-tokens", paramLabel = "N", converter = Flags.Amount.class,
            description = "input tokens per call, cached prefix included")
    BigDecimal inputTokens;

    @Option(names = "--output-tokens", paramLabel = "N", converter = Flags.Amount.class,
            description = "output tokens per call")
    BigDecimal outputTokens;

    @Option(names = "--cache-prefix-tokens", paramLabel = "N", converter = Flags.Amount.class,
            description = "cached prefix tokens per call")
    BigDecimal cachePrefixTokens;

    @Option(names = "--cache-hit-rate", paramLabel = "RATE", converter = Flags.Fraction.class,
            description = "share of calls whose prefix is a hit, 0..1")
    BigDecimal cacheHitRate;

    @Option(names = "--workload", paramLabel = "FILE", description = "take model, card and shape from a workload spec")
    Path workloadFile;

    @Option(names = "--name", paramLabel = "W", description = "the workload in --workload (needed when it has several)")
    String workloadName;

    @Option(names = "--term", paramLabel = "TERM", split = ",",
            description = "no_commit, 1_month, 6_month, ... (default: every term the model has)")
    List<String> terms = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "HOURLY.csv",
            description = "hourly profile (columns hour,tokens) to size model units from")
    Path profile;

    @Option(names = "--plot", paramLabel = "FILE.svg", description = "also write the cost curves as an SVG chart")
    Path plot;

    @Option(names = "--no-chart", description = "leave the terminal chart out of the table output")
    boolean noChart;

    final RatecardOptions ratecardOptions = new RatecardOptions();

    final OutputOptions output = new OutputOptions();

    @Override
    public void addOptionGroups(picocli.CommandLine.Model.CommandSpec commandSpec) {
        ratecardOptions.addTo(commandSpec);
        output.addTo(commandSpec);
    }

    @Override
    public Integer call() {
        BigDecimal hoursPerMonth = ratecardOptions.hoursPerMonth();
        if (ratecardOptions.ratecards.size() > 1) {
            throw InputException.of("--ratecard", "breakeven takes one rate card");
        }
        for (String term : terms) {
            if (!RateCardReader.TERMS.contains(term)) {
                throw InputException.of("--term", "unknown term '" + term + "'; terms: "
                        + String.join(", ", BreakevenSolver.TERM_ORDER));
            }
        }
        RateCardRepository repository = RateCardRepository.fromSystem();
        String flagCard = ratecardOptions.ratecards.isEmpty() ? null : ratecardOptions.ratecards.get(0);
        BreakevenQuestion question;
        if (workloadFile != null) {
            if (model != null || inputTokens != null || outputTokens != null || cachePrefixTokens != null
                    || cacheHitRate != null) {
                throw InputException.of("--workload", "give either --workload or --model with the call shape, not both");
            }
            question = BreakevenQuestion.fromWorkload(repository, workloadFile, workloadName, flagCard,
                    Defaults.current().defaultCard(), hoursPerMonth,
                    terms);
        } else {
            if (model == null || inputTokens == null || outputTokens == null) {
                throw InputException.of("breakeven", "give --model, --input-tokens and --output-tokens "
                        + "(or --workload FILE --name W)");
            }
            question = BreakevenQuestion.fromFlags(repository, flagCard, Defaults.current().defaultCard(), model,
                    shapeFromFlags(), terms);
        }
        RateCard card = question.card();
        ModelPrice modelPrice = question.model();
        ProfileReader.Profile hourly = profile == null ? null : ProfileReader.read(profile);
        Breakeven breakeven = BreakevenSolver.solve(card, modelPrice, question.shape(), question.terms(), hoursPerMonth,
                hourly == null ? null : hourly.hourlyTokens());
        List<String> warnings = new ArrayList<>();
        if (modelPrice.provisioned().tpmAssumed()) {
            warnings.add("the throughput of one " + modelPrice.id() + " model unit ("
                    + modelPrice.provisioned().modelUnitTpm().toPlainString() + " tokens/min) is an assumption on "
                    + card.id() + "; break-even volumes scale with it, so measure it before committing");
        }
        if (hourly != null && hourly.hourlyTokens().size() < 24 * 28) {
            warnings.add("the profile covers " + hourly.hourlyTokens().size() + " hours; size commitments on at least "
                    + "90 days of production traffic");
        }
        BreakevenReport report = new BreakevenReport(breakeven, profile == null ? null : profile.toString(),
                hourly == null ? 0 : hourly.rows(), hourly == null ? 0 : hourly.filledHours(), output.shown(warnings));
        String text = BreakevenRenderer.render(report, output.format, output.width(), output.color(), !noChart);
        if (plot != null) {
            AtomicFile.write(plot, BreakevenCharts.svg(breakeven));
        }
        output.emit(spec, text);
        return ExitCodes.OK;
    }

    private CallShape shapeFromFlags() {
        BigDecimal input = inputTokens;
        BigDecimal outputs = outputTokens;
        if ((cachePrefixTokens == null) != (cacheHitRate == null)) {
            throw InputException.of(cachePrefixTokens == null ? "--cache-hit-rate" : "--cache-prefix-tokens",
                    "give both --cache-prefix-tokens and --cache-hit-rate");
        }
        BigDecimal prefix = BigDecimal.ZERO;
        BigDecimal hitRate = BigDecimal.ZERO;
        if (cachePrefixTokens != null) {
            if (cachePrefixTokens.compareTo(input) > 0) {
                throw InputException.of("--cache-prefix-tokens", "must be between 0 and " + input.toPlainString()
                        + " (--input-tokens), got " + cachePrefixTokens.toPlainString());
            }
            prefix = cachePrefixTokens;
            hitRate = cacheHitRate;
        }
        return new CallShape(input, outputs, prefix, hitRate);
    }
}
