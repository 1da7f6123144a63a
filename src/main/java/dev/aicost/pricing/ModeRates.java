package dev.aicost.pricing;

import dev.aicost.model.Mode;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard.ModeDefaults;
import dev.aicost.model.TokenPrices;
import java.math.BigDecimal;

/**
 * The per-token rates of one mode for one model (docs/workload-spec.md): a field of the model's
 * explicit mode block where it gives one, else the standard rate times the card's mode
 * multiplier. Long-context calls use the long-context rates times the multiplier (explicit
 * mode blocks are standard-context). A null field in the result means "not available".
 */
public final class ModeRates {
    private ModeRates() {
    }

    public static TokenPrices resolve(ModelPrice model, ModeDefaults defaults, Mode mode, boolean longContext) {
        BigDecimal multiplier = defaults.multiplier(mode);
        if (longContext) {
            TokenPrices base = model.longContext().prices();
            return multiplier == null ? TokenPrices.NONE : base.times(multiplier);
        }
        TokenPrices derived = multiplier == null ? TokenPrices.NONE : model.standard().times(multiplier);
        TokenPrices explicit = mode == Mode.ON_DEMAND ? null : model.modes().get(mode);
        if (explicit == null) {
            return derived;
        }
        return new TokenPrices(first(explicit.input(), derived.input()), first(explicit.output(), derived.output()),
                first(explicit.cacheWrite(), derived.cacheWrite()), first(explicit.cacheRead(), derived.cacheRead()),
                first(explicit.cacheWrite1h(), derived.cacheWrite1h()));
    }

    /** Whether a call with {@code inputTokens} input tokens is billed at long-context rates. */
    public static boolean isLongContext(ModelPrice model, BigDecimal inputTokens) {
        return model.longContext() != null
                && inputTokens.compareTo(BigDecimal.valueOf(model.longContext().aboveTokens())) > 0;
    }

    private static BigDecimal first(BigDecimal a, BigDecimal b) {
        return a != null ? a : b;
    }
}
