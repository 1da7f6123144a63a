package dev.aicost.cli;

import dev.aicost.model.RateCard;
import dev.aicost.pricing.CardComparison;
import dev.aicost.pricing.Comparison;
import dev.aicost.pricing.CostEstimator;
import dev.aicost.pricing.Estimate;
import dev.aicost.pricing.EstimateInput;
import dev.aicost.pricing.Guardrails;
import dev.aicost.render.EstimateRenderer;
import dev.aicost.report.EstimateReport;
import dev.aicost.input.BaselineReader;
import dev.aicost.input.CardResolver;
import dev.aicost.input.InputException;
import dev.aicost.input.ModelMapReader;
import dev.aicost.input.Overrides;
import dev.aicost.input.RateCardRepository;
import dev.aicost.input.WorkloadSpec;
import dev.aicost.input.WorkloadSpecReader;
import dev.aicost.input.YNode;
import dev.aicost.input.YamlLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code aicost estimate}: prices the workloads of a spec, forecasts them and checks guardrails.
 * The one-shot command users and nightly jobs run most, so its command model is built through
 * picocli's programmatic API ({@link #spec()}): no annotation is read on this path.
 */
public final class EstimateCommand implements Callable<Integer> {
    picocli.CommandLine.Model.CommandSpec spec;
    Path specFile;
    int months = 12;
    BigDecimal discount;
    BigDecimal budget;
    Path baseline;
    BigDecimal failOnIncrease;
    List<String> sets = new ArrayList<>();
    List<Flags.Fx> fx = new ArrayList<>();
    final CompareOptions compare = new CompareOptions();
    final RatecardOptions ratecardOptions = new RatecardOptions();
    final OutputOptions output = new OutputOptions();

    /** The command's model, bound to this object. */
    @SuppressWarnings("unchecked")
    picocli.CommandLine.Model.CommandSpec spec() {
        spec = CommandSpec.wrapWithoutInspection(this).name("estimate");
        spec.usageMessage().sortOptions(false).autoWidth(true)
                .description("Price workloads against rate cards: line items per workload, monthly total, forecast,",
                        "unit economics, and optional comparison, discount and guardrails.")
                .exitCodeListHeading(ExitCodes.HEADING)
                .exitCodeList(Specs.exitCodes(ExitCodes.LIST_OK, ExitCodes.LIST_INTERNAL, ExitCodes.LIST_BAD_INPUT,
                        ExitCodes.LIST_GUARDRAIL))
                .footerHeading("%nExamples:%n")
                .footer("  aicost estimate examples/support-chatbot.yaml",
                        "  aicost estimate examples/enterprise-platform.yaml --months 24 --format json -o report.json",
                        "  aicost estimate examples/support-chatbot.yaml --compare aws-bedrock-global,anthropic-api",
                        "  aicost estimate examples/support-chatbot.yaml --set support-chat.mix.batch=0.5",
                        "  aicost estimate examples/enterprise-platform-whole-bill.yaml --set '*.calls_per_request.high=12'",
                        "  aicost estimate spec.yaml --baseline yesterday.json --fail-on-increase 10 --budget 25000");
        spec.addPositional(Specs.bound(PositionalParamSpec.builder().index("0").paramLabel("WORKLOAD.yaml")
                .type(Path.class).description("workload spec (schema aicost/workload/v1)"),
                () -> specFile, v -> specFile = (Path) v).build());
        spec.addOption(Specs.bound(OptionSpec.builder("--months").paramLabel("N").type(int.class).defaultValue("12")
                .description("forecast horizon in months, 1-120 (default: ${DEFAULT-VALUE})"),
                () -> months, v -> months = (Integer) v).build());
        spec.addOption(Specs.bound(OptionSpec.builder("--discount").paramLabel("RATE").type(BigDecimal.class)
                .converters(new Flags.Fraction()).description("show totals net of a flat discount, e.g. 0.05 or 5%%"),
                () -> discount, v -> discount = (BigDecimal) v).build());
        spec.addOption(Specs.bound(OptionSpec.builder("--budget").paramLabel("AMOUNT").type(BigDecimal.class)
                .converters(new Flags.Amount())
                .description("exit 3 when the month-1 total (net, with --discount) exceeds AMOUNT"),
                () -> budget, v -> budget = (BigDecimal) v).build());
        spec.addOption(Specs.bound(OptionSpec.builder("--baseline").paramLabel("PREVIOUS.json").type(Path.class)
                .description("compare the month-1 total with an earlier JSON report"),
                () -> baseline, v -> baseline = (Path) v).build());
        spec.addOption(Specs.bound(OptionSpec.builder("--fail-on-increase").paramLabel("PCT").type(BigDecimal.class)
                .converters(new Flags.Percent())
                .description("with --baseline: exit 3 when the total rose by more than PCT percent"),
                () -> failOnIncrease, v -> failOnIncrease = (BigDecimal) v).build());
        spec.addOption(Specs.bound(OptionSpec.builder("--set").paramLabel("PATH=VALUE").type(List.class)
                .auxiliaryTypes(String.class)
                .description("what-if override of a spec value: WORKLOAD.FIELD=VALUE (or *.FIELD=VALUE for all)"),
                () -> sets, v -> sets = (List<String>) v).build());
        spec.addOption(Specs.bound(OptionSpec.builder("--fx").paramLabel("CUR=RATE").type(List.class)
                .auxiliaryTypes(Flags.Fx.class).converters(new Flags.FxRate())
                .description("convert cards priced in CUR at RATE units of the report currency per CUR"),
                () -> fx, v -> fx = (List<Flags.Fx>) v).build());
        compare.addTo(spec);
        ratecardOptions.addTo(spec);
        output.addTo(spec);
        Specs.addStandardHelp(spec);
        return spec;
    }

