package dev.aicost.routing;

import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.pricing.CostEstimator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * docs/route.md: each class goes to the cheapest candidate whose tier meets the class's minimum
 * (ties: higher tier, then smaller id). Above the ceiling a class is downgraded to the most
 * capable candidate under it (ties: cheaper, then smaller id) or rejected.
 */
public final class Router {
    private Router() {
    }

    /** A candidate's cost per request for one class (null when it cannot price that class). */
    record Priced(ModelPrice model, BigDecimal costPerRequest) {
        int tier() {
            return model.tier() == null ? 0 : model.tier();
        }
    }

    private static final Comparator<Priced> CHEAPEST = Comparator.comparing(Priced::costPerRequest)
            .thenComparing(Comparator.comparingInt(Priced::tier).reversed())
            .thenComparing(p -> p.model().id());
    private static final Comparator<Priced> MOST_CAPABLE = Comparator.comparingInt(Priced::tier).reversed()
            .thenComparing(Priced::costPerRequest).thenComparing(p -> p.model().id());

    /**
     * @param candidates models with a tier to route to
     * @throws RoutingException for a class that no candidate's tier can serve, or that the
     *     baseline cannot price
     */
    public static Routing route(RouteSpec spec, RateCard card, ModelPrice baseline, List<ModelPrice> candidates) {
        List<Routing.Assignment> assignments = new ArrayList<>();
        BigDecimal baselineTotal = BigDecimal.ZERO;
        BigDecimal routedTotal = BigDecimal.ZERO;
        BigDecimal rejected = BigDecimal.ZERO;
        Map<String, BigDecimal> mix = new LinkedHashMap<>();
        for (int i = 0; i < spec.classes().size(); i++) {
            RouteClass routeClass = spec.classes().get(i);
            BigDecimal requests = spec.requestsPerMonth().multiply(routeClass.share());
            BigDecimal baselineCost = cost(card, baseline, routeClass);
            if (baselineCost == null) {
                throw new RoutingException(i, "the baseline " + baseline.id() + " cannot price this class on "
                        + card.id() + " (a mode or cache price is missing)");
            }
            List<Priced> priced = new ArrayList<>();
            for (ModelPrice candidate : candidates) {
                BigDecimal cost = cost(card, candidate, routeClass);
                if (cost != null) {
                    priced.add(new Priced(candidate, cost));
                }
            }
            List<Priced> sufficient = priced.stream().filter(p -> p.tier() >= routeClass.minTier())
                    .sorted(CHEAPEST).toList();
            if (sufficient.isEmpty()) {
                String tiers = candidates.stream().map(m -> m.id() + " (" + m.tier() + ")")
                        .collect(Collectors.joining(", "));
                throw new RoutingException(i, "no candidate on " + card.id() + " has tier " + routeClass.minTier()
                        + " or higher and can price this class; candidates: " + tiers);
            }
            Priced chosen = sufficient.get(0);
            Routing.Flag flag = Routing.Flag.ROUTED;
            BigDecimal ceiling = spec.maxCostPerRequest();
            if (ceiling != null && chosen.costPerRequest().compareTo(ceiling) > 0) {
                List<Priced> underCeiling = spec.overCeiling() == RouteSpec.OverCeiling.REJECT ? List.of()
                        : priced.stream().filter(p -> p.costPerRequest().compareTo(ceiling) <= 0).sorted(MOST_CAPABLE)
                                .toList();
                if (underCeiling.isEmpty()) {
                    chosen = null;
                    flag = Routing.Flag.REJECTED;
                } else {
                    chosen = underCeiling.get(0);
                    flag = Routing.Flag.DOWNGRADED;
                }
            }
            BigDecimal baselineMonthly = requests.multiply(baselineCost);
            baselineTotal = baselineTotal.add(baselineMonthly);
            BigDecimal monthly = BigDecimal.ZERO;
            if (chosen == null) {
                rejected = rejected.add(requests);
            } else {
                monthly = requests.multiply(chosen.costPerRequest());
                routedTotal = routedTotal.add(monthly);
                mix.merge(chosen.model().id(), routeClass.share(), BigDecimal::add);
            }
            assignments.add(new Routing.Assignment(routeClass, chosen == null ? null : chosen.model(),
                    chosen == null ? null : chosen.costPerRequest(), requests, monthly, flag,
                    sufficient.get(0).model(), baselineCost, baselineMonthly));
        }
        BigDecimal savings = baselineTotal.subtract(routedTotal);
        BigDecimal percent = baselineTotal.signum() == 0 ? null
                : savings.divide(baselineTotal, CostEstimator.MC).movePointRight(2);
        return new Routing(card.id(), card.currency(), baseline, spec.requestsPerMonth(), assignments, baselineTotal,
                routedTotal, savings, percent, rejected, mix);
    }

    /** Cost of one request of {@code routeClass} on {@code model}, or null when it cannot be priced. */
    static BigDecimal cost(RateCard card, ModelPrice model, RouteClass routeClass) {
        return CostEstimator.perRequestCost(card, model, routeClass.callsPerRequest(), routeClass.inputTokens(),
                routeClass.outputTokens(), routeClass.cache(), routeClass.mix());
    }
}
