package dev.aicost.routing;

import dev.aicost.model.ModelPrice;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The outcome of routing on one card: each class's model and cost beside the baseline, the
 * totals, the savings and the resulting model mix.
 *
 * @param savingsPercent savings as a percentage of the baseline, null when the baseline is zero
 * @param mix share of all requests per model id (rejected requests are not in it)
 */
public record Routing(String ratecard, String currency, ModelPrice baseline, BigDecimal requestsPerMonth,
        List<Assignment> assignments, BigDecimal baselineMonthlyCost, BigDecimal routedMonthlyCost, BigDecimal savings,
        BigDecimal savingsPercent, BigDecimal rejectedRequests, Map<String, BigDecimal> mix) {

    /** How a class was served. */
    public enum Flag {
        ROUTED, DOWNGRADED, REJECTED;

        public String key() {
            return this == ROUTED ? "" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One class: the model it goes to (null when rejected), its cost per request and per month,
     * the cheapest model that meets its tier (what a ceiling overrode), and the baseline's costs.
     */
    public record Assignment(RouteClass routeClass, ModelPrice model, BigDecimal costPerRequest, BigDecimal requests,
            BigDecimal monthlyCost, Flag flag, ModelPrice cheapestSufficient, BigDecimal baselineCostPerRequest,
            BigDecimal baselineMonthlyCost) {
    }
}
