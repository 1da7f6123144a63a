package dev.aicost.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rate card: the prices of one provider (and region) in one currency, with the dates and
 * source that make it trustworthy. Token prices are per 1 million tokens.
 */
public record RateCard(String id, String provider, String region, String currency, String effective,
        String checked, String source, ModeDefaults defaults, Map<String, ModelPrice> models,
        Services services) {

    public RateCard {
        models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    /**
     * This card with every price multiplied by {@code factor} and declared in {@code newCurrency}
     * (for {@code --fx}: 1 unit of this card's currency = {@code factor} units of the other).
     */
    public RateCard converted(String newCurrency, BigDecimal factor) {
        Map<String, ModelPrice> convertedModels = new LinkedHashMap<>();
        for (ModelPrice m : models.values()) {
            Map<Mode, TokenPrices> modes = new java.util.EnumMap<>(Mode.class);
            m.modes().forEach((mode, prices) -> modes.put(mode, prices.times(factor)));
            ModelPrice.LongContext longContext = m.longContext() == null ? null
                    : new ModelPrice.LongContext(m.longContext().aboveTokens(), m.longContext().prices().times(factor));
            ModelPrice.Provisioned provisioned = null;
            if (m.provisioned() != null) {
                Map<String, BigDecimal> hourly = new LinkedHashMap<>();
                m.provisioned().hourly().forEach((term, price) -> hourly.put(term, price.multiply(factor)));
                provisioned = new ModelPrice.Provisioned(m.provisioned().modelUnitTpm(), m.provisioned().tpmAssumed(),
                        hourly);
            }
            convertedModels.put(m.id(), new ModelPrice(m.id(), m.name(), m.aliases(), m.tier(),
                    m.standard().times(factor), modes, longContext,
                    m.training() == null ? null : m.training().multiply(factor), provisioned));
        }
        Services s = services;
        Services convertedServices = new Services(times(s.egressPerGb(), factor), s.egressFreeGb(),
                times(s.guardrailsPer1kTextUnits(), factor), times(s.knowledgeBaseMonthly(), factor),
                times(s.fineTuningStoragePerModelMonth(), factor));
        return new RateCard(id, provider, region, newCurrency, effective, checked, source, defaults, convertedModels,
                convertedServices);
    }

    private static BigDecimal times(BigDecimal value, BigDecimal factor) {
        return value == null ? null : value.multiply(factor);
    }

    /** The model with this id or alias. */
    public Optional<ModelPrice> find(String idOrAlias) {
        ModelPrice direct = models.get(idOrAlias);
        if (direct != null) {
            return Optional.of(direct);
        }
        return Optional.ofNullable(aliasIndex().get(idOrAlias));
    }

    /** Every id and alias, for "did you mean". */
    public List<String> names() {
        List<String> names = new ArrayList<>(models.keySet());
        for (ModelPrice model : models.values()) {
            names.addAll(model.aliases());
        }
        return names;
    }

    private Map<String, ModelPrice> aliasIndex() {
        Map<String, ModelPrice> index = new HashMap<>();
        for (ModelPrice model : models.values()) {
            for (String alias : model.aliases()) {
                index.putIfAbsent(alias, model);
            }
        }
        return index;
    }

    /**
     * Multipliers that fill mode prices a model leaves out. A null field makes that mode
     * unavailable for models without an explicit price.
     */
    public record ModeDefaults(BigDecimal batchDiscount, BigDecimal priorityPremium, BigDecimal flexDiscount) {
        public static final ModeDefaults NONE = new ModeDefaults(null, null, null);

        /** The factor on the standard price for {@code mode}, or null when the card has none. */
        public BigDecimal multiplier(Mode mode) {
            return switch (mode) {
                case ON_DEMAND -> BigDecimal.ONE;
                case BATCH -> batchDiscount == null ? null : BigDecimal.ONE.subtract(batchDiscount);
                case FLEX -> flexDiscount == null ? null : BigDecimal.ONE.subtract(flexDiscount);
                case PRIORITY -> priorityPremium == null ? null : BigDecimal.ONE.add(priorityPremium);
            };
        }
    }

    /** Card-level services; each field null when the card does not price it. */
    public record Services(BigDecimal egressPerGb, BigDecimal egressFreeGb, BigDecimal guardrailsPer1kTextUnits,
            BigDecimal knowledgeBaseMonthly, BigDecimal fineTuningStoragePerModelMonth) {
        public static final Services NONE = new Services(null, null, null, null, null);
    }
}
