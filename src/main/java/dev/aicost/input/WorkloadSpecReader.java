package dev.aicost.input;

import dev.aicost.model.Mode;
import dev.aicost.model.Workload;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds and validates a workload spec ({@code schema: aicost/workload/v1}). */
public final class WorkloadSpecReader {
    public static final String SCHEMA = "aicost/workload/v1";
    private static final Set<String> TOP = Fields.keys("schema", "description", "ratecard", "workloads");
    private static final Set<String> WORKLOAD = Fields.keys("name", "description", "model", "ratecard",
            "requests_per_month", "requests_per_day", "calls_per_request", "input_tokens", "output_tokens", "cache",
            "mix", "provisioned", "guardrails", "egress_gb", "knowledge_bases", "knowledge_base", "fine_tuning", "growth",
            "logging", "metrics", "cross_region_gb", "images");
    private static final Set<String> RANGE = Fields.keys("low", "expected", "high");
    private static final Set<String> KNOWLEDGE_BASE = Fields.keys("count", "ocus", "documents_gb",
            "ingest_tokens_per_month", "embedding_model", "retrievals_per_request", "query_tokens");
    private static final Set<String> MIX = Fields.keys("on_demand", "batch", "priority", "flex");
    private static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);
    private static final BigDecimal MIN_GROWTH = new BigDecimal("-0.99");
    private static final java.util.function.UnaryOperator<BigDecimal> AS_GIVEN = value -> value;

    private WorkloadSpecReader() {
    }

    /**
     * Reads {@code root} (loaded from {@code file}); {@code hoursPerMonth} converts
     * requests_per_day. Throws {@link InputException} with every problem found.
     */
    public static WorkloadSpec read(YNode root, String file, BigDecimal hoursPerMonth) {
        Fields f = new Fields(file);
        YNode.YMap top = f.top(root, TOP, SCHEMA);
        f.string(top, "description", "", false);
        String ratecard = f.string(top, "ratecard", "", false);
        List<Workload> workloads = new ArrayList<>();
        List<YNode.YMap> nodes = new ArrayList<>();
        YNode.YList list = null;
        if (!f.has(top, "workloads")) {
            f.problem(top, "workloads", "is required");
        } else {
            list = f.list(top.get("workloads"), "workloads");
        }
        if (list != null) {
            if (list.items().isEmpty()) {
                f.problem(list, "workloads", "must list at least one workload");
            }
            Map<String, Integer> names = new HashMap<>();
            for (int i = 0; i < list.items().size(); i++) {
                String path = "workloads[" + i + "]";
                YNode.YMap map = f.map(list.items().get(i), path);
                if (map == null) {
                    continue;
                }
                Workload workload = workload(f, map, path, hoursPerMonth);
                if (workload != null) {
                    Integer previous = names.putIfAbsent(workload.name(), i);
                    if (previous != null) {
                        f.problem(map.get("name"), path + ".name", "duplicate workload name '" + workload.name()
                                + "' (also workloads[" + previous + "])");
                    }
                    workloads.add(workload);
                    nodes.add(map);
                }
            }
        }
        f.throwIfAny();
        Path path = Path.of(file).toAbsolutePath().getParent();
        return new WorkloadSpec(file, path, ratecard, top.get("ratecard"), workloads, nodes);
    }

    private static Workload workload(Fields f, YNode.YMap map, String path, BigDecimal hoursPerMonth) {
        int before = f.problems().size();
        f.onlyKeys(map, path, WORKLOAD);
        String name = f.string(map, "name", path, true);
        if (name != null && (name.contains("=") || name.contains("."))) {
            f.problem(map.get("name"), path + ".name", "must not contain '.' or '=' (they separate --set paths)");
        }
        f.string(map, "description", path, false);
        String model = f.string(map, "model", path, true);
        String ratecard = f.string(map, "ratecard", path, false);

        Map<String, Workload.Range> ranges = new java.util.LinkedHashMap<>();
        BigDecimal requests = null;
        boolean perMonth = f.has(map, "requests_per_month");
        boolean perDay = f.has(map, "requests_per_day");
        if (perMonth && perDay) {
            f.problem(map.get("requests_per_day"), path + ".requests_per_day",
                    "give requests_per_month or requests_per_day, not both");
        } else if (perMonth) {
            requests = ranged(f, map, "requests_per_month", path, BigDecimal.ZERO, null, false, ranges,
                    "requests_per_month", AS_GIVEN);
        } else if (perDay) {
            requests = ranged(f, map, "requests_per_day", path, BigDecimal.ZERO, null, false, ranges,
                    "requests_per_month", daily -> daily.multiply(hoursPerMonth).divide(HOURS_PER_DAY,
                            MathContext.DECIMAL128));
        } else {
            f.problem(map, path + ".requests_per_month", "is required (or requests_per_day)");
        }
        boolean imageWorkload = f.has(map, "images");
        BigDecimal calls = BigDecimal.ONE;
        if (f.has(map, "calls_per_request")) {
            calls = ranged(f, map, "calls_per_request", path, null, null, true, ranges, "calls_per_request",
                    AS_GIVEN);
        }
        BigDecimal input = null;
        BigDecimal output = null;
        if (imageWorkload) {
            for (String key : List.of("input_tokens", "output_tokens", "cache", "calls_per_request", "mix",
                    "provisioned")) {
                if (f.has(map, key)) {
                    f.problem(map.get(key), path + "." + key, "is not allowed on an image workload: its cost is "
                            + "images.per_request images of images.size per request");
                }
            }
            input = BigDecimal.ZERO;
            output = BigDecimal.ZERO;
        } else {
            input = ranged(f, map, "input_tokens", path, BigDecimal.ZERO, null, false, ranges, "input_tokens",
                    AS_GIVEN);
            if (input == null && !f.has(map, "input_tokens")) {
                f.problem(map, path + ".input_tokens", "is required");
            }
            if (f.has(map, "output_tokens")) {
                output = ranged(f, map, "output_tokens", path, BigDecimal.ZERO, null, false, ranges,
                        "output_tokens", AS_GIVEN);
            }
        }

        Workload.Cache cache = null;
        if (!imageWorkload && f.has(map, "cache")) {
            String cachePath = path + ".cache";
            YNode.YMap block = f.map(map.get("cache"), cachePath);
            if (block != null) {
                f.onlyKeys(block, cachePath, Fields.keys("prefix_tokens", "hit_rate", "ttl"));
                BigDecimal prefix = f.number(block, "prefix_tokens", cachePath, true, BigDecimal.ZERO, null);
                BigDecimal hitRate = ranged(f, block, "hit_rate", cachePath, BigDecimal.ZERO, BigDecimal.ONE, false,
                        ranges, "cache.hit_rate", AS_GIVEN);
                if (hitRate == null && !f.has(block, "hit_rate")) {
                    f.problem(block, cachePath + ".hit_rate", "is required");
                }
                Workload.Range inputRange = ranges.get("input_tokens");
                BigDecimal smallestInput = inputRange != null ? inputRange.low() : input;
                if (prefix != null && smallestInput != null && prefix.compareTo(smallestInput) > 0) {
                    f.problem(block.get("prefix_tokens"), cachePath + ".prefix_tokens",
                            "must not exceed input_tokens (" + smallestInput.toPlainString()
                                    + (inputRange != null ? ", the low end of its range" : "")
                                    + "): the cached prefix is part of the input, got " + prefix.toPlainString());
                }
                String ttl = f.string(block, "ttl", cachePath, false);
                if (ttl != null && !ttl.equals("5m") && !ttl.equals("1h")) {
                    f.problem(block.get("ttl"), cachePath + ".ttl", "expected 5m or 1h, got '" + ttl + "'");
                }
                cache = new Workload.Cache(prefix, hitRate, "1h".equals(ttl));
            }
        }

        Map<Mode, BigDecimal> mix = imageWorkload ? Map.of() : mix(f, map, path);
        Workload.ProvisionedUse provisioned = null;
        if (!imageWorkload && f.has(map, "provisioned")) {
            String pPath = path + ".provisioned";
            YNode.YMap block = f.map(map.get("provisioned"), pPath);
            if (block != null) {
                f.onlyKeys(block, pPath, Fields.keys("model_units", "term"));
                Long units = f.whole(block, "model_units", pPath, true, 1);
                String term = f.string(block, "term", pPath, true);
                if (term != null && !RateCardReader.TERMS.contains(term)) {
                    String hint = Suggest.closest(term, RateCardReader.TERMS, 1).stream().findFirst()
                            .map(s -> " (did you mean '" + s + "'?)").orElse("");
                    f.problem(block.get("term"), pPath + ".term", "unknown term '" + term + "'" + hint);
                }
                provisioned = new Workload.ProvisionedUse(units == null ? null : BigDecimal.valueOf(units), term);
            }
            if (f.has(map, "mix")) {
                f.problem(map.get("mix"), path + ".mix",
                        "cannot be combined with provisioned: provisioned calls are not billed per token");
            }
        }
        BigDecimal guardrails = null;
        if (f.has(map, "guardrails")) {
            YNode.YMap block = f.map(map.get("guardrails"), path + ".guardrails");
            if (block != null) {
                f.onlyKeys(block, path + ".guardrails", Fields.keys("text_units_per_request"));
                guardrails = f.number(block, "text_units_per_request", path + ".guardrails", true, BigDecimal.ZERO,
                        null);
            }
        }
        BigDecimal egress = f.number(map, "egress_gb", path, false, BigDecimal.ZERO, null);
        Workload.KnowledgeBaseUse knowledgeBase = knowledgeBase(f, map, path);
        Workload.FineTuning fineTuning = null;
        if (f.has(map, "fine_tuning")) {
            String ftPath = path + ".fine_tuning";
            YNode.YMap block = f.map(map.get("fine_tuning"), ftPath);
            if (block != null) {
                f.onlyKeys(block, ftPath, Fields.keys("training_tokens", "epochs", "stored_models"));
                BigDecimal tokens = f.number(block, "training_tokens", ftPath, false, BigDecimal.ZERO, null);
                BigDecimal epochs = BigDecimal.ONE;
                if (f.has(block, "epochs")) {
                    Long e = f.whole(block, "epochs", ftPath, false, 1);
                    epochs = e == null ? null : BigDecimal.valueOf(e);
                }
                Long stored = f.whole(block, "stored_models", ftPath, false, 0);
                fineTuning = new Workload.FineTuning(tokens, epochs, stored == null ? null : BigDecimal.valueOf(stored));
            }
        }
        BigDecimal growth = f.number(map, "growth", path, false, MIN_GROWTH, BigDecimal.TEN);
        Workload.LoggingUse logging = null;
        if (f.has(map, "logging")) {
            String lPath = path + ".logging";
            YNode.YMap block = f.map(map.get("logging"), lPath);
            if (block != null) {
                f.onlyKeys(block, lPath, Fields.keys("bytes_per_call", "retention_months"));
                BigDecimal bytes = requiredPositive(f, block, "bytes_per_call", lPath, "a logged call writes some bytes");
                BigDecimal retention = BigDecimal.ONE;
                if (f.has(block, "retention_months")) {
                    retention = f.number(block, "retention_months", lPath, false, BigDecimal.ZERO, null);
                }
                logging = new Workload.LoggingUse(bytes, retention);
            }
        }
        Long metricCount = f.whole(map, "metrics", path, false, 0);
        BigDecimal crossRegion = f.number(map, "cross_region_gb", path, false, BigDecimal.ZERO, null);
        Workload.ImageUse images = null;
        if (imageWorkload) {
            String iPath = path + ".images";
            YNode.YMap block = f.map(map.get("images"), iPath);
            if (block != null) {
                f.onlyKeys(block, iPath, Fields.keys("per_request", "size"));
                BigDecimal perRequest = requiredPositive(f, block, "per_request", iPath, "an image workload makes images");
                String size = f.string(block, "size", iPath, true);
                images = new Workload.ImageUse(perRequest, size);
            }
        }
        if (f.problems().size() > before || name == null || model == null || requests == null || input == null
                || calls == null) {
            return null;
        }
        return new Workload(name, model, ratecard, requests, calls, input, output, cache, mix, provisioned,
                guardrails, egress, knowledgeBase, fineTuning, growth, logging,
                metricCount == null ? null : BigDecimal.valueOf(metricCount), crossRegion, images, ranges);
    }

    /**
     * A number, or a range {@code { low, expected, high }} of them, each in [min, max] (and above 0
     * when {@code positive}) and converted by {@code scale} (requests_per_day to a month). Returns
     * the expected value; a range's ends go into {@code ranges} under {@code rangeKey}. Null when
     * absent or wrong.
     */
    private static BigDecimal ranged(Fields f, YNode.YMap map, String key, String path, BigDecimal min,
            BigDecimal max, boolean positive, Map<String, Workload.Range> ranges, String rangeKey,
            java.util.function.UnaryOperator<BigDecimal> scale) {
        if (!(map.get(key) instanceof YNode.YMap range)) {
            BigDecimal value = positive ? positive(f, map, key, path, "a workload makes at least some calls per request")
                    : f.number(map, key, path, false, min, max);
            return value == null ? null : scale.apply(value);
        }
        String rangePath = Fields.join(path, key);
        f.onlyKeys(range, rangePath, RANGE);
        BigDecimal[] ends = new BigDecimal[3];
        String[] names = {"low", "expected", "high"};
        for (int i = 0; i < 3; i++) {
            ends[i] = positive ? positive(f, range, names[i], rangePath, "a workload makes at least some calls per "
                    + "request") : f.number(range, names[i], rangePath, false, min, max);
            if (ends[i] == null && !f.has(range, names[i])) {
                f.problem(range, rangePath + "." + names[i], "is required in a range { low, expected, high }");
            }
        }
        if (ends[0] == null || ends[1] == null || ends[2] == null) {
            return null;
        }
        if (ends[0].compareTo(ends[1]) > 0 || ends[1].compareTo(ends[2]) > 0) {
            f.problem(range, rangePath, "a range needs low <= expected <= high, got low " + ends[0].toPlainString()
                    + ", expected " + ends[1].toPlainString() + ", high " + ends[2].toPlainString());
            return null;
        }
        ranges.put(rangeKey, new Workload.Range(scale.apply(ends[0]), scale.apply(ends[2])));
        return scale.apply(ends[1]);
    }

    /** {@code knowledge_bases: K}, {@code knowledge_base: K} or the {@code knowledge_base:} block. */
    private static Workload.KnowledgeBaseUse knowledgeBase(Fields f, YNode.YMap map, String path) {
        if (f.has(map, "knowledge_bases") && f.has(map, "knowledge_base")) {
            f.problemAtKey(map, "knowledge_base", path + ".knowledge_base",
                    "give knowledge_bases (a count) or knowledge_base, not both");
            return null;
        }
        if (f.has(map, "knowledge_bases") || f.has(map, "knowledge_base") && !(map.get("knowledge_base")
                instanceof YNode.YMap)) {
            String key = f.has(map, "knowledge_bases") ? "knowledge_bases" : "knowledge_base";
            Long count = f.whole(map, key, path, false, 0);
            return count == null ? null : Workload.KnowledgeBaseUse.plain(BigDecimal.valueOf(count));
        }
        if (!f.has(map, "knowledge_base")) {
            return null;
        }
        String kbPath = path + ".knowledge_base";
        YNode.YMap block = (YNode.YMap) map.get("knowledge_base");
        f.onlyKeys(block, kbPath, KNOWLEDGE_BASE);
        BigDecimal count = BigDecimal.ONE;
        if (f.has(block, "count")) {
            Long k = f.whole(block, "count", kbPath, false, 1);
            count = k == null ? null : BigDecimal.valueOf(k);
        }
        BigDecimal ocus = positive(f, block, "ocus", kbPath, "a knowledge base runs on some capacity");
        BigDecimal documents = f.number(block, "documents_gb", kbPath, false, BigDecimal.ZERO, null);
        BigDecimal ingest = f.number(block, "ingest_tokens_per_month", kbPath, false, BigDecimal.ZERO, null);
        String embeddingModel = f.string(block, "embedding_model", kbPath, false);
        BigDecimal retrievals = f.number(block, "retrievals_per_request", kbPath, false, BigDecimal.ZERO, null);
        BigDecimal queryTokens = f.number(block, "query_tokens", kbPath, false, BigDecimal.ZERO, null);
        if (f.has(block, "retrievals_per_request") != f.has(block, "query_tokens")) {
            String missing = f.has(block, "query_tokens") ? "retrievals_per_request" : "query_tokens";
            f.problem(block, kbPath + "." + missing, "is required with "
                    + (missing.equals("query_tokens") ? "retrievals_per_request" : "query_tokens")
                    + ": a retrieval embeds its query");
        }
        Workload.KnowledgeBaseUse use = new Workload.KnowledgeBaseUse(count, ocus, documents, ingest, embeddingModel,
                retrievals, queryTokens);
        if (use.embeds() && embeddingModel == null && !f.has(block, "embedding_model")) {
            f.problem(block, kbPath + ".embedding_model", "is required to price ingest_tokens_per_month and "
                    + "retrievals: the model that embeds them (a kind: embedding model of the card)");
        }
        return use;
    }

    private static Map<Mode, BigDecimal> mix(Fields f, YNode.YMap map, String path) {
        Map<Mode, BigDecimal> mix = new EnumMap<>(Mode.class);
        if (!f.has(map, "mix")) {
            return mix;
        }
        String mixPath = path + ".mix";
        YNode.YMap block = f.map(map.get("mix"), mixPath);
        if (block == null) {
            return mix;
        }
        f.onlyKeys(block, mixPath, MIX);
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal onDemand = null;
        for (String key : List.of("on_demand", "batch", "priority", "flex")) {
            if (!block.entries().containsKey(key)) {
                continue;
            }
            BigDecimal share = f.number(block, key, mixPath, true, BigDecimal.ZERO, BigDecimal.ONE);
            if (share == null) {
                return mix;
            }
            sum = sum.add(share);
            if (key.equals("on_demand")) {
                onDemand = share;
            } else if (share.signum() > 0) {
                mix.put(Mode.fromKey(key), share);
            }
        }
        if (onDemand != null && sum.compareTo(BigDecimal.ONE) != 0) {
            f.problem(block, mixPath, "shares must sum to 1 when on_demand is given, got " + sum.toPlainString());
        } else if (sum.compareTo(BigDecimal.ONE) > 0) {
            f.problem(block, mixPath, "shares must sum to at most 1 (on_demand takes the rest), got "
                    + sum.toPlainString());
        }
        return mix;
    }

    /** {@link #positive} that must be given. */
    private static BigDecimal requiredPositive(Fields f, YNode.YMap map, String key, String path, String why) {
        if (!f.has(map, key)) {
            f.problem(map, Fields.join(path, key), "is required");
            return null;
        }
        return positive(f, map, key, path, why);
    }

    /**
     * A number that must be above zero (calls per request: zero calls would price a workload at a
     * silent $0); null when absent or wrong. {@code why} says why zero makes no sense.
     */
    static BigDecimal positive(Fields f, YNode.YMap map, String key, String path, String why) {
        BigDecimal value = f.number(map, key, path, false);
        if (value != null && value.signum() <= 0) {
            f.problem(map.get(key), Fields.join(path, key), "must be above 0 (" + why + "), got "
                    + value.toPlainString());
            return null;
        }
        return value;
    }
}
