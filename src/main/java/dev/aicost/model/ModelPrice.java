package dev.aicost.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One model on a rate card: standard prices, optional explicit mode prices (batch, priority,
 * flex; fields left out derive from the card defaults), long-context rates, training price and
 * provisioned throughput.
 *
 * @param tier capability tier for routing, null when the card gives none
 * @param modes explicit per-mode prices; ON_DEMAND is never present (it is {@code standard})
 */
public record ModelPrice(String id, String name, List<String> aliases, Integer tier,
        TokenPrices standard, Map<Mode, TokenPrices> modes, LongContext longContext,
        BigDecimal training, Provisioned provisioned) {

    public ModelPrice {
        aliases = List.copyOf(aliases);
        modes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(modes)); // keeps the order written
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
}
