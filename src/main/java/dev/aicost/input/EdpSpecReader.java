package dev.aicost.input;

import dev.aicost.edp.EdpInputs;
import dev.aicost.edp.EdpScenario;
import dev.aicost.edp.SupportPlan;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds and validates an EDP spec ({@code schema: aicost/edp/v1}). */
public final class EdpSpecReader {
    public static final String SCHEMA = "aicost/edp/v1";
    private static final Set<String> TOP = Fields.keys("schema", "description", "currency", "scenarios", "spend",
            "support", "baseline_support");
    private static final Set<String> SCENARIO = Fields.keys("name", "description", "term_years", "commit", "discount",
            "tiers", "ai_extra_discount");
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private EdpSpecReader() {
    }

    /** The validated spec: scenarios, inputs, currency, and where the AI spend came from. */
    public record EdpSpec(String file, String currency, List<EdpScenario> scenarios, EdpInputs inputs, String aiFrom) {
    }

    public static EdpSpec read(YNode root, String file) {
        Fields f = new Fields(file);
        YNode.YMap top = f.top(root, TOP, SCHEMA);
        f.string(top, "description", "", false);
        String currency = f.string(top, "currency", "", false);
        if (currency == null) {
            currency = "USD";
        } else if (!currency.matches("[A-Z]{3}")) {
            f.problem(top.get("currency"), "currency", "expected a 3-letter ISO code such as USD, got '" + currency + "'");
        }

        List<EdpScenario> scenarios = new ArrayList<>();
        List<YNode.YMap> scenarioNodes = new ArrayList<>();
        if (!f.has(top, "scenarios")) {
            f.problem(top, "scenarios", "is required");
        } else {
            YNode.YList list = f.list(top.get("scenarios"), "scenarios");
            if (list != null) {
                if (list.items().isEmpty()) {
                    f.problem(list, "scenarios", "must list at least one scenario");
                }
                Map<String, Integer> names = new HashMap<>();
                for (int i = 0; i < list.items().size(); i++) {
                    String path = "scenarios[" + i + "]";
                    YNode.YMap map = f.map(list.items().get(i), path);
                    EdpScenario scenario = map == null ? null : scenario(f, map, path);
                    if (scenario != null) {
                        Integer previous = names.putIfAbsent(scenario.name(), i);
                        if (previous != null) {
                            f.problem(map.get("name"), path + ".name", "duplicate scenario name '" + scenario.name()
                                    + "' (also scenarios[" + previous + "])");
                        }
                        scenarios.add(scenario);
                        scenarioNodes.add(map);
                    }
                }
            }
        }

        List<BigDecimal> organic = null;
        List<BigDecimal> ai = null;
        BigDecimal uncertainty = null;
        String aiFrom = null;
        YNode.YMap spend = f.has(top, "spend") ? f.map(top.get("spend"), "spend") : null;
        if (!f.has(top, "spend")) {
            f.problem(top, "spend", "is required");
        }
        if (spend != null) {
            f.onlyKeys(spend, "spend", Fields.keys("organic", "ai", "ai_from", "uncertainty"));
            organic = amounts(f, spend, "organic", "spend", true);
            if (f.has(spend, "ai") && f.has(spend, "ai_from")) {
                f.problem(spend.get("ai_from"), "spend.ai_from", "give ai or ai_from, not both");
            } else if (f.has(spend, "ai_from")) {
                aiFrom = f.string(spend, "ai_from", "spend", true);
                if (aiFrom != null && organic != null) {
                    Path report = Path.of(file).toAbsolutePath().getParent().resolve(aiFrom).normalize();
                    BaselineReader.Baseline estimate;
                    YNode at = spend.get("ai_from");
                    String named = aiFrom;
                    try {
                        estimate = BaselineReader.read(report);
                    } catch (InputException e) {
                        throw e.placed(message -> new Problem(file, at.line(), at.column(), "spend.ai_from",
                                "'" + named + "' (" + report + "): " + message));
                    }
                    if (estimate.currency() != null && !estimate.currency().equals(currency)) {
                        f.problem(spend.get("ai_from"), "spend.ai_from", "the report is in " + estimate.currency()
                                + " but the spec is in " + currency);
                    }
                    ai = new ArrayList<>();
                    for (int y = 0; y < organic.size(); y++) {
                        ai.add(estimate.monthlyTotal().multiply(TWELVE));
                    }
                }
            } else {
                ai = amounts(f, spend, "ai", "spend", false);
                if (ai == null && organic != null && !f.has(spend, "ai")) {
                    ai = new ArrayList<>();
                    for (int y = 0; y < organic.size(); y++) {
                        ai.add(BigDecimal.ZERO);
                    }
                }
            }
            if (organic != null && ai != null && ai.size() != organic.size()) {
                f.problem(spend.get("ai"), "spend.ai", "has " + ai.size() + " years but spend.organic has "
                        + organic.size());
            }
            uncertainty = f.number(spend, "uncertainty", "spend", false, BigDecimal.ZERO, BigDecimal.ONE);
        }
        if (organic != null) {
            for (int i = 0; i < scenarios.size(); i++) {
                if (scenarios.get(i).termYears() > organic.size()) {
                    f.problem(scenarioNodes.get(i).get("term_years"), "scenarios[" + i + "].term_years",
                            "the spend forecast covers " + organic.size() + " years, fewer than the term of "
                                    + scenarios.get(i).termYears());
                }
            }
        }
        SupportPlan support = SupportPlan.ENTERPRISE;
        if (f.has(top, "support")) {
            support = plan(f, top.get("support"), "support");
        }
        SupportPlan baseline = SupportPlan.NONE;
        if (f.has(top, "baseline_support")) {
            baseline = plan(f, top.get("baseline_support"), "baseline_support");
        }
        f.throwIfAny();
        return new EdpSpec(file, currency, scenarios, new EdpInputs(organic, ai, uncertainty, support, baseline), aiFrom);
    }

