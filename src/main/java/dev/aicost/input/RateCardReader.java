package dev.aicost.input;

import dev.aicost.model.Mode;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.model.TokenPrices;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds and validates a rate card ({@code schema: aicost/ratecard/v1}). */
public final class RateCardReader {
    public static final String SCHEMA = "aicost/ratecard/v1";
    /** Commitment terms a provisioned price may be given for. */
    public static final Set<String> TERMS = Set.of("no_commit", "1_week", "1_month", "3_month", "6_month", "1_year");

    private static final Set<String> TOP = Fields.keys("schema", "id", "extends", "provider", "region", "currency",
            "effective", "checked", "source", "notes", "defaults", "models", "services");
    private static final Set<String> DEFAULTS = Fields.keys("batch_discount", "priority_premium", "flex_discount");
    private static final Set<String> MODEL = Fields.keys("name", "aliases", "tier", "input", "output", "cache_write",
            "cache_read", "batch", "priority", "flex", "long_context", "training", "provisioned", "notes");
    private static final Set<String> MODE_BLOCK = Fields.keys("input", "output", "cache_write", "cache_read");
    private static final Set<String> LONG_CONTEXT = Fields.keys("above_tokens", "input", "output", "cache_write",
            "cache_read");
    private static final Set<String> PROVISIONED = Fields.keys("model_unit_tpm", "tpm_assumed", "hourly");
    private static final Set<String> SERVICES = Fields.keys("egress", "guardrails", "knowledge_base", "fine_tuning");

    private RateCardReader() {
    }

    /** Reads {@code root} (loaded from {@code file}); throws {@link InputException} with every problem. */
    public static RateCard read(YNode root, String file) {
        Fields f = new Fields(file);
        YNode.YMap top = f.top(root, TOP, SCHEMA);
        String id = f.string(top, "id", "", true);
        String provider = f.string(top, "provider", "", true);
        String region = f.string(top, "region", "", false);
        String currency = f.string(top, "currency", "", true);
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            f.problem(top.get("currency"), "currency", "expected a 3-letter ISO code such as USD, got '"
                    + currency + "'");
        }
        String effective = f.date(top, "effective", "", true);
        String checked = f.date(top, "checked", "", true);
        String source = f.string(top, "source", "", true);
        f.string(top, "notes", "", false);

        RateCard.ModeDefaults defaults = RateCard.ModeDefaults.NONE;
        if (f.has(top, "defaults")) {
            YNode.YMap map = f.map(top.get("defaults"), "defaults");
            if (map != null) {
                f.onlyKeys(map, "defaults", DEFAULTS);
                defaults = new RateCard.ModeDefaults(
                        f.number(map, "batch_discount", "defaults", false, BigDecimal.ZERO, BigDecimal.ONE),
                        f.number(map, "priority_premium", "defaults", false, BigDecimal.ZERO, BigDecimal.TEN),
                        f.number(map, "flex_discount", "defaults", false, BigDecimal.ZERO, BigDecimal.ONE));
            }
        }

        Map<String, ModelPrice> models = new LinkedHashMap<>();
        YNode.YMap modelsMap = f.has(top, "models") ? f.map(top.get("models"), "models") : null;
        if (!f.has(top, "models")) {
            f.problem(top, "models", "is required");
        }
        if (modelsMap != null) {
            Map<String, String> owners = new HashMap<>();
            for (Map.Entry<String, YNode> entry : modelsMap.entries().entrySet()) {
                String path = "models." + entry.getKey();
                ModelPrice model = model(f, entry.getKey(), entry.getValue(), path);
                if (model == null) {
                    continue;
                }
                claim(f, owners, entry.getKey(), entry.getKey(), entry.getValue(), path);
                for (String alias : model.aliases()) {
                    claim(f, owners, alias, entry.getKey(), entry.getValue(), path + ".aliases");
                }
                models.put(entry.getKey(), model);
            }
        }

