package dev.aicost.ratecards;

import dev.aicost.model.Mode;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.model.TokenPrices;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two versions of a card: models added and removed, and every price that
 * moved. Models are matched through their ids and aliases both ways, so a card imported from
 * LiteLLM (ids such as {@code anthropic.claude-sonnet-4-5-20250929-v1:0}) is compared with the
 * shipped card that lists that id as an alias of {@code anthropic.claude-sonnet-4-5}.
 */
public final class RateCardDiff {
    private RateCardDiff() {
    }

    /** What a field counts, so it is printed in its own unit and not always as money. */
    public enum Unit {
        /** a price in the card's currency (per 1M tokens, per hour, per GB, per image ...) */
        MONEY,
        /** a plain number: a capability tier, a count of OCUs, tokens per minute */
        NUMBER,
        /** a fraction shown as a percentage: a mode discount or premium */
        FRACTION,
        /** gigabytes */
        GB,
        /** a token count */
        TOKENS;

        static Unit of(String field) {
            if (field.startsWith("defaults.")) {
                return FRACTION;
            }
            if (field.endsWith("free_gb") || field.endsWith("up_to_gb")) {
                return GB;
            }
            if (field.endsWith("above_tokens")) {
                return TOKENS;
            }
            if (field.equals("tier") || field.endsWith("min_ocus") || field.endsWith("model_unit_tpm")) {
                return NUMBER;
            }
            return MONEY;
        }
    }

    /** One price that differs; {@code before} or {@code after} is null when the price appeared or went. */
    public record Change(String model, String field, BigDecimal before, BigDecimal after) {
        /** Percent change, or null when either side is missing or the old price was zero. */
        public BigDecimal percent() {
            if (before == null || after == null || before.signum() == 0) {
                return null;
            }
            return after.subtract(before).divide(before, MathContext.DECIMAL64).movePointRight(2);
        }

        public Unit unit() {
            return Unit.of(field);
        }
    }

