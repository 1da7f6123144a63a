package dev.aicost.cli;

import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.render.RouteRenderer;
import dev.aicost.report.RouteReport;
import dev.aicost.routing.RouteSpec;
import dev.aicost.routing.OtherCardRouting;
import dev.aicost.routing.Router;
import dev.aicost.routing.Routing;
import dev.aicost.routing.RoutingException;
import dev.aicost.input.InputException;
import dev.aicost.input.RouteCard;
import dev.aicost.input.ModelMapReader;
import dev.aicost.input.RateCardRepository;
import dev.aicost.input.RouteSpecReader;
import dev.aicost.input.YamlLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aicost route}: the cheapest sufficient model per task class, and what it saves. */
@Command(name = "route", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Route each task class to the cheapest model whose capability tier suffices, and compare",
            "the cost with sending every request to a baseline model."},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_INTERNAL, ExitCodes.LIST_BAD_INPUT},
        footerHeading = "%nExamples:%n",
        footer = {"  aicost route examples/routing.yaml",
            "  aicost route examples/routing.yaml --compare aws-bedrock-global,anthropic-api,vertex-ai",
            "  aicost route examples/routing.yaml --max-cost-per-request 0.05 --over-ceiling reject",
})
public final class RouteCommand implements Callable<Integer>, Specs.WithOptionGroups {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ROUTING.yaml", description = "routing spec (schema aicost/route/v1)")
    Path specFile;

    @Option(names = "--max-cost-per-request", paramLabel = "AMOUNT", converter = Flags.Amount.class,
            description = "what-if ceiling per request, instead of the spec's")
    BigDecimal ceiling;

    @Option(names = "--over-ceiling", paramLabel = "POLICY", description = "downgrade or reject, instead of the spec's")
    String overCeiling;

    final CompareOptions compare = new CompareOptions();

    final RatecardOptions ratecardOptions = new RatecardOptions();

    final OutputOptions output = new OutputOptions();

    @Override
    public void addOptionGroups(picocli.CommandLine.Model.CommandSpec commandSpec) {
        compare.addTo(commandSpec);
        ratecardOptions.addTo(commandSpec);
        output.addTo(commandSpec);
    }

    @Override
    public Integer call() {
        if (ratecardOptions.ratecards.size() > 1) {
            throw InputException.of("--ratecard", "route uses one card; use --compare for others");
        }
        RouteSpecReader.Loaded loaded = RouteSpecReader.read(YamlLoader.load(specFile), specFile.toString());
        RouteSpec routeSpec = withOverrides(loaded.spec());
        RateCardRepository repository = RateCardRepository.fromSystem();
        RouteCard route = RouteCard.of(loaded, routeSpec,
                ratecardOptions.ratecards.isEmpty() ? null : ratecardOptions.ratecards.get(0),
                Defaults.current().defaultCard(), repository);
        RateCard card = route.card();
        ModelPrice baseline = route.baseline();
        List<ModelPrice> candidates = route.candidates();
        Routing routing;
        try {
            routing = Router.route(routeSpec, card, baseline, candidates);
        } catch (RoutingException e) {
            throw new InputException(loaded.problemAt(e.classIndex(), "min_tier", e.getMessage()));
        }
        List<RouteReport.Compared> comparisons = comparisons(routeSpec, baseline, candidates, card, repository);
        RouteReport report = new RouteReport(specFile.toString(), routeSpec, routing, comparisons, List.of());
        String text = RouteRenderer.render(report, output.format, output.width(), output.color());
        output.emit(spec, text);
        return ExitCodes.OK;
    }

    private RouteSpec withOverrides(RouteSpec routeSpec) {
        BigDecimal newCeiling = ceiling == null ? routeSpec.maxCostPerRequest()
                : ceiling;
        RouteSpec.OverCeiling policy = routeSpec.overCeiling();
        if (overCeiling != null) {
            policy = switch (overCeiling) {
                case "downgrade" -> RouteSpec.OverCeiling.DOWNGRADE;
                case "reject" -> RouteSpec.OverCeiling.REJECT;
                default -> throw InputException.of("--over-ceiling", "expected downgrade or reject, got '"
                        + overCeiling + "'");
            };
        }
        return routeSpec.withCeiling(newCeiling, policy);
    }

    /**
     * The same routing on other cards: the baseline and (explicit) candidates mapped by alias or
     * --map; without explicit candidates, every tiered model of that card.
     */
    private List<RouteReport.Compared> comparisons(RouteSpec routeSpec, ModelPrice baseline, List<ModelPrice> candidates,
            RateCard card, RateCardRepository repository) {
        if (compare.none()) {
            return List.of();
        }
        ModelMapReader.ModelMap maps = compare.map();
        List<RateCard> others = new ArrayList<>();
        for (String reference : compare.cards) {
            RateCard other = repository.load(reference.strip(), null, "--compare");
            if (!other.currency().equals(card.currency())) {
                throw InputException.of("--compare", other.id() + " is priced in " + other.currency() + ", not "
                        + card.currency());
            }
            others.add(other);
        }
        if (maps != null) {
            maps.check(others);
        }
        List<RouteReport.Compared> results = new ArrayList<>();
        for (RateCard other : others) {
            OtherCardRouting.Result result = OtherCardRouting.route(routeSpec, baseline,
                    routeSpec.candidates() == null ? null : candidates, other,
                    maps == null ? Map.of() : maps.forCard(other.id()));
            results.add(new RouteReport.Compared(result.ratecard(), result.routing(), result.note()));
        }
        return results;
    }
}