        RateCard.Services services = RateCard.Services.NONE;
        if (f.has(top, "services")) {
            services = services(f, top.get("services"));
        }
        f.throwIfAny();
        return new RateCard(id, provider, region, currency, effective, checked, source, defaults, models, services);
    }

    private static void claim(Fields f, Map<String, String> owners, String name, String model, YNode at,
            String path) {
        String previous = owners.putIfAbsent(name, model);
        if (previous != null && !previous.equals(model)) {
            f.problem(at, path, "'" + name + "' already names model " + previous);
        }
    }

    private static ModelPrice model(Fields f, String id, YNode node, String path) {
        YNode.YMap map = f.map(node, path);
        if (map == null) {
            return null;
        }
        f.onlyKeys(map, path, MODEL);
        String name = f.string(map, "name", path, false);
        List<String> aliases = f.strings(map, "aliases", path);
        Long tier = f.whole(map, "tier", path, false, 0);
        TokenPrices standard = prices(f, map, path, true);
        Map<Mode, TokenPrices> modes = new EnumMap<>(Mode.class);
        for (Mode mode : List.of(Mode.BATCH, Mode.PRIORITY, Mode.FLEX)) {
            if (f.has(map, mode.key())) {
                YNode.YMap block = f.map(map.get(mode.key()), Fields.join(path, mode.key()));
                if (block != null) {
                    f.onlyKeys(block, Fields.join(path, mode.key()), MODE_BLOCK);
                    modes.put(mode, prices(f, block, Fields.join(path, mode.key()), false));
                }
            }
        }
        ModelPrice.LongContext longContext = null;
        if (f.has(map, "long_context")) {
            String lcPath = Fields.join(path, "long_context");
            YNode.YMap block = f.map(map.get("long_context"), lcPath);
            if (block != null) {
                f.onlyKeys(block, lcPath, LONG_CONTEXT);
                Long above = f.whole(block, "above_tokens", lcPath, true, 1);
                TokenPrices prices = prices(f, block, lcPath, true);
                if (above != null) {
                    longContext = new ModelPrice.LongContext(above, prices);
                }
            }
        }
        BigDecimal training = f.number(map, "training", path, false, BigDecimal.ZERO, null);
        ModelPrice.Provisioned provisioned = null;
        if (f.has(map, "provisioned")) {
            provisioned = provisioned(f, map.get("provisioned"), Fields.join(path, "provisioned"));
        }
        f.string(map, "notes", path, false);
        return new ModelPrice(id, name == null ? id : name, aliases == null ? List.of() : aliases,
                tier == null ? null : tier.intValue(), standard, modes, longContext, training, provisioned);
    }

    private static TokenPrices prices(Fields f, YNode.YMap map, String path, boolean inputOutputRequired) {
        return new TokenPrices(
                f.number(map, "input", path, inputOutputRequired, BigDecimal.ZERO, null),
                f.number(map, "output", path, inputOutputRequired, BigDecimal.ZERO, null),
                f.number(map, "cache_write", path, false, BigDecimal.ZERO, null),
                f.number(map, "cache_read", path, false, BigDecimal.ZERO, null));
    }

    private static ModelPrice.Provisioned provisioned(Fields f, YNode node, String path) {
        YNode.YMap map = f.map(node, path);
        if (map == null) {
            return null;
        }
        f.onlyKeys(map, path, PROVISIONED);
        BigDecimal tpm = f.number(map, "model_unit_tpm", path, false, BigDecimal.ONE, null);
        Boolean assumed = f.bool(map, "tpm_assumed", path);
        Map<String, BigDecimal> hourly = new LinkedHashMap<>();
        if (!f.has(map, "hourly")) {
            f.problem(map, Fields.join(path, "hourly"), "is required");
        } else {
            YNode.YMap terms = f.map(map.get("hourly"), Fields.join(path, "hourly"));
            if (terms != null) {
                f.onlyKeys(terms, Fields.join(path, "hourly"), TERMS);
                for (String term : terms.entries().keySet()) {
                    BigDecimal price = f.number(terms, term, Fields.join(path, "hourly"), true, BigDecimal.ZERO,
                            null);
                    if (price != null && TERMS.contains(term)) {
                        hourly.put(term, price);
                    }
                }
                if (terms.entries().isEmpty()) {
                    f.problem(terms, Fields.join(path, "hourly"), "must give at least one term");
                }
            }
        }
        return new ModelPrice.Provisioned(tpm, Boolean.TRUE.equals(assumed), hourly);
    }

    private static RateCard.Services services(Fields f, YNode node) {
        YNode.YMap map = f.map(node, "services");
        if (map == null) {
            return RateCard.Services.NONE;
        }
        f.onlyKeys(map, "services", SERVICES);
        BigDecimal perGb = null;
        BigDecimal freeGb = null;
        BigDecimal guardrails = null;
        BigDecimal knowledgeBase = null;
        BigDecimal storage = null;
        YNode.YMap egress = block(f, map, "egress", Fields.keys("per_gb", "free_gb"));
        if (egress != null) {
            perGb = f.number(egress, "per_gb", "services.egress", true, BigDecimal.ZERO, null);
            freeGb = f.number(egress, "free_gb", "services.egress", false, BigDecimal.ZERO, null);
        }
        YNode.YMap guard = block(f, map, "guardrails", Fields.keys("per_1k_text_units"));
        if (guard != null) {
            guardrails = f.number(guard, "per_1k_text_units", "services.guardrails", true, BigDecimal.ZERO, null);
        }
        YNode.YMap kb = block(f, map, "knowledge_base", Fields.keys("monthly"));
        if (kb != null) {
            knowledgeBase = f.number(kb, "monthly", "services.knowledge_base", true, BigDecimal.ZERO, null);
        }
        YNode.YMap tuning = block(f, map, "fine_tuning", Fields.keys("storage_per_model_month"));
        if (tuning != null) {
            storage = f.number(tuning, "storage_per_model_month", "services.fine_tuning", true, BigDecimal.ZERO,
                    null);
        }
        return new RateCard.Services(perGb, freeGb, guardrails, knowledgeBase, storage);
    }

    private static YNode.YMap block(Fields f, YNode.YMap parent, String key, Set<String> keys) {
        if (!f.has(parent, key)) {
            return null;
        }
        YNode.YMap map = f.map(parent.get(key), "services." + key);
        if (map != null) {
            f.onlyKeys(map, "services." + key, keys);
        }
        return map;
    }
}
