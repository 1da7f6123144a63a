package dev.aicost.breakeven;

import java.math.BigDecimal;

/**
 * The break-even of one commitment term (docs/breakeven.md).
 *
 * @param unitMonthlyCost M = hourly x hours per month
 * @param unitMonthlyCapacity K = model_unit_tpm x 60 x hours per month (tokens)
 * @param utilization u* = M / (K x c), the share of one unit's capacity at which it costs the same
 *     as on-demand; above 1 provisioned never wins for this shape
 * @param tokensPerMonth T* = M / c
 */
public record TermBreakeven(String term, BigDecimal hourly, BigDecimal unitMonthlyCost, BigDecimal unitMonthlyCapacity,
        BigDecimal utilization, BigDecimal tokensPerMonth) {

    public boolean neverWins() {
        return utilization.compareTo(BigDecimal.ONE) > 0;
    }
}
