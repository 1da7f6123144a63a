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
            convertedModels.put(m.id(), m.times(factor));
        }
        return new RateCard(id, provider, region, newCurrency, effective, checked, source, defaults, convertedModels,
                services.times(factor));
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

    /**
     * Card-level services; each field null when the card does not price it.
     *
     * @param interRegionPerGb data transfer to another region, per GB
     * @param metricsPerMonth a custom metric, per metric-month
     * @param s3PerGbMonth object storage (knowledge-base documents), per GB-month
     */
    public record Services(Egress egress, BigDecimal guardrailsPer1kTextUnits, KnowledgeBase knowledgeBase,
            BigDecimal fineTuningStoragePerModelMonth, BigDecimal interRegionPerGb, Logging logging,
            BigDecimal metricsPerMonth, BigDecimal s3PerGbMonth) {
        public static final Services NONE = new Services(null, null, null, null, null, null, null, null);

        /** Every price multiplied by {@code factor} (free allowances and capacities stay). */
        public Services times(BigDecimal factor) {
            return new Services(egress == null ? null : egress.times(factor), RateCard.times(guardrailsPer1kTextUnits,
                    factor), knowledgeBase == null ? null : knowledgeBase.times(factor),
                    RateCard.times(fineTuningStoragePerModelMonth, factor), RateCard.times(interRegionPerGb, factor),
                    logging == null ? null : new Logging(logging.ingestPerGb().multiply(factor),
                            logging.storagePerGbMonth().multiply(factor)),
                    RateCard.times(metricsPerMonth, factor), RateCard.times(s3PerGbMonth, factor));
        }

        /** Whether the card prices {@code service} (a key of the {@code services:} block). */
        public boolean has(String service) {
            return switch (service) {
                case "egress" -> egress != null;
                case "guardrails" -> guardrailsPer1kTextUnits != null;
                case "knowledge_base" -> knowledgeBase != null;
                case "fine_tuning" -> fineTuningStoragePerModelMonth != null;
                case "inter_region" -> interRegionPerGb != null;
                case "logging" -> logging != null;
                case "metrics" -> metricsPerMonth != null;
                case "s3" -> s3PerGbMonth != null;
                default -> throw new IllegalArgumentException("no service " + service);
            };
        }

        /** These services with {@code service} taken from {@code from}. */
        public Services with(String service, Services from) {
            return new Services(service.equals("egress") ? from.egress : egress,
                    service.equals("guardrails") ? from.guardrailsPer1kTextUnits : guardrailsPer1kTextUnits,
                    service.equals("knowledge_base") ? from.knowledgeBase : knowledgeBase,
                    service.equals("fine_tuning") ? from.fineTuningStoragePerModelMonth
                            : fineTuningStoragePerModelMonth,
                    service.equals("inter_region") ? from.interRegionPerGb : interRegionPerGb,
                    service.equals("logging") ? from.logging : logging,
                    service.equals("metrics") ? from.metricsPerMonth : metricsPerMonth,
                    service.equals("s3") ? from.s3PerGbMonth : s3PerGbMonth);
        }
    }

    /**
     * Internet egress: the free allowance each month and the volume tiers, cheapest last. A tier's
     * {@code upToGb} is where it ends in the month's total egress (null for the last tier, which
     * has no end). The flat form {@code { per_gb, free_gb }} is one open tier.
     */
    public record Egress(BigDecimal freeGb, List<EgressTier> tiers) {
        public Egress {
            tiers = List.copyOf(tiers);
        }

        /** The rate of the first tier, at which each workload's egress line is priced. */
        public BigDecimal firstRate() {
            return tiers.get(0).perGb();
        }

        /** What {@code gb} of egress in a month costs across the tiers (before the free allowance). */
        public BigDecimal tiered(BigDecimal gb) {
            BigDecimal cost = BigDecimal.ZERO;
            BigDecimal start = BigDecimal.ZERO;
            for (EgressTier tier : tiers) {
                BigDecimal end = tier.upToGb() == null ? gb : tier.upToGb().min(gb);
                if (end.compareTo(start) > 0) {
                    cost = cost.add(end.subtract(start).multiply(tier.perGb()));
                }
                if (tier.upToGb() == null || tier.upToGb().compareTo(gb) >= 0) {
                    break;
                }
                start = tier.upToGb();
            }
            return cost;
        }

        Egress times(BigDecimal factor) {
            return new Egress(freeGb, tiers.stream().map(t -> new EgressTier(t.upToGb(), t.perGb().multiply(factor)))
                    .toList());
        }
    }

    /** One egress volume tier. */
    public record EgressTier(BigDecimal upToGb, BigDecimal perGb) {
    }

    /** Log ingestion per GB and log storage per GB-month (CloudWatch Logs). */
    public record Logging(BigDecimal ingestPerGb, BigDecimal storagePerGbMonth) {
    }

    /**
     * A knowledge base's vector store: a flat {@code monthly} price each, or OpenSearch Serverless
     * capacity at {@code ocuHourly} per OCU-hour with a floor of {@code minOcus}, and index storage
     * per GB-month (null when not priced).
     */
    public record KnowledgeBase(BigDecimal monthly, BigDecimal ocuHourly, BigDecimal minOcus,
            BigDecimal indexStoragePerGbMonth) {
        public boolean perOcu() {
            return ocuHourly != null;
        }

        KnowledgeBase times(BigDecimal factor) {
            return new KnowledgeBase(RateCard.times(monthly, factor), RateCard.times(ocuHourly, factor), minOcus,
                    RateCard.times(indexStoragePerGbMonth, factor));
        }
    }
}
