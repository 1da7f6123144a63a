package dev.aicost.routing;

import java.math.BigDecimal;
import java.util.List;

/**
 * A routing spec ({@code schema: aicost/route/v1}), validated.
 *
 * @param candidates model ids or aliases to route to; null means every model on the card with a tier
 * @param maxCostPerRequest the ceiling, or null
 */
public record RouteSpec(String ratecard, String baseline, BigDecimal requestsPerMonth, BigDecimal maxCostPerRequest,
        OverCeiling overCeiling, List<String> candidates, List<RouteClass> classes) {

    /** What happens to a class whose cheapest sufficient model costs more than the ceiling. */
    public enum OverCeiling {
        DOWNGRADE, REJECT
    }

    public RouteSpec withCeiling(BigDecimal ceiling, OverCeiling policy) {
        return new RouteSpec(ratecard, baseline, requestsPerMonth, ceiling, policy, candidates, classes);
    }
}
