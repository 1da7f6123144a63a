package dev.aicost.cli;

import dev.aicost.breakeven.Breakeven;
import dev.aicost.breakeven.BreakevenSolver;
import dev.aicost.breakeven.CallShape;
import dev.aicost.model.Mode;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.model.Workload;
import dev.aicost.render.BreakevenCharts;
import dev.aicost.render.BreakevenRenderer;
import dev.aicost.report.BreakevenReport;
import dev.aicost.input.InputException;
import dev.aicost.input.ProfileReader;
import dev.aicost.input.RateCardReader;
import dev.aicost.input.RateCardRepository;
import dev.aicost.input.Suggest;
import dev.aicost.input.WorkloadSpec;
import dev.aicost.input.WorkloadSpecReader;
import dev.aicost.input.YamlLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aicost breakeven}: when provisioned throughput beats on-demand, and how many units to buy. */
@Command(name = "breakeven", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
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
public final class BreakevenCommand implements Callable<Integer> {
    static final String DEFAULT_CARD = dev.aicost.input.RegionCards.DEFAULT_CARD;

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

    @Mixin
    RatecardOptions ratecardOptions;

    @Mixin
    OutputOptions output;

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
        RateCard card;
        String modelName;
        CallShape shape;
        String where;
        if (workloadFile != null) {
            if (model != null || inputTokens != null || outputTokens != null || cachePrefixTokens != null
                    || cacheHitRate != null) {
                throw InputException.of("--workload", "give either --workload or --model with the call shape, not both");
            }
            WorkloadSpec workloadSpec = WorkloadSpecReader.read(YamlLoader.load(workloadFile), workloadFile.toString(),
                    hoursPerMonth);
            Workload w = pick(workloadSpec);
            String reference = !ratecardOptions.ratecards.isEmpty() ? ratecardOptions.ratecards.get(0)
                    : w.ratecard() != null ? w.ratecard() : workloadSpec.ratecard();
            try {
                card = repository.load(reference == null ? DEFAULT_CARD : reference,
                        ratecardOptions.ratecards.isEmpty() ? workloadSpec.directory() : null,
                        ratecardOptions.ratecards.isEmpty() ? workloadFile.toString() : "--ratecard");
            } catch (InputException e) {
                int index = workloadSpec.workloads().indexOf(w);
                throw ratecardOptions.ratecards.isEmpty() && reference != null
                        ? e.placed(message -> workloadSpec.ratecardProblem(index, message)) : e;
            }
            modelName = w.model();
            shape = new CallShape(w.inputTokens(), w.outputTokens(),
                    w.cache() == null ? BigDecimal.ZERO : w.cache().prefixTokens(),
                    w.cache() == null ? BigDecimal.ZERO : w.cache().hitRate());
            where = workloadFile + ": workload " + w.name();
        } else {
            if (model == null || inputTokens == null || outputTokens == null) {
                throw InputException.of("breakeven", "give --model, --input-tokens and --output-tokens "
                        + "(or --workload FILE --name W)");
            }
            card = repository.load(ratecardOptions.ratecards.isEmpty() ? DEFAULT_CARD : ratecardOptions.ratecards.get(0),
                    null, "--ratecard");
            modelName = model;
            shape = shapeFromFlags();
            where = "--model";
        }
        if (shape.tokens().signum() == 0) {
            throw InputException.of(where, "a call of zero tokens has no break-even");
        }
        ModelPrice modelPrice = card.find(modelName).orElseThrow(() -> InputException.of(where, Suggest.unknownModel(modelName, card)));
        if (modelPrice.provisioned() == null) {
            List<String> withUnits = card.models().values().stream().filter(m -> m.provisioned() != null)
                    .map(ModelPrice::id).toList();
            throw InputException.of(where, modelPrice.id() + " has no provisioned-throughput prices on " + card.id()
                    + (withUnits.isEmpty() ? "" : "; models with them: " + String.join(", ", withUnits)));
        }
        if (modelPrice.provisioned().modelUnitTpm() == null) {
            throw InputException.of(where, modelPrice.id() + " has no model_unit_tpm on " + card.id()
                    + ": add the throughput of one model unit to the card (AWS does not publish it; measure it)");
        }
        List<String> chosen = BreakevenSolver.terms(modelPrice, terms);
        if (chosen.isEmpty() || chosen.size() < terms.size()) {
            throw InputException.of("--term", modelPrice.id() + " has no " + String.join("/", terms) + " term on "
                    + card.id() + "; it has " + String.join(", ", BreakevenSolver.terms(modelPrice, List.of())));
        }
        BigDecimal perCall = BreakevenSolver.perCallCost(card, modelPrice, shape, Mode.ON_DEMAND);
        if (perCall == null) {
            throw InputException.of(where, modelPrice.id() + " has no on-demand "
                    + (shape.cached() ? "cache " : "") + "prices on " + card.id() + " for this call shape");
        }
        if (perCall.signum() == 0) {
            throw InputException.of(where, "on-demand calls of this shape cost nothing on " + card.id()
                    + ": provisioned throughput cannot break even");
        }
        ProfileReader.Profile hourly = profile == null ? null : ProfileReader.read(profile);
        Breakeven breakeven = BreakevenSolver.solve(card, modelPrice, shape, chosen, hoursPerMonth,
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

    private Workload pick(WorkloadSpec workloadSpec) {
        List<Workload> workloads = workloadSpec.workloads();
        if (workloadName == null) {
            if (workloads.size() == 1) {
                return workloads.get(0);
            }
            throw InputException.of("--name", workloadFile + " has " + workloads.size() + " workloads; pick one: "
                    + String.join(", ", workloads.stream().map(Workload::name).toList()));
        }
        return workloads.stream().filter(w -> w.name().equals(workloadName)).findFirst()
                .orElseThrow(() -> InputException.of("--name", "no workload named '" + workloadName + "' in "
                        + workloadFile + "; it has " + String.join(", ", workloads.stream().map(Workload::name)
                                .toList())));
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
