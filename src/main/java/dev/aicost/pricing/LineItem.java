package dev.aicost.pricing;

import dev.aicost.model.Mode;
import java.math.BigDecimal;

/**
 * One priced line: {@code quantity} {@code unit} at {@code rate} {@code rateUnit} costs
 * {@code cost} (unrounded). {@code mode} is null for lines that have none (services).
 */
public record LineItem(String component, Mode mode, BigDecimal quantity, String unit, BigDecimal rate,
        String rateUnit, BigDecimal cost) {

    public static final String PER_1M_TOKENS = "per 1M tokens";
}
