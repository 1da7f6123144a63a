package dev.aicost.input;

import dev.aicost.model.Mode;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.model.TokenPrices;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.ArrayList;
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
    private static final Set<String> MODEL = Fields.keys("name", "aliases", "tier", "kind", "input", "output",
            "cache_write", "cache_write_1h", "cache_read", "batch", "priority", "flex", "long_context", "training",
            "provisioned", "images", "custom", "history", "notes");
    private static final Set<String> HISTORY = Fields.keys("until", "input", "output", "cache_write",
            "cache_write_1h", "cache_read");
    private static final Set<String> MODE_BLOCK = Fields.keys("input", "output", "cache_write", "cache_write_1h",
            "cache_read");
    private static final Set<String> LONG_CONTEXT = Fields.keys("above_tokens", "input", "output", "cache_write",
            "cache_write_1h", "cache_read");
    private static final Set<String> CUSTOM = Fields.keys("serving", "input", "output", "cache_write",
            "cache_write_1h", "cache_read");
    private static final Set<String> SERVINGS = Fields.keys("provisioned_only", "on_demand");
    private static final Set<String> KINDS = Fields.keys("chat", "embedding", "image");
    private static final Set<String> PROVISIONED = Fields.keys("model_unit_tpm", "tpm_assumed", "hourly");
    /** The keys of a card's {@code services:} block. */
    public static final Set<String> SERVICES = Fields.keys("egress", "guardrails", "knowledge_base", "fine_tuning",
            "inter_region", "logging", "metrics", "s3");

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
        ModelPrice.Kind kind = kind(f, map, path);
        TokenPrices standard = kind == ModelPrice.Kind.IMAGE ? TokenPrices.NONE
                : prices(f, map, path, kind == ModelPrice.Kind.CHAT);
        if (kind == ModelPrice.Kind.EMBEDDING) {
            if (standard.input() == null && !f.has(map, "input")) {
                f.problem(map, Fields.join(path, "input"), "is required (an embedding model is priced per input token)");
            }
            for (String key : List.of("output", "cache_write", "cache_write_1h", "cache_read")) {
                if (f.has(map, key)) {
                    f.problem(map.get(key), Fields.join(path, key), "an embedding model bills input tokens only");
                }
            }
        }
        Map<String, BigDecimal> images = new LinkedHashMap<>();
        if (kind == ModelPrice.Kind.IMAGE) {
            for (String key : List.of("input", "output", "cache_write", "cache_write_1h", "cache_read", "batch",
                    "priority", "flex", "long_context")) {
                if (f.has(map, key)) {
                    f.problem(map.get(key), Fields.join(path, key), "an image model is priced per image under "
                            + "'images', not per token");
                }
            }
            images = images(f, map, path);
        } else if (f.has(map, "images")) {
            f.problem(map.get("images"), Fields.join(path, "images"), "only a model of kind: image has image prices");
        }
        Map<Mode, TokenPrices> modes = new EnumMap<>(Mode.class);
        for (Mode mode : List.of(Mode.BATCH, Mode.PRIORITY, Mode.FLEX)) {
            if (kind != ModelPrice.Kind.IMAGE && f.has(map, mode.key())) {
                YNode.YMap block = f.map(map.get(mode.key()), Fields.join(path, mode.key()));
                if (block != null) {
                    f.onlyKeys(block, Fields.join(path, mode.key()), MODE_BLOCK);
                    modes.put(mode, prices(f, block, Fields.join(path, mode.key()), false));
                }
            }
        }
        ModelPrice.LongContext longContext = null;
        if (kind != ModelPrice.Kind.IMAGE && f.has(map, "long_context")) {
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
        ModelPrice.Custom custom = null;
        if (f.has(map, "custom")) {
            custom = custom(f, map.get("custom"), Fields.join(path, "custom"));
        }
        List<ModelPrice.PriceEra> history = f.has(map, "history") ? history(f, map.get("history"),
                Fields.join(path, "history")) : List.of();
        f.string(map, "notes", path, false);
        return new ModelPrice(id, name == null ? id : name, aliases == null ? List.of() : aliases,
                tier == null ? null : tier.intValue(), standard, modes, longContext, training, provisioned, kind,
                images, custom, history);
    }

    /**
     * {@code history: [{ until: 2026-06-30, input: 3.00, output: 15.00 }, ...]}: earlier standard
     * prices, oldest first, each in force up to and including its {@code until} date. A price an era
     * leaves out was the current one; an era must name at least one price.
     */
    private static List<ModelPrice.PriceEra> history(Fields f, YNode node, String path) {
        YNode.YList list = f.list(node, path);
        List<ModelPrice.PriceEra> history = new ArrayList<>();
        if (list == null) {
            return history;
        }
        String previous = null;
        for (int i = 0; i < list.items().size(); i++) {
            String item = path + "[" + i + "]";
            YNode.YMap era = f.map(list.items().get(i), item);
            if (era == null) {
                continue;
            }
            f.onlyKeys(era, item, HISTORY);
            String until = f.date(era, "until", item, true);
            TokenPrices prices = prices(f, era, item, false);
            if (prices.equals(TokenPrices.NONE)) {
                f.problem(era, item, "names no price: give at least one of input, output, cache_write, "
                        + "cache_write_1h, cache_read");
            }
            if (until != null && previous != null && until.compareTo(previous) <= 0) {
                f.problem(era.get("until"), Fields.join(item, "until"), "must be after the previous era's until ("
                        + previous + "): list the eras oldest first");
            }
            if (until != null) {
                previous = until;
                history.add(new ModelPrice.PriceEra(until, prices));
            }
        }
        return history;
    }

    private static ModelPrice.Kind kind(Fields f, YNode.YMap map, String path) {
        String kind = f.string(map, "kind", path, false);
        if (kind == null) {
            return ModelPrice.Kind.CHAT;
        }
        if (!KINDS.contains(kind)) {
            f.problem(map.get("kind"), Fields.join(path, "kind"), "unknown kind '" + kind + "'" + hint(kind, KINDS)
                    + "; kinds: chat, embedding, image");
            return ModelPrice.Kind.CHAT;
        }
        return ModelPrice.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
    }

    private static Map<String, BigDecimal> images(Fields f, YNode.YMap map, String path) {
        Map<String, BigDecimal> images = new LinkedHashMap<>();
        String iPath = Fields.join(path, "images");
        if (!f.has(map, "images")) {
            f.problem(map, iPath, "is required for a model of kind: image (price per image by size, e.g. "
                    + "{ 1024-standard: 0.04 })");
            return images;
        }
        YNode.YMap sizes = f.map(map.get("images"), iPath);
        if (sizes == null) {
            return images;
        }
        if (sizes.entries().isEmpty()) {
            f.problem(sizes, iPath, "must give at least one size");
        }
        for (String size : sizes.entries().keySet()) {
            BigDecimal price = f.number(sizes, size, iPath, true, BigDecimal.ZERO, null);
            if (price != null) {
                images.put(size, price);
            }
        }
        return images;
    }

    private static ModelPrice.Custom custom(Fields f, YNode node, String path) {
        YNode.YMap map = f.map(node, path);
        if (map == null) {
            return null;
        }
        f.onlyKeys(map, path, CUSTOM);
        String serving = f.string(map, "serving", path, true);
        if (serving == null) {
            return null;
        }
        if (!SERVINGS.contains(serving)) {
            f.problem(map.get("serving"), Fields.join(path, "serving"), "unknown serving '" + serving + "'"
                    + hint(serving, SERVINGS) + "; expected provisioned_only or on_demand");
            return null;
        }
        if (serving.equals("provisioned_only")) {
            for (String key : List.of("input", "output", "cache_write", "cache_write_1h", "cache_read")) {
                if (f.has(map, key)) {
                    f.problem(map.get(key), Fields.join(path, key), "a custom model served on provisioned "
                            + "throughput only has no on-demand token prices");
                }
            }
            return new ModelPrice.Custom(false, null);
        }
        return new ModelPrice.Custom(true, prices(f, map, path, true));
    }

    private static String hint(String value, Set<String> allowed) {
        return Suggest.closest(value, allowed, 1).stream().findFirst().map(s -> " (did you mean '" + s + "'?)")
                .orElse("");
    }

    private static TokenPrices prices(Fields f, YNode.YMap map, String path, boolean inputOutputRequired) {
        return new TokenPrices(
                f.number(map, "input", path, inputOutputRequired, BigDecimal.ZERO, null),
                f.number(map, "output", path, inputOutputRequired, BigDecimal.ZERO, null),
                f.number(map, "cache_write", path, false, BigDecimal.ZERO, null),
                f.number(map, "cache_read", path, false, BigDecimal.ZERO, null),
                f.number(map, "cache_write_1h", path, false, BigDecimal.ZERO, null));
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
        BigDecimal guardrails = null;
        BigDecimal storage = null;
        BigDecimal interRegion = null;
        BigDecimal metrics = null;
        BigDecimal s3 = null;
        RateCard.Logging logging = null;
        RateCard.Egress egress = egress(f, block(f, map, "egress", Fields.keys("per_gb", "free_gb", "tiers")));
        YNode.YMap guard = block(f, map, "guardrails", Fields.keys("per_1k_text_units"));
        if (guard != null) {
            guardrails = f.number(guard, "per_1k_text_units", "services.guardrails", true, BigDecimal.ZERO, null);
        }
        RateCard.KnowledgeBase knowledgeBase = knowledgeBase(f, block(f, map, "knowledge_base",
                Fields.keys("monthly", "ocu_hourly", "min_ocus", "index_storage_per_gb_month")));
        YNode.YMap tuning = block(f, map, "fine_tuning", Fields.keys("storage_per_model_month"));
        if (tuning != null) {
            storage = f.number(tuning, "storage_per_model_month", "services.fine_tuning", true, BigDecimal.ZERO,
                    null);
        }
        YNode.YMap transfer = block(f, map, "inter_region", Fields.keys("per_gb"));
        if (transfer != null) {
            interRegion = f.number(transfer, "per_gb", "services.inter_region", true, BigDecimal.ZERO, null);
        }
        YNode.YMap logs = block(f, map, "logging", Fields.keys("ingest_per_gb", "storage_per_gb_month"));
        if (logs != null) {
            BigDecimal ingest = f.number(logs, "ingest_per_gb", "services.logging", true, BigDecimal.ZERO, null);
            BigDecimal kept = f.number(logs, "storage_per_gb_month", "services.logging", true, BigDecimal.ZERO, null);
            logging = ingest == null || kept == null ? null : new RateCard.Logging(ingest, kept);
        }
        YNode.YMap metric = block(f, map, "metrics", Fields.keys("per_metric_month"));
        if (metric != null) {
            metrics = f.number(metric, "per_metric_month", "services.metrics", true, BigDecimal.ZERO, null);
        }
        YNode.YMap objects = block(f, map, "s3", Fields.keys("per_gb_month"));
        if (objects != null) {
            s3 = f.number(objects, "per_gb_month", "services.s3", true, BigDecimal.ZERO, null);
        }
        return new RateCard.Services(egress, guardrails, knowledgeBase, storage, interRegion, logging, metrics, s3);
    }

    /** The flat form {@code { per_gb, free_gb }} or the tiered one {@code { free_gb, tiers: [...] }}. */
    private static RateCard.Egress egress(Fields f, YNode.YMap egress) {
        if (egress == null) {
            return null;
        }
        String path = "services.egress";
        BigDecimal freeGb = f.number(egress, "free_gb", path, false, BigDecimal.ZERO, null);
        boolean flat = f.has(egress, "per_gb");
        if (flat && f.has(egress, "tiers")) {
            f.problemAtKey(egress, "tiers", path + ".tiers", "give per_gb or tiers, not both");
            return null;
        }
        if (!flat && !f.has(egress, "tiers")) {
            f.problem(egress, path + ".per_gb", "is required (or tiers)");
            return null;
        }
        if (flat) {
            BigDecimal perGb = f.number(egress, "per_gb", path, true, BigDecimal.ZERO, null);
            return perGb == null ? null : new RateCard.Egress(freeGb, List.of(new RateCard.EgressTier(null, perGb)));
        }
        YNode.YList list = f.list(egress.get("tiers"), path + ".tiers");
        if (list == null) {
            return null;
        }
        if (list.items().isEmpty()) {
            f.problem(list, path + ".tiers", "must list at least one tier");
            return null;
        }
        List<RateCard.EgressTier> tiers = new java.util.ArrayList<>();
        BigDecimal previous = BigDecimal.ZERO;
        boolean ok = true;
        for (int i = 0; i < list.items().size(); i++) {
            String tierPath = path + ".tiers[" + i + "]";
            YNode.YMap tier = f.map(list.items().get(i), tierPath);
            if (tier == null) {
                ok = false;
                continue;
            }
            f.onlyKeys(tier, tierPath, Fields.keys("up_to_gb", "per_gb"));
            BigDecimal perGb = f.number(tier, "per_gb", tierPath, true, BigDecimal.ZERO, null);
            BigDecimal upTo = f.number(tier, "up_to_gb", tierPath, false, BigDecimal.ZERO, null);
            boolean last = i == list.items().size() - 1;
            if (upTo == null && !last && !f.has(tier, "up_to_gb")) {
                f.problem(tier, tierPath + ".up_to_gb", "is required on every tier but the last");
                ok = false;
            } else if (upTo != null && last) {
                f.problem(tier.get("up_to_gb"), tierPath + ".up_to_gb", "the last tier has no end: leave up_to_gb "
                        + "out so that every GB is priced");
                ok = false;
            } else if (upTo != null && upTo.compareTo(previous) <= 0) {
                f.problem(tier.get("up_to_gb"), tierPath + ".up_to_gb", "must be above the previous tier's end ("
                        + previous.toPlainString() + " GB), got " + upTo.toPlainString());
                ok = false;
            }
            if (upTo != null) {
                previous = upTo;
            }
            if (perGb == null) {
                ok = false;
            }
            tiers.add(new RateCard.EgressTier(upTo, perGb));
        }
        return ok ? new RateCard.Egress(freeGb, tiers) : null;
    }

    /** The flat form {@code { monthly }} or OpenSearch Serverless capacity per OCU-hour. */
    private static RateCard.KnowledgeBase knowledgeBase(Fields f, YNode.YMap kb) {
        if (kb == null) {
            return null;
        }
        String path = "services.knowledge_base";
        boolean flat = f.has(kb, "monthly");
        boolean perOcu = f.has(kb, "ocu_hourly");
        if (flat && perOcu) {
            f.problem(kb.get("ocu_hourly"), path + ".ocu_hourly", "give monthly or ocu_hourly, not both");
            return null;
        }
        if (flat) {
            for (String key : List.of("min_ocus", "index_storage_per_gb_month")) {
                if (f.has(kb, key)) {
                    f.problem(kb.get(key), path + "." + key, "goes with ocu_hourly, not with the flat monthly price");
                }
            }
            BigDecimal monthly = f.number(kb, "monthly", path, true, BigDecimal.ZERO, null);
            return monthly == null ? null : new RateCard.KnowledgeBase(monthly, null, null, null);
        }
        BigDecimal hourly = f.number(kb, "ocu_hourly", path, true, BigDecimal.ZERO, null);
        BigDecimal minOcus = f.number(kb, "min_ocus", path, true, BigDecimal.ZERO, null);
        BigDecimal index = f.number(kb, "index_storage_per_gb_month", path, false, BigDecimal.ZERO, null);
        return hourly == null || minOcus == null ? null : new RateCard.KnowledgeBase(null, hourly, minOcus, index);
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
