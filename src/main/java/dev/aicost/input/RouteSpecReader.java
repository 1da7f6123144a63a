package dev.aicost.input;

import dev.aicost.model.Mode;
import dev.aicost.model.Workload;
import dev.aicost.routing.RouteClass;
import dev.aicost.routing.RouteSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds and validates a routing spec ({@code schema: aicost/route/v1}). */
public final class RouteSpecReader {
    public static final String SCHEMA = "aicost/route/v1";
    private static final Set<String> TOP = Fields.keys("schema", "description", "ratecard", "baseline",
            "requests_per_month", "max_cost_per_request", "over_ceiling", "candidates", "classes");
    private static final Set<String> CLASS = Fields.keys("name", "description", "share", "calls_per_request",
            "input_tokens", "output_tokens", "cache", "mix", "min_tier");

    private RouteSpecReader() {
    }

    /** The validated spec with the YAML nodes of its parts, for positioned messages later. */
    public record Loaded(String file, java.nio.file.Path directory, RouteSpec spec, YNode.YMap top,
            List<YNode.YMap> classNodes) {

        /** A problem at {@code key} of the top level (or of class {@code index} when index >= 0). */
        public Problem problemAt(int index, String key, String message) {
            YNode.YMap map = index < 0 ? top : classNodes.get(index);
            YNode at = map.get(key) != null ? map.get(key) : map;
            String path = (index < 0 ? "" : "classes[" + index + "]") + (key == null ? ""
                    : (index < 0 ? "" : ".") + key);
            return new Problem(file, at.line(), at.column(), path, message);
        }

        /** A problem at item {@code item} of the candidates list. */
        public Problem candidateProblem(int item, String message) {
            YNode at = top.get("candidates") instanceof YNode.YList list ? list.items().get(item) : top;
            return new Problem(file, at.line(), at.column(), "candidates[" + item + "]", message);
        }
    }

    public static Loaded read(YNode root, String file) {
        Fields f = new Fields(file);
        YNode.YMap top = f.top(root, TOP, SCHEMA);
        f.string(top, "description", "", false);
        String ratecard = f.string(top, "ratecard", "", false);
        String baseline = f.string(top, "baseline", "", true);
        BigDecimal requests = f.number(top, "requests_per_month", "", true, BigDecimal.ZERO, null);
        BigDecimal ceiling = f.number(top, "max_cost_per_request", "", false, BigDecimal.ZERO, null);
        RouteSpec.OverCeiling policy = RouteSpec.OverCeiling.DOWNGRADE;
        String over = f.string(top, "over_ceiling", "", false);
        if (over != null) {
            switch (over) {
                case "downgrade" -> policy = RouteSpec.OverCeiling.DOWNGRADE;
                case "reject" -> policy = RouteSpec.OverCeiling.REJECT;
                default -> f.problem(top.get("over_ceiling"), "over_ceiling",
                        "expected downgrade or reject, got '" + over + "'");
            }
        }
        List<String> candidates = f.strings(top, "candidates", "");
        if (candidates != null && candidates.isEmpty()) {
            f.problem(top.get("candidates"), "candidates", "must list at least one model (or leave it out for all)");
        }
        List<RouteClass> classes = new ArrayList<>();
        List<YNode.YMap> nodes = new ArrayList<>();
        YNode.YList list = null;
        if (!f.has(top, "classes")) {
            f.problem(top, "classes", "is required");
        } else {
            list = f.list(top.get("classes"), "classes");
        }
        if (list != null) {
            if (list.items().isEmpty()) {
                f.problem(list, "classes", "must list at least one class");
            }
            Map<String, Integer> names = new HashMap<>();
            BigDecimal shares = BigDecimal.ZERO;
            boolean sharesKnown = true;
            for (int i = 0; i < list.items().size(); i++) {
                String path = "classes[" + i + "]";
                YNode.YMap map = f.map(list.items().get(i), path);
                if (map == null) {
                    sharesKnown = false;
                    continue;
                }
                RouteClass routeClass = routeClass(f, map, path);
                if (routeClass == null) {
                    sharesKnown = false;
                    continue;
                }
                Integer previous = names.putIfAbsent(routeClass.name(), i);
                if (previous != null) {
                    f.problem(map.get("name"), path + ".name", "duplicate class name '" + routeClass.name()
                            + "' (also classes[" + previous + "])");
                }
                shares = shares.add(routeClass.share());
                classes.add(routeClass);
                nodes.add(map);
            }
            if (sharesKnown && !classes.isEmpty() && shares.compareTo(BigDecimal.ONE) != 0) {
                f.problem(list, "classes", "shares must sum to 1, got " + shares.toPlainString());
            }
        }
        f.throwIfAny();
        java.nio.file.Path directory = java.nio.file.Path.of(file).toAbsolutePath().getParent();
        return new Loaded(file, directory, new RouteSpec(ratecard, baseline, requests, ceiling, policy, candidates,
                classes), top, nodes);
    }

