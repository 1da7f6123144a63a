package dev.aicost.breakeven;

import java.math.BigDecimal;

/**
 * The tokens of one call: input (including the cached prefix), output, and the prompt cache
 * (prefix tokens and hit rate; zero prefix for no caching).
 */
public record CallShape(BigDecimal inputTokens, BigDecimal outputTokens, BigDecimal prefixTokens,
        BigDecimal hitRate) {

    public BigDecimal tokens() {
        return inputTokens.add(outputTokens);
    }

    public boolean cached() {
        return prefixTokens.signum() > 0;
    }
}