    /**
     * The differences: models only in the new card, only in the old, changed prices, and the
     * models matched under another id (new id to old id), which the changes name as {@code old (new)}.
     */
    public record Result(List<String> added, List<String> removed, List<Change> changes, Map<String, String> matched) {
        public Result(List<String> added, List<String> removed, List<Change> changes) {
            this(added, removed, changes, Map.of());
        }

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changes.isEmpty();
        }
    }

    public static Result diff(RateCard before, RateCard after) {
        List<String> added = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        Map<String, String> matched = new LinkedHashMap<>();
        Map<String, String> byName = names(before);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ModelPrice newer : after.models().values()) {
            String old = before.models().containsKey(newer.id()) ? newer.id() : null;
            for (int i = 0; old == null && i < newer.aliases().size(); i++) {
                old = byName.get(newer.aliases().get(i));
            }
            if (old == null) {
                old = byName.get(newer.id());
            }
            if (old == null) {
                added.add(newer.id());
                continue;
            }
            seen.add(old);
            String label = old.equals(newer.id()) ? old : old + " (" + newer.id() + ")";
            if (!old.equals(newer.id())) {
                matched.put(newer.id(), old);
            }
            compare(label, prices(before.models().get(old)), prices(newer), changes);
        }
        List<String> removed = new ArrayList<>();
        before.models().keySet().stream().filter(id -> !seen.contains(id)).forEach(removed::add);
        compare("(card)", cardPrices(before), cardPrices(after), changes);
        return new Result(added, removed, changes, matched);
    }

    /** Each id and alias of {@code card}'s models, to the model's id (the first model wins a shared alias). */
    private static Map<String, String> names(RateCard card) {
        Map<String, String> names = new LinkedHashMap<>();
        for (ModelPrice m : card.models().values()) {
            names.putIfAbsent(m.id(), m.id());
            m.aliases().forEach(alias -> names.putIfAbsent(alias, m.id()));
        }
        return names;
    }

    private static void compare(String model, Map<String, BigDecimal> old, Map<String, BigDecimal> now,
            List<Change> changes) {
        List<String> fields = new ArrayList<>(old.keySet());
        now.keySet().stream().filter(k -> !old.containsKey(k)).forEach(fields::add);
        for (String field : fields) {
            BigDecimal a = old.get(field);
            BigDecimal b = now.get(field);
            if (a == null || b == null ? a != b : a.compareTo(b) != 0) {
                changes.add(new Change(model, field, a, b));
            }
        }
    }

    /** Every price of a model by field name, absent prices left out. */
    static Map<String, BigDecimal> prices(ModelPrice m) {
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        tokens(prices, "", m.standard());
        for (Mode mode : List.of(Mode.BATCH, Mode.PRIORITY, Mode.FLEX)) {
            if (m.modes().containsKey(mode)) {
                tokens(prices, mode.key() + ".", m.modes().get(mode));
            }
        }
        if (m.longContext() != null) {
            prices.put("long_context.above_tokens", BigDecimal.valueOf(m.longContext().aboveTokens()));
            tokens(prices, "long_context.", m.longContext().prices());
        }
        put(prices, "training", m.training());
        m.images().forEach((size, price) -> prices.put("images." + size, price));
        if (m.custom() != null && m.custom().prices() != null) {
            tokens(prices, "custom.", m.custom().prices());
        }
        if (m.provisioned() != null) {
            put(prices, "provisioned.model_unit_tpm", m.provisioned().modelUnitTpm());
            m.provisioned().hourly().forEach((term, price) -> prices.put("provisioned.hourly." + term, price));
        }
        for (ModelPrice.PriceEra era : m.history()) {
            tokens(prices, "history[until " + era.until() + "].", era.prices());
        }
        if (m.tier() != null) {
            prices.put("tier", BigDecimal.valueOf(m.tier()));
        }
        return prices;
    }

    private static Map<String, BigDecimal> cardPrices(RateCard card) {
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        put(prices, "defaults.batch_discount", card.defaults().batchDiscount());
        put(prices, "defaults.priority_premium", card.defaults().priorityPremium());
        put(prices, "defaults.flex_discount", card.defaults().flexDiscount());
        RateCard.Services s = card.services();
        if (s.egress() != null) {
            put(prices, "services.egress.free_gb", s.egress().freeGb());
            List<RateCard.EgressTier> tiers = s.egress().tiers();
            if (tiers.size() == 1) {
                put(prices, "services.egress.per_gb", tiers.get(0).perGb());
            } else {
                for (int i = 0; i < tiers.size(); i++) {
                    put(prices, "services.egress.tiers[" + i + "].up_to_gb", tiers.get(i).upToGb());
                    put(prices, "services.egress.tiers[" + i + "].per_gb", tiers.get(i).perGb());
                }
            }
        }
        put(prices, "services.guardrails.per_1k_text_units", s.guardrailsPer1kTextUnits());
        if (s.knowledgeBase() != null) {
            put(prices, "services.knowledge_base.monthly", s.knowledgeBase().monthly());
            put(prices, "services.knowledge_base.ocu_hourly", s.knowledgeBase().ocuHourly());
            put(prices, "services.knowledge_base.min_ocus", s.knowledgeBase().minOcus());
            put(prices, "services.knowledge_base.index_storage_per_gb_month",
                    s.knowledgeBase().indexStoragePerGbMonth());
        }
        put(prices, "services.fine_tuning.storage_per_model_month", s.fineTuningStoragePerModelMonth());
        put(prices, "services.inter_region.per_gb", s.interRegionPerGb());
        if (s.logging() != null) {
            put(prices, "services.logging.ingest_per_gb", s.logging().ingestPerGb());
            put(prices, "services.logging.storage_per_gb_month", s.logging().storagePerGbMonth());
        }
        put(prices, "services.metrics.per_metric_month", s.metricsPerMonth());
        put(prices, "services.s3.per_gb_month", s.s3PerGbMonth());
        return prices;
    }

    private static void tokens(Map<String, BigDecimal> prices, String prefix, TokenPrices tokens) {
        put(prices, prefix + "input", tokens.input());
        put(prices, prefix + "output", tokens.output());
        put(prices, prefix + "cache_write", tokens.cacheWrite());
        put(prices, prefix + "cache_read", tokens.cacheRead());
        put(prices, prefix + "cache_write_1h", tokens.cacheWrite1h());
    }

    private static void put(Map<String, BigDecimal> prices, String field, BigDecimal value) {
        if (value != null) {
            prices.put(field, value);
        }
    }
}
