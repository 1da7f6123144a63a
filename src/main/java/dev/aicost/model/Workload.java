package dev.aicost.model;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One workload of a spec, validated: every number is in range and consistent (prefix no larger
 * than input, shares summing to at most 1, no mix with provisioned). Null means "not given".
 *
 * @param requestsPerMonth requests per month (already converted from requests_per_day)
 * @param outputTokens output tokens per call; null when not given (embedding and image workloads)
 * @param mix share per non-on-demand mode; on-demand takes the rest
 * @param ranges low and high ends of the fields given as ranges, by field path
 *     ({@code requests_per_month}, {@code calls_per_request}, {@code input_tokens},
 *     {@code output_tokens}, {@code cache.hit_rate}); the other fields hold the expected values
 */
public record Workload(String name, String model, String ratecard, BigDecimal requestsPerMonth,
        BigDecimal callsPerRequest, BigDecimal inputTokens, BigDecimal outputTokens, Cache cache,
        Map<Mode, BigDecimal> mix, ProvisionedUse provisioned, BigDecimal guardrailTextUnitsPerRequest,
        BigDecimal egressGb, KnowledgeBaseUse knowledgeBase, FineTuning fineTuning, BigDecimal growth,
        LoggingUse logging, BigDecimal metrics, BigDecimal crossRegionGb, ImageUse images,
        Map<String, Range> ranges) {

    /** The fields that accept a range. */
    public static final java.util.List<String> RANGE_FIELDS = java.util.List.of("requests_per_month",
            "calls_per_request", "input_tokens", "output_tokens", "cache.hit_rate");

    public Workload {
        mix = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(mix)); // keeps the order written
        ranges = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ranges));
    }

    /** A workload of tokens only, as routing and break-even questions build them. */
    public static Workload tokens(String name, String model, BigDecimal requestsPerMonth, BigDecimal callsPerRequest,
            BigDecimal inputTokens, BigDecimal outputTokens, Cache cache, Map<Mode, BigDecimal> mix) {
        return new Workload(name, model, null, requestsPerMonth, callsPerRequest, inputTokens, outputTokens, cache, mix,
                null, null, null, null, null, null, null, null, null, null, Map.of());
    }

    /** Prompt caching: the cached prefix (part of input_tokens), how often it is a hit, and its TTL. */
    public record Cache(BigDecimal prefixTokens, BigDecimal hitRate, boolean oneHour) {
        /** A cache with the default 5-minute TTL. */
        public Cache(BigDecimal prefixTokens, BigDecimal hitRate) {
            this(prefixTokens, hitRate, false);
        }
    }

    /** Served by provisioned throughput. */
    public record ProvisionedUse(BigDecimal modelUnits, String term) {
    }

    /** Fine-tuning: one-time training and monthly storage of custom models. */
    public record FineTuning(BigDecimal trainingTokens, BigDecimal epochs, BigDecimal storedModels) {
    }

    /**
     * Knowledge bases: how many, their capacity (OCUs each, null: the card's minimum), the
     * documents they hold (GB, all of them together), the tokens embedded each month to fill them,
     * the embedding model, and per request the retrievals and the tokens of each query.
     * Only {@code count} is given in the plain form {@code knowledge_bases: K}.
     */
    public record KnowledgeBaseUse(BigDecimal count, BigDecimal ocus, BigDecimal documentsGb,
            BigDecimal ingestTokensPerMonth, String embeddingModel, BigDecimal retrievalsPerRequest,
            BigDecimal queryTokens) {
        public static KnowledgeBaseUse plain(BigDecimal count) {
            return new KnowledgeBaseUse(count, null, null, null, null, null, null);
        }

        /** This block with another embedding model. */
        public KnowledgeBaseUse withEmbeddingModel(String id) {
            return new KnowledgeBaseUse(count, ocus, documentsGb, ingestTokensPerMonth, id, retrievalsPerRequest,
                    queryTokens);
        }

        /** Whether an embedding model is needed: documents are embedded or queries are. */
        public boolean embeds() {
            return ingestTokensPerMonth != null && ingestTokensPerMonth.signum() > 0
                    || retrievalsPerRequest != null && retrievalsPerRequest.signum() > 0;
        }
    }

    /** Invocation logging: bytes logged per model call and months they are kept. */
    public record LoggingUse(BigDecimal bytesPerCall, BigDecimal retentionMonths) {
    }

    /** Image generation: images per request and their size (a key of the model's {@code images}). */
    public record ImageUse(BigDecimal perRequest, String size) {
    }

    /** The low and high ends of a range; the expected value is the workload's own field. */
    public record Range(BigDecimal low, BigDecimal high) {
    }

    /** The card services (keys of a card's {@code services:} block) this workload's lines use. */
    public java.util.List<String> services() {
        java.util.List<String> used = new java.util.ArrayList<>();
        if (egressGb != null) {
            used.add("egress");
        }
        if (guardrailTextUnitsPerRequest != null) {
            used.add("guardrails");
        }
        if (knowledgeBase != null && knowledgeBase.count().signum() > 0) {
            used.add("knowledge_base");
        }
        if (fineTuning != null && fineTuning.storedModels() != null && fineTuning.storedModels().signum() > 0) {
            used.add("fine_tuning");
        }
        if (crossRegionGb != null) {
            used.add("inter_region");
        }
        if (knowledgeBase != null && knowledgeBase.documentsGb() != null && knowledgeBase.documentsGb().signum() > 0) {
            used.add("s3");
        }
        if (logging != null) {
            used.add("logging");
        }
        if (metrics != null && metrics.signum() > 0) {
            used.add("metrics");
        }
        return used;
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
        return with("requests_per_month", requests);
    }

    /** A copy with a different mix. */
    public Workload withMix(Map<Mode, BigDecimal> newMix) {
        return new Workload(name, model, ratecard, requestsPerMonth, callsPerRequest, inputTokens, outputTokens,
                cache, newMix, provisioned, guardrailTextUnitsPerRequest, egressGb, knowledgeBase, fineTuning, growth,
                logging, metrics, crossRegionGb, images, ranges);
    }

    /** A copy with another knowledge-base block. */
    public Workload withKnowledgeBase(KnowledgeBaseUse kb) {
        return new Workload(name, model, ratecard, requestsPerMonth, callsPerRequest, inputTokens, outputTokens, cache,
                mix, provisioned, guardrailTextUnitsPerRequest, egressGb, kb, fineTuning, growth, logging, metrics,
                crossRegionGb, images, ranges);
    }

    /** A copy with output tokens given (0 for a workload that left them out). */
    public Workload withOutputTokens(BigDecimal output) {
        return with("output_tokens", output);
    }

    /** A copy with the range field {@code field} (one of {@link #RANGE_FIELDS}) set to {@code value}. */
    public Workload with(String field, BigDecimal value) {
        if (!RANGE_FIELDS.contains(field)) {
            throw new IllegalArgumentException("not a range field: " + field);
        }
        BigDecimal requests = field.equals("requests_per_month") ? value : requestsPerMonth;
        BigDecimal calls = field.equals("calls_per_request") ? value : callsPerRequest;
        BigDecimal input = field.equals("input_tokens") ? value : inputTokens;
        BigDecimal output = field.equals("output_tokens") ? value : outputTokens;
        Cache newCache = field.equals("cache.hit_rate") ? new Cache(cache.prefixTokens(), value, cache.oneHour())
                : cache;
        return new Workload(name, model, ratecard, requests, calls, input, output, newCache, mix, provisioned,
                guardrailTextUnitsPerRequest, egressGb, knowledgeBase, fineTuning, growth, logging, metrics,
                crossRegionGb, images, ranges);
    }
}
