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
            "mix", "provisioned", "guardrails", "egress_gb", "knowledge_bases", "fine_tuning", "growth");
    private static final Set<String> MIX = Fields.keys("on_demand", "batch", "priority", "flex");
    private static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);
    private static final BigDecimal MIN_GROWTH = new BigDecimal("-0.99");

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

        BigDecimal requests = null;
        boolean perMonth = f.has(map, "requests_per_month");
        boolean perDay = f.has(map, "requests_per_day");
        if (perMonth && perDay) {
            f.problem(map.get("requests_per_day"), path + ".requests_per_day",
                    "give requests_per_month or requests_per_day, not both");
        } else if (perMonth) {
            requests = f.number(map, "requests_per_month", path, true, BigDecimal.ZERO, null);
        } else if (perDay) {
            BigDecimal daily = f.number(map, "requests_per_day", path, true, BigDecimal.ZERO, null);
            if (daily != null) {
                requests = daily.multiply(hoursPerMonth).divide(HOURS_PER_DAY, MathContext.DECIMAL128);
            }
        } else {
            f.problem(map, path + ".requests_per_month", "is required (or requests_per_day)");
        }
        BigDecimal calls = BigDecimal.ONE;
        if (f.has(map, "calls_per_request")) {
            calls = positive(f, map, "calls_per_request", path);
        }
        BigDecimal input = f.number(map, "input_tokens", path, true, BigDecimal.ZERO, null);
        BigDecimal output = f.number(map, "output_tokens", path, true, BigDecimal.ZERO, null);

        Workload.Cache cache = null;
        if (f.has(map, "cache")) {
            String cachePath = path + ".cache";
            YNode.YMap block = f.map(map.get("cache"), cachePath);
            if (block != null) {
                f.onlyKeys(block, cachePath, Fields.keys("prefix_tokens", "hit_rate"));
                BigDecimal prefix = f.number(block, "prefix_tokens", cachePath, true, BigDecimal.ZERO, null);
                BigDecimal hitRate = f.number(block, "hit_rate", cachePath, true, BigDecimal.ZERO, BigDecimal.ONE);
                if (prefix != null && input != null && prefix.compareTo(input) > 0) {
                    f.problem(block.get("prefix_tokens"), cachePath + ".prefix_tokens",
                            "must not exceed input_tokens (" + input.toPlainString()
                                    + "): the cached prefix is part of the input, got " + prefix.toPlainString());
                }
                cache = new Workload.Cache(prefix, hitRate);
            }
        }

        Map<Mode, BigDecimal> mix = mix(f, map, path);
        Workload.ProvisionedUse provisioned = null;
        if (f.has(map, "provisioned")) {
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
        Long knowledgeBases = f.whole(map, "knowledge_bases", path, false, 0);
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
        if (f.problems().size() > before || name == null || model == null || requests == null || input == null
                || output == null || calls == null) {
            return null;
        }
        return new Workload(name, model, ratecard, requests, calls, input, output, cache, mix, provisioned,
                guardrails, egress, knowledgeBases == null ? null : BigDecimal.valueOf(knowledgeBases), fineTuning,
                growth);
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

    /**
     * A number that must be above zero (calls per request: zero calls would price a workload at a
     * silent $0); null when absent or wrong.
     */
    static BigDecimal positive(Fields f, YNode.YMap map, String key, String path) {
        BigDecimal value = f.number(map, key, path, false);
        if (value != null && value.signum() <= 0) {
            f.problem(map.get(key), Fields.join(path, key), "must be above 0 (a workload makes at least some calls "
                    + "per request), got " + value.toPlainString());
            return null;
        }
        return value;
    }
}
