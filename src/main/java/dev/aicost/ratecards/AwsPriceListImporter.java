package dev.aicost.ratecards;

import dev.aicost.model.Mode;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.model.TokenPrices;
import dev.aicost.input.JsonTree;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a rate card from an AWS Price List offer file ({@code AmazonBedrock}, and the Marketplace
 * offer {@code AmazonBedrockFoundationModels} where the Claude models are): on-demand, batch,
 * flex and priority token prices and cache prices by exact {@code feature} and {@code inferenceType}
 * (never by substring), units of 1K or 1M tokens normalised to 1M, and provisioned-throughput
 * hourly prices by term. Only products whose {@code regionCode} is the region asked for are read:
 * a price of another region is never used in its place.
 */
public final class AwsPriceListImporter {
    private static final Pattern PROVISIONED = Pattern.compile("-ProvisionedThroughput-(1month|6month|NoCommit)"
            + "-ModelUnits$");
    private static final Map<String, String> TERMS = Map.of("1month", "1_month", "6month", "6_month", "NoCommit",
            "no_commit");
    /** On-demand inferenceType to its place in the card. */
    private static final Map<String, Slot> ON_DEMAND = Map.ofEntries(
            Map.entry("Input tokens", new Slot(Mode.ON_DEMAND, 0, null)),
            Map.entry("Output tokens", new Slot(Mode.ON_DEMAND, 1, null)),
            Map.entry("Prompt cache write input tokens", new Slot(Mode.ON_DEMAND, 2, null)),
            Map.entry("Prompt cache read input tokens", new Slot(Mode.ON_DEMAND, 3, null)),
            Map.entry("Input tokens flex", new Slot(Mode.FLEX, 0, null)),
            Map.entry("Output tokens flex", new Slot(Mode.FLEX, 1, null)),
            Map.entry("Prompt cache read input tokens flex", new Slot(Mode.FLEX, 3, null)),
            Map.entry("Input tokens priority", new Slot(Mode.PRIORITY, 0, null)),
            Map.entry("Output tokens priority", new Slot(Mode.PRIORITY, 1, null)),
            Map.entry("Prompt cache read input tokens priority", new Slot(Mode.PRIORITY, 3, null)));

    /**
     * Marketplace usage types, matched whole: legacy {@code USE1-MP:USE1_InputTokenCount[_Global][_Batch]-Units}
     * and snake case {@code USE1-MP:USE1_input_tokens_[global_]standard|batch|priority|flex-Units}.
     */
    private static final Pattern MARKETPLACE = Pattern.compile("^[A-Z0-9]+-MP:[A-Z0-9]+_(?:"
            + "(InputTokenCount|OutputTokenCount|CacheReadInputTokenCount|CacheWriteInputTokenCount|"
            + "CacheWrite1hInputTokenCount)((?:_Global)?)((?:_Batch)?)((?:_LCtx)?)"
            + "|(input_tokens|output_tokens|cache_read_tokens|cache_write_tokens|cache_write_tokens_1h)"
            + "((?:_long_ctx)?)_((?:global_)?)(standard|batch|priority|flex))-Units$");
    private static final Map<String, Integer> MARKETPLACE_CLASS = Map.of("InputTokenCount", 0, "input_tokens", 0,
            "OutputTokenCount", 1, "output_tokens", 1, "CacheWriteInputTokenCount", 2, "cache_write_tokens", 2,
            "CacheReadInputTokenCount", 3, "cache_read_tokens", 3);

    private AwsPriceListImporter() {
    }

    /** A price-list row's place in the card (mode and token class), or why it has none. */
    private record Slot(Mode mode, int tokenClass, String skip) {
        static Slot skipped(String why) {
            return new Slot(null, -1, why);
        }
    }

    /** A main-offer row's place, by its exact {@code feature} and {@code inferenceType}. */
    private static Slot priceList(String feature, String inferenceType) {
        Slot slot = switch (feature) {
            case "On-demand Inference" -> ON_DEMAND.get(inferenceType);
            case "Batch Inference" -> inferenceType.equals("Input tokens") ? new Slot(Mode.BATCH, 0, null)
                    : inferenceType.equals("Output tokens") ? new Slot(Mode.BATCH, 1, null) : null;
            default -> null;
        };
        return slot != null ? slot : Slot.skipped("feature '" + feature + "' / inferenceType '" + inferenceType
                + "' is not a token price the card holds");
    }

