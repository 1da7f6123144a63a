package dev.aicost.routing;

import dev.aicost.model.Mode;
import dev.aicost.model.Workload;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A class of requests: its share of all requests, its shape (calls per request, tokens per call,
 * optional cache and mode mix) and the least capability tier that can serve it.
 */
public record RouteClass(String name, BigDecimal share, BigDecimal callsPerRequest, BigDecimal inputTokens,
        BigDecimal outputTokens, Workload.Cache cache, Map<Mode, BigDecimal> mix, int minTier) {

    public RouteClass {
        mix = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(mix)); // keeps the order written
    }
}
