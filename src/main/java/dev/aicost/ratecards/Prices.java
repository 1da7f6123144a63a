package dev.aicost.ratecards;

import java.math.BigDecimal;
import java.math.MathContext;

/** Exact conversions of source prices to prices per 1 million tokens. */
final class Prices {
    /**
     * Significant digits kept from a per-token price. LiteLLM writes computed prices as binary
     * floats ({@code 3.3000000000000003e-06}); 12 digits remove that noise and keep every real
     * price, none of which has more than 7 significant digits.
     */
    static final MathContext SIGNIFICANT = new MathContext(12);

    private Prices() {
    }

    /** USD per token to USD per 1M tokens: 3e-06 -> 3; 3.3000000000000003e-06 -> 3.3. */
    static BigDecimal perMillionFromPerToken(BigDecimal perToken) {
        return plain(perToken.round(SIGNIFICANT).movePointRight(6));
    }

    /** A price per {@code unitTokens} tokens to per 1M tokens: 0.00006 per 1K -> 0.06. */
    static BigDecimal perMillion(BigDecimal price, long unitTokens) {
        return plain(price.multiply(BigDecimal.valueOf(1_000_000L / unitTokens)));
    }

    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