    @Override
    public Integer call() {
        if (months < 1 || months > 120) {
            throw InputException.of("--months", "must be between 1 and 120, got " + months);
        }
        BigDecimal hoursPerMonth = ratecardOptions.hoursPerMonth();
        if (failOnIncrease != null && baseline == null) {
            throw InputException.of("--fail-on-increase", "needs --baseline PREVIOUS.json to compare with");
        }
        if (ratecardOptions.ratecards.size() > 1) {
            throw InputException.of("--ratecard", "estimate prices against one card; use --compare for others");
        }
        Map<String, BigDecimal> fxRates = fxRates();

        String file = specFile.toString();
        YNode root = YamlLoader.load(specFile);
        Overrides.apply(root, file, sets);
        WorkloadSpec workloadSpec = WorkloadSpecReader.read(root, file, hoursPerMonth);
        CardResolver cards = new CardResolver(RateCardRepository.fromSystem(), fxRates);
        List<EstimateInput> inputs = cards.workloads(workloadSpec,
                ratecardOptions.ratecards.isEmpty() ? null : ratecardOptions.ratecards.get(0),
                Defaults.current().defaultCard());
        String currency = inputs.get(0).card().currency();

        Estimate estimate = CostEstimator.estimate(inputs, hoursPerMonth, months);
        List<String> warnings = estimate.warnings();

        List<Comparison> comparisons = comparisons(inputs, cards, currency, hoursPerMonth);
        EstimateReport.Baseline baselineResult = null;
        if (baseline != null) {
            BaselineReader.Baseline previous = BaselineReader.read(baseline);
            if (previous.currency() != null && !previous.currency().equals(currency)) {
                throw InputException.of(baseline.toString(), "is in " + previous.currency() + " but this report is in "
                        + currency);
            }
            baselineResult = new EstimateReport.Baseline(baseline.toString(),
                    Guardrails.change(previous.monthlyTotal(), estimate.monthlyTotal()), failOnIncrease);
        }
        EstimateReport report = new EstimateReport(file, currency, hoursPerMonth, months, estimate, discount,
                comparisons, baselineResult, budget, output.shown(warnings));

        String text = EstimateRenderer.render(report, output.format, output.width(), output.color());
        output.emit(spec, text);
        List<String> tripped = EstimateRenderer.trippedGuardrails(report);
        if (!tripped.isEmpty()) {
            throw new GuardrailException(String.join("; ", tripped));
        }
        return ExitCodes.OK;
    }

    private List<Comparison> comparisons(List<EstimateInput> inputs, CardResolver cards, String currency,
            BigDecimal hoursPerMonth) {
        if (compare.none()) {
            return List.of();
        }
        ModelMapReader.ModelMap maps = compare.map();
        List<RateCard> compared = cards.compared(compare.cards, currency);
        if (maps != null) {
            maps.check(compared);
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (RateCard card : compared) {
            comparisons.add(CardComparison.compare(inputs, card, maps == null ? Map.of() : maps.forCard(card.id()),
                    hoursPerMonth));
        }
        return comparisons;
    }

    private Map<String, BigDecimal> fxRates() {
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        fx.forEach(rate -> rates.put(rate.currency(), rate.rate()));
        return rates;
    }
}
