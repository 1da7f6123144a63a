package dev.aicost.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One model on a rate card: standard prices, optional explicit mode prices (batch, priority,
 * flex; fields left out derive from the card defaults), long-context rates, training price,
 * provisioned throughput, and for fine-tuned variants how they may be served.
 *
 * @param tier capability tier for routing, null when the card gives none
 * @param modes explicit per-mode prices; ON_DEMAND is never present (it is {@code standard})
 * @param kind what the model is priced for: chat (tokens in and out), embedding (input tokens
 *     only) or image (per image, by size)
 * @param images price per image by size name ({@code 1024-standard}); empty unless an image model
 * @param custom how a fine-tuned variant of the model is served, null when the card does not say
 * @param history earlier standard prices, oldest first, each with the last day it was in force
 */
public record ModelPrice(String id, String name, List<String> aliases, Integer tier,
        TokenPrices standard, Map<Mode, TokenPrices> modes, LongContext longContext,
        BigDecimal training, Provisioned provisioned, Kind kind, Map<String, BigDecimal> images, Custom custom,
        List<PriceEra> history) {

    public ModelPrice {
        aliases = List.copyOf(aliases);
        modes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(modes)); // keeps the order written
        images = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(images));
        history = List.copyOf(history);
    }

    /** A model without price history. */
    public ModelPrice(String id, String name, List<String> aliases, Integer tier, TokenPrices standard,
            Map<Mode, TokenPrices> modes, LongContext longContext, BigDecimal training, Provisioned provisioned,
            Kind kind, Map<String, BigDecimal> images, Custom custom) {
        this(id, name, aliases, tier, standard, modes, longContext, training, provisioned, kind, images, custom,
                List.of());
    }

    /**
     * Standard prices that were in force up to and including {@code until} (an ISO date), after the
     * era before it. A price the era leaves out ({@code null}) was the current one.
     */
    public record PriceEra(String until, TokenPrices prices) {
    }

    /**
     * The model as it was priced on {@code epochDay} (days since 1970-01-01, UTC): the first era of
     * the history that ends on or after that day, else the current prices. An era's prices replace
     * the standard ones field by field; explicit mode blocks, which belong to the current prices,
     * give way to the card's mode multipliers applied to the era's prices.
     */
    public ModelPrice on(long epochDay) {
        if (history.isEmpty()) {
            return this;
        }
        for (PriceEra era : history) {
            if (java.time.LocalDate.parse(era.until()).toEpochDay() >= epochDay) {
                TokenPrices p = era.prices();
                TokenPrices merged = new TokenPrices(or(p.input(), standard.input()), or(p.output(), standard.output()),
                        or(p.cacheWrite(), standard.cacheWrite()), or(p.cacheRead(), standard.cacheRead()),
                        or(p.cacheWrite1h(), standard.cacheWrite1h()));
                return new ModelPrice(id, name, aliases, tier, merged, Map.of(), longContext, training, provisioned,
                        kind, images, custom, List.of());
            }
        }
        return this;
    }

    private static BigDecimal or(BigDecimal value, BigDecimal otherwise) {
        return value != null ? value : otherwise;
    }

    /** A chat model (the kind every importer produces). */
    public static ModelPrice chat(String id, String name, List<String> aliases, Integer tier, TokenPrices standard,
            Map<Mode, TokenPrices> modes, LongContext longContext, BigDecimal training, Provisioned provisioned) {
        return new ModelPrice(id, name, aliases, tier, standard, modes, longContext, training, provisioned,
                Kind.CHAT, Map.of(), null);
    }

    /** What a model is priced for. */
    public enum Kind {
        CHAT("chat"), EMBEDDING("embedding"), IMAGE("image");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** Rates that replace the standard ones for a whole call whose input exceeds {@code aboveTokens}. */
    public record LongContext(long aboveTokens, TokenPrices prices) {
    }

    /**
     * Provisioned throughput: hourly price per model unit by commitment term, and the tokens per
     * minute (input + output) one unit sustains, or null when the card does not know it (AWS does
     * not publish it). {@code tpmAssumed} marks a throughput figure that should be measured.
     */
    public record Provisioned(BigDecimal modelUnitTpm, boolean tpmAssumed, Map<String, BigDecimal> hourly) {
        public Provisioned {
            hourly = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hourly)); // keeps the order written
        }
    }

    /**
     * How a fine-tuned variant is served: only on provisioned throughput, or on demand at its own
     * token prices ({@code prices}, null when provisioned only).
     */
    public record Custom(boolean onDemand, TokenPrices prices) {
    }

    /**
     * The model as its fine-tuned variant is billed on demand: the custom token prices in place of
     * the standard ones, no explicit mode blocks (they are the base model's) and no long-context
     * tier; the card's mode multipliers still apply.
     */
    public ModelPrice asCustomOnDemand() {
        return new ModelPrice(id, name, aliases, tier, custom.prices(), Map.of(), null, training, provisioned, kind,
                images, custom, List.of());
    }

    /** This model with every price multiplied by {@code factor}. */
    public ModelPrice times(BigDecimal factor) {
        Map<Mode, TokenPrices> scaledModes = new java.util.EnumMap<>(Mode.class);
        modes.forEach((mode, prices) -> scaledModes.put(mode, prices.times(factor)));
        LongContext scaledLong = longContext == null ? null
                : new LongContext(longContext.aboveTokens(), longContext.prices().times(factor));
        Provisioned scaledProvisioned = null;
        if (provisioned != null) {
            Map<String, BigDecimal> hourly = new java.util.LinkedHashMap<>();
            provisioned.hourly().forEach((term, price) -> hourly.put(term, price.multiply(factor)));
            scaledProvisioned = new Provisioned(provisioned.modelUnitTpm(), provisioned.tpmAssumed(), hourly);
        }
        Map<String, BigDecimal> scaledImages = new java.util.LinkedHashMap<>();
        images.forEach((size, price) -> scaledImages.put(size, price.multiply(factor)));
        Custom scaledCustom = custom == null || custom.prices() == null ? custom
                : new Custom(custom.onDemand(), custom.prices().times(factor));
        List<PriceEra> scaledHistory = history.stream().map(era -> new PriceEra(era.until(), era.prices().times(factor)))
                .toList();
        return new ModelPrice(id, name, aliases, tier, standard.times(factor), scaledModes, scaledLong,
                training == null ? null : training.multiply(factor), scaledProvisioned, kind, scaledImages,
                scaledCustom, scaledHistory);
    }
}