    private static EdpScenario scenario(Fields f, YNode.YMap map, String path) {
        int before = f.problems().size();
        f.onlyKeys(map, path, SCENARIO);
        String name = f.string(map, "name", path, true);
        f.string(map, "description", path, false);
        Long term = f.whole(map, "term_years", path, true, 1);
        if (term != null && term > 10) {
            f.problem(map.get("term_years"), path + ".term_years", "must be at most 10, got " + term);
        }
        List<BigDecimal> commits = amounts(f, map, "commit", path, true);
        if (commits != null && term != null && commits.size() != term) {
            f.problem(map.get("commit"), path + ".commit", "lists " + commits.size() + " yearly commits but "
                    + "term_years is " + term);
        }
        BigDecimal discount = f.number(map, "discount", path, false, BigDecimal.ZERO, BigDecimal.ONE);
        List<EdpScenario.Tier> tiers = null;
        if (f.has(map, "tiers")) {
            YNode.YList list = f.list(map.get("tiers"), path + ".tiers");
            if (list != null) {
                tiers = new ArrayList<>();
                if (list.items().isEmpty()) {
                    f.problem(list, path + ".tiers", "must list at least one tier");
                }
                for (int i = 0; i < list.items().size(); i++) {
                    String tierPath = path + ".tiers[" + i + "]";
                    YNode.YMap tier = f.map(list.items().get(i), tierPath);
                    if (tier != null) {
                        f.onlyKeys(tier, tierPath, Fields.keys("min_commit", "discount"));
                        BigDecimal min = f.number(tier, "min_commit", tierPath, true, BigDecimal.ZERO, null);
                        BigDecimal rate = f.number(tier, "discount", tierPath, true, BigDecimal.ZERO, BigDecimal.ONE);
                        if (min != null && tiers.stream().anyMatch(t -> t.minCommit().compareTo(min) == 0)) {
                            f.problem(tier.get("min_commit"), tierPath + ".min_commit", "the same threshold ("
                                    + min.toPlainString() + ") as an earlier tier: each tier needs its own min_commit");
                        } else if (min != null && rate != null) {
                            tiers.add(new EdpScenario.Tier(min, rate));
                        }
                    }
                }
            }
        }
        if (f.has(map, "discount") && f.has(map, "tiers")) {
            f.problem(map.get("tiers"), path + ".tiers", "give discount or tiers, not both");
        } else if (!f.has(map, "discount") && !f.has(map, "tiers")) {
            f.problem(map, path + ".discount", "is required (or tiers)");
        }
        BigDecimal aiExtra = f.number(map, "ai_extra_discount", path, false, BigDecimal.ZERO, BigDecimal.ONE);
        if (f.problems().size() > before) {
            return null;
        }
        return new EdpScenario(name, term.intValue(), commits, discount, tiers, aiExtra);
    }

    /** A list of non-negative amounts, one per year. */
    private static List<BigDecimal> amounts(Fields f, YNode.YMap map, String key, String path, boolean required) {
        String listPath = Fields.join(path, key);
        if (!f.has(map, key)) {
            if (required) {
                f.problem(map, listPath, "is required");
            }
            return null;
        }
        YNode.YList list = f.list(map.get(key), listPath);
        if (list == null) {
            return null;
        }
        if (list.items().isEmpty()) {
            f.problem(list, listPath, "must give at least one year");
            return null;
        }
        List<BigDecimal> values = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.items().size(); i++) {
            String itemPath = listPath + "[" + i + "]";
            BigDecimal value = f.number(list.items().get(i), itemPath);
            if (value != null) {
                value = f.checkRange(list.items().get(i), itemPath, value, BigDecimal.ZERO, null);
            }
            ok &= value != null;
            values.add(value);
        }
        return ok ? values : null;
    }

    /** enterprise | business | none, { plan: NAME or { rate, minimum_monthly } }, or { rate, minimum_monthly }. */
    private static SupportPlan plan(Fields f, YNode node, String path) {
        if (node instanceof YNode.YScalar scalar) {
            return named(f, node, path, scalar.text());
        }
        YNode.YMap map = f.map(node, path);
        if (map == null) {
            return SupportPlan.NONE;
        }
        f.onlyKeys(map, path, Fields.keys("plan", "rate", "minimum_monthly"));
        if (f.has(map, "plan")) {
            if (f.has(map, "rate") || f.has(map, "minimum_monthly")) {
                f.problem(map.get("rate") != null ? map.get("rate") : map.get("minimum_monthly"), path,
                        "give a plan name or rate and minimum_monthly, not both");
            }
            // plan: NAME, or plan: { rate, minimum_monthly } as the README writes it
            return plan(f, map.get("plan"), path + ".plan");
        }
        BigDecimal rate = f.number(map, "rate", path, true, BigDecimal.ZERO, BigDecimal.ONE);
        BigDecimal minimum = f.number(map, "minimum_monthly", path, false, BigDecimal.ZERO, null);
        return rate == null ? SupportPlan.NONE : SupportPlan.flat(rate, minimum == null ? BigDecimal.ZERO : minimum);
    }

    private static SupportPlan named(Fields f, YNode at, String path, String name) {
        return switch (name) {
            case "enterprise" -> SupportPlan.ENTERPRISE;
            case "business" -> SupportPlan.BUSINESS;
            case "none" -> SupportPlan.NONE;
            default -> {
                f.problem(at, path, "unknown support plan '" + name + "'; plans: enterprise, business, none, "
                        + "or { rate, minimum_monthly }");
                yield SupportPlan.NONE;
            }
        };
    }
}
