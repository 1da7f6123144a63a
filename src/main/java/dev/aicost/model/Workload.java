package dev.aicost.model;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One workload of a spec, validated: every number is in range and consistent (prefix no larger
 * than input, shares summing to at most 1, no mix with provisioned). Null means "not given".
 *
 * @param requestsPerMonth requests per month (already converted from requests_per_day)
 * @param mix share per non-on-demand mode; on-demand takes the rest
 */
public record Workload(String name, String model, String ratecard, BigDecimal requestsPerMonth,
        BigDecimal callsPerRequest, BigDecimal inputTokens, BigDecimal outputTokens, Cache cache,
        Map<Mode, BigDecimal> mix, ProvisionedUse provisioned, BigDecimal guardrailTextUnitsPerRequest,
        BigDecimal egressGb, BigDecimal knowledgeBases, FineTuning fineTuning, BigDecimal growth) {

    public Workload {
        mix = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(mix)); // keeps the order written
    }

    /** Prompt caching: the cached prefix (part of input_tokens) and how often it is a hit. */
    public record Cache(BigDecimal prefixTokens, BigDecimal hitRate) {
    }

    /** Served by provisioned throughput. */
    public record ProvisionedUse(BigDecimal modelUnits, String term) {
    }

    /** Fine-tuning: one-time training and monthly storage of custom models. */
    public record FineTuning(BigDecimal trainingTokens, BigDecimal epochs, BigDecimal storedModels) {
    }

    /** The share of calls served in {@code mode}. */
    public BigDecimal share(Mode mode) {
        if (mode == Mode.ON_DEMAND) {
            BigDecimal rest = BigDecimal.ONE;
            for (BigDecimal share : mix.values()) {
                rest = rest.subtract(share);
            }
            return rest;
        }
        return mix.getOrDefault(mode, BigDecimal.ZERO);
    }

    /** A copy with different monthly requests (for growth and property tests). */
    public Workload withRequestsPerMonth(BigDecimal requests) {
        return new Workload(name, model, ratecard, requests, callsPerRequest, inputTokens, outputTokens, cache,
                mix, provisioned, guardrailTextUnitsPerRequest, egressGb, knowledgeBases, fineTuning, growth);
    }

    /** A copy with a different mix. */
    public Workload withMix(Map<Mode, BigDecimal> newMix) {
        return new Workload(name, model, ratecard, requestsPerMonth, callsPerRequest, inputTokens, outputTokens,
                cache, newMix, provisioned, guardrailTextUnitsPerRequest, egressGb, knowledgeBases, fineTuning,
                growth);
    }
}