    private static RouteClass routeClass(Fields f, YNode.YMap map, String path) {
        int before = f.problems().size();
        f.onlyKeys(map, path, CLASS);
        String name = f.string(map, "name", path, true);
        f.string(map, "description", path, false);
        BigDecimal share = f.number(map, "share", path, true, BigDecimal.ZERO, BigDecimal.ONE);
        BigDecimal calls = BigDecimal.ONE;
        if (f.has(map, "calls_per_request")) {
            calls = WorkloadSpecReader.positive(f, map, "calls_per_request", path,
                    "a workload makes at least some calls per request");
        }
        BigDecimal input = f.number(map, "input_tokens", path, true, BigDecimal.ZERO, null);
        BigDecimal output = f.number(map, "output_tokens", path, true, BigDecimal.ZERO, null);
        Long minTier = f.whole(map, "min_tier", path, true, 0);
        Workload.Cache cache = null;
        if (f.has(map, "cache")) {
            YNode.YMap block = f.map(map.get("cache"), path + ".cache");
            if (block != null) {
                f.onlyKeys(block, path + ".cache", Fields.keys("prefix_tokens", "hit_rate"));
                BigDecimal prefix = f.number(block, "prefix_tokens", path + ".cache", true, BigDecimal.ZERO, null);
                BigDecimal hitRate = f.number(block, "hit_rate", path + ".cache", true, BigDecimal.ZERO, BigDecimal.ONE);
                if (prefix != null && input != null && prefix.compareTo(input) > 0) {
                    f.problem(block.get("prefix_tokens"), path + ".cache.prefix_tokens", "must not exceed input_tokens ("
                            + input.toPlainString() + "), got " + prefix.toPlainString());
                }
                cache = new Workload.Cache(prefix, hitRate);
            }
        }
        Map<Mode, BigDecimal> mix = new EnumMap<>(Mode.class);
        if (f.has(map, "mix")) {
            YNode.YMap block = f.map(map.get("mix"), path + ".mix");
            if (block != null) {
                f.onlyKeys(block, path + ".mix", Fields.keys("batch", "priority", "flex"));
                BigDecimal sum = BigDecimal.ZERO;
                for (Mode mode : List.of(Mode.BATCH, Mode.PRIORITY, Mode.FLEX)) {
                    BigDecimal value = f.number(block, mode.key(), path + ".mix", false, BigDecimal.ZERO, BigDecimal.ONE);
                    if (value != null && value.signum() > 0) {
                        mix.put(mode, value);
                        sum = sum.add(value);
                    }
                }
                if (sum.compareTo(BigDecimal.ONE) > 0) {
                    f.problem(block, path + ".mix", "shares must sum to at most 1, got " + sum.toPlainString());
                }
            }
        }
        if (f.problems().size() > before || name == null || share == null || calls == null || input == null
                || output == null || minTier == null) {
            return null;
        }
        return new RouteClass(name, share, calls, input, output, cache, mix, minTier.intValue());
    }
}
