package dev.aicost.model;

import java.math.BigDecimal;

/**
 * Prices per 1 million tokens for the token classes: input, output, cache write (5-minute TTL),
 * cache read and cache write with a 1-hour TTL. A null field means "not priced": for a standard
 * input or output price that is an error at load time; for a mode block it means "derive from
 * the standard price and the card's multiplier".
 */
public record TokenPrices(BigDecimal input, BigDecimal output, BigDecimal cacheWrite, BigDecimal cacheRead,
        BigDecimal cacheWrite1h) {

    public static final TokenPrices NONE = new TokenPrices(null, null, null, null, null);

    /** Prices without a 1-hour cache-write rate. */
    public TokenPrices(BigDecimal input, BigDecimal output, BigDecimal cacheWrite, BigDecimal cacheRead) {
        this(input, output, cacheWrite, cacheRead, null);
    }

    public BigDecimal get(TokenClass tokenClass) {
        return switch (tokenClass) {
            case INPUT -> input;
            case OUTPUT -> output;
            case CACHE_WRITE -> cacheWrite;
            case CACHE_READ -> cacheRead;
            case CACHE_WRITE_1H -> cacheWrite1h;
        };
    }

    /** Every present price multiplied by {@code factor}. */
    public TokenPrices times(BigDecimal factor) {
        return new TokenPrices(mul(input, factor), mul(output, factor), mul(cacheWrite, factor),
                mul(cacheRead, factor), mul(cacheWrite1h, factor));
    }

    private static BigDecimal mul(BigDecimal price, BigDecimal factor) {
        return price == null ? null : price.multiply(factor);
    }

    /** The token classes and their line-item component names. */
    public enum TokenClass {
        INPUT("input"), CACHE_READ("cache_read"), CACHE_WRITE("cache_write"), CACHE_WRITE_1H("cache_write_1h"),
        OUTPUT("output");

        private final String component;

        TokenClass(String component) {
            this.component = component;
        }

        public String component() {
            return component;
        }
    }
}