    private static Slot marketplace(String usageType) {
        Matcher m = MARKETPLACE.matcher(usageType);
        if (!m.matches()) {
            return Slot.skipped("usage type '" + usageType + "' is not a token price the card holds");
        }
        boolean legacy = m.group(1) != null;
        String kind = legacy ? m.group(1) : m.group(5);
        boolean global = legacy ? !m.group(2).isEmpty() : !m.group(7).isEmpty();
        boolean longContext = legacy ? !m.group(4).isEmpty() : !m.group(6).isEmpty();
        Integer tokenClass = MARKETPLACE_CLASS.get(kind);
        if (tokenClass == null) {
            return Slot.skipped("1-hour cache-write price (cards hold the 5-minute price)");
        }
        if (global) {
            return Slot.skipped("global cross-region profile (import into a global card)");
        }
        if (longContext) {
            return Slot.skipped("long-context price (not imported from the price list; add long_context by hand)");
        }
        Mode mode = legacy ? (m.group(3).isEmpty() ? Mode.ON_DEMAND : Mode.BATCH) : switch (m.group(8)) {
            case "batch" -> Mode.BATCH;
            case "priority" -> Mode.PRIORITY;
            case "flex" -> Mode.FLEX;
            default -> Mode.ON_DEMAND;
        };
        return new Slot(mode, tokenClass, null);
    }

    /** Tokens per priced unit: the unit itself, or for "Units" the scale its description names. */
    static long unitTokens(String unit, String description) {
        switch (unit) {
            case "1K tokens" -> {
                return 1000L;
            }
            case "1M tokens" -> {
                return 1_000_000L;
            }
            case "Units" -> {
                String d = description.toLowerCase(Locale.ROOT);
                if (d.contains("million") || d.contains("1m tokens")) {
                    return 1_000_000L;
                }
                if (d.contains("thousand") || d.contains("1k tokens") || d.contains("1,000")) {
                    return 1000L;
                }
                return -1L;
            }
            default -> {
                return -1L;
            }
        }
    }

    /** Prices of one model being collected: [mode][class] per 1M tokens, and hourly by term. */
    private static final class Collected {
        final String name;
        final Map<Mode, BigDecimal[]> tokens = new EnumMap<>(Mode.class);
        final Map<String, BigDecimal> hourly = new TreeMap<>();
        final List<String> usageTypes = new ArrayList<>();

        Collected(String name) {
            this.name = name;
        }

        void token(Mode mode, int tokenClass, BigDecimal price) {
            tokens.computeIfAbsent(mode, m -> new BigDecimal[4])[tokenClass] = price;
        }
    }

