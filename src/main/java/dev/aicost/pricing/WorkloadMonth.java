package dev.aicost.pricing;

import java.math.BigDecimal;
import java.util.List;

/**
 * The cost of one workload in one month: its recurring lines and (in month 1) its one-time
 * lines, with the volumes that unit economics are computed from.
 *
 * @param tokens input + output tokens of all calls (the cached prefix is part of input)
 */
public record WorkloadMonth(EstimateInput input, List<LineItem> lines, List<LineItem> oneTime, BigDecimal monthlyCost,
        BigDecimal oneTimeCost, BigDecimal requests, BigDecimal calls, BigDecimal tokens, BigDecimal egressGb,
        List<String> warnings) {

    /** Monthly cost per 1,000 requests, or null without requests. */
    public BigDecimal costPer1kRequests() {
        return requests.signum() == 0 ? null
                : monthlyCost.multiply(BigDecimal.valueOf(1000)).divide(requests, CostEstimator.MC);
    }

    /** Monthly cost per 1 million tokens (input + output), or null without tokens. */
    public BigDecimal costPer1mTokens() {
        return tokens.signum() == 0 ? null : monthlyCost.movePointRight(6).divide(tokens, CostEstimator.MC);
    }
}
