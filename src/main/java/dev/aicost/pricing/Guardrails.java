package dev.aicost.pricing;

import java.math.BigDecimal;

/** The nightly-job checks: a budget on the month-1 total and the change against a baseline report. */
public final class Guardrails {
    private Guardrails() {
    }

    /** Change from a baseline total; {@code percent} is null when the baseline was zero. */
    public record Change(BigDecimal previous, BigDecimal current, BigDecimal amount, BigDecimal percent) {
        /** Whether the increase is above {@code thresholdPercent} (a rise from zero always is). */
        public boolean exceeds(BigDecimal thresholdPercent) {
            if (percent == null) {
                return amount.signum() > 0;
            }
            return percent.compareTo(thresholdPercent) > 0;
        }
    }

    public static Change change(BigDecimal previous, BigDecimal current) {
        BigDecimal amount = current.subtract(previous);
        BigDecimal percent = previous.signum() == 0 ? null
                : amount.divide(previous.abs(), CostEstimator.MC).movePointRight(2);
        return new Change(previous, current, amount, percent);
    }

    public static boolean overBudget(BigDecimal total, BigDecimal budget) {
        return total.compareTo(budget) > 0;
    }

    /** {@code amount} after a flat discount rate: amount x (1 - rate). */
    public static BigDecimal net(BigDecimal amount, BigDecimal discount) {
        return amount.multiply(BigDecimal.ONE.subtract(discount));
    }
}