    @SuppressWarnings("unchecked")
    public static ImportResult importOffer(Map<String, Object> offer, String region, CardHeader header) {
        List<ImportResult.Skipped> skipped = new ArrayList<>();
        for (String key : List.of("products", "terms")) {
            if (!offer.containsKey(key)) {
                throw new JsonTree.Bad(key, offer, "is missing: an AWS Price List offer file has 'products' and "
                        + "'terms' (this one has " + (offer.isEmpty() ? "no keys" : String.join(", ",
                        offer.keySet().stream().limit(6).toList())) + ")");
            }
        }
        Map<String, Object> products = JsonTree.object(offer.get("products"), "products");
        Map<String, Object> onDemand = JsonTree.optionalObject(JsonTree.object(offer.get("terms"), "terms"),
                "OnDemand", "terms.OnDemand");
        Map<String, Collected> byModel = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : products.entrySet()) {
            String sku = entry.getKey();
            Map<String, Object> attributes = JsonTree.optionalObject(JsonTree.object(entry.getValue(),
                    "products." + sku), "attributes", "products." + sku + ".attributes");
            String usageType = text(attributes.get("usagetype"));
            String label = sku + " " + usageType;
            String productRegion = text(attributes.get("regionCode"));
            if (!productRegion.equals(region)) {
                skipped.add(new ImportResult.Skipped(label, "region " + (productRegion.isEmpty() ? "(none)"
                        : productRegion) + ", not " + region));
                continue;
            }
            String model = text(attributes.get("model"));
            if (model.isEmpty()) {
                model = text(attributes.get("titanModel"));
            }
            boolean marketplaceRow = usageType.contains("-MP:");
            if (model.isEmpty() && marketplaceRow) {
                model = text(attributes.get("servicename")).replace("(Amazon Bedrock Edition)", "").strip();
            }
            if (model.isEmpty()) {
                skipped.add(new ImportResult.Skipped(label, "no model attribute"));
                continue;
            }
            Map<String, Object> price = price(onDemand.get(sku) == null ? null
                    : JsonTree.object(onDemand.get(sku), "terms.OnDemand." + sku), "terms.OnDemand." + sku);
            if (price == null) {
                skipped.add(new ImportResult.Skipped(label, "no on-demand price dimension"));
                continue;
            }
            String unit = text(price.get("unit"));
            BigDecimal usd = (BigDecimal) price.get("usd");
            String feature = text(attributes.get("feature"));
            String inferenceType = text(attributes.get("inferenceType"));
            Collected collected = byModel.computeIfAbsent(model, Collected::new);
            Matcher provisioned = PROVISIONED.matcher(usageType);
            if (feature.startsWith("Provisioned Throughput") && provisioned.find()) {
                if (!unit.equalsIgnoreCase("hour")) {
                    skipped.add(new ImportResult.Skipped(label, "provisioned price in unit '" + unit + "'"));
                    continue;
                }
                collected.hourly.put(TERMS.get(provisioned.group(1)), Prices.plain(usd));
                collected.usageTypes.add(usageType);
                continue;
            }
            if (usageType.contains("cross-region-global") || usageType.contains("custom-model")) {
                skipped.add(new ImportResult.Skipped(label, usageType.contains("custom-model")
                        ? "custom-model inference" : "global cross-region profile (import into a global card)"));
                continue;
            }
            long unitTokens = unitTokens(unit, text(price.get("description")));
            if (unitTokens < 0) {
                skipped.add(new ImportResult.Skipped(label, "unit '" + unit + "' is not 1K or 1M tokens"));
                continue;
            }
            Slot slot = marketplaceRow ? marketplace(usageType) : priceList(feature, inferenceType);
            if (slot.skip() != null) {
                skipped.add(new ImportResult.Skipped(label, slot.skip()));
                continue;
            }
            collected.token(slot.mode(), slot.tokenClass(), Prices.perMillion(usd, unitTokens));
            collected.usageTypes.add(usageType);
        }
        Map<String, ModelPrice> models = new LinkedHashMap<>();
        for (Collected collected : byModel.values()) {
            BigDecimal[] standard = collected.tokens.get(Mode.ON_DEMAND);
            if (standard == null || standard[0] == null || standard[1] == null) {
                skipped.add(new ImportResult.Skipped(collected.name, "no on-demand input and output price in the file "
                        + "(found: " + String.join(", ", collected.usageTypes) + ")"));
                continue;
            }
            Map<Mode, TokenPrices> modes = new EnumMap<>(Mode.class);
            collected.tokens.forEach((mode, prices) -> {
                if (mode != Mode.ON_DEMAND) {
                    modes.put(mode, new TokenPrices(prices[0], prices[1], prices[2], prices[3]));
                }
            });
            String id = slug(collected.name);
            models.put(id, ModelPrice.chat(id, collected.name, List.of(), null, new TokenPrices(standard[0], standard[1],
                    standard[2], standard[3]), modes, null, null, collected.hourly.isEmpty() ? null
                            : new ModelPrice.Provisioned(null, false, collected.hourly)));
        }
        List<String> notes = List.of("ids are the price list's model names as slugs; add aliases (Bedrock model "
                + "ids) and tiers, or lay the card under a card of yours with 'extends'",
                "model-unit throughput is not in the price list: add model_unit_tpm before using provisioned prices");
        RateCard card = new RateCard(header.id(), header.provider(), region, header.currency(), header.effective(),
                header.checked(), header.source(), RateCard.ModeDefaults.NONE, models, RateCard.Services.NONE);
        return new ImportResult(card, skipped, notes);
    }

    /** The first price dimension of a SKU's first on-demand offer: unit and USD price, or null. */
    private static Map<String, Object> price(Map<String, Object> offers, String path) {
        if (offers == null) {
            return null;
        }
        for (Map.Entry<String, Object> offer : offers.entrySet()) {
            String offerPath = path + "." + offer.getKey();
            Map<String, Object> dimensions = JsonTree.optionalObject(JsonTree.object(offer.getValue(), offerPath),
                    "priceDimensions", offerPath + ".priceDimensions");
            for (Map.Entry<String, Object> dimension : dimensions.entrySet()) {
                String dimensionPath = offerPath + ".priceDimensions." + dimension.getKey();
                Map<String, Object> d = JsonTree.object(dimension.getValue(), dimensionPath);
                Object usd = JsonTree.optionalObject(d, "pricePerUnit", dimensionPath + ".pricePerUnit").get("USD");
                if (usd == null) {
                    return null;
                }
                BigDecimal value = JsonTree.decimal(usd, dimensionPath + ".pricePerUnit.USD");
                return Map.of("unit", text(d.get("unit")), "usd", value, "description", text(d.get("description")));
            }
        }
        return null;
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
