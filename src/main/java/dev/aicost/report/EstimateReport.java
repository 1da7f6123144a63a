package dev.aicost.report;

import dev.aicost.pricing.Comparison;
import dev.aicost.pricing.Estimate;
import dev.aicost.pricing.Guardrails;
import java.math.BigDecimal;
import java.util.List;

/**
 * Everything an estimate report shows, computed, for the renderers: the estimate, the options
 * that shape it, comparisons on other cards and the guardrail results.
 *
 * @param discount flat discount rate (0..1) or null
 * @param baseline change against a baseline report, or null
 * @param budget month-1 budget, or null
 */
public record EstimateReport(String spec, String currency, BigDecimal hoursPerMonth, int months, Estimate estimate,
        BigDecimal discount, List<Comparison> comparisons, Baseline baseline, BigDecimal budget,
        List<String> warnings) {

    /** The baseline comparison: the file, the change of the month-1 total and the threshold (or null). */
    public record Baseline(String file, Guardrails.Change change, BigDecimal failAbovePercent) {
        public boolean tripped() {
            return failAbovePercent != null && change.exceeds(failAbovePercent);
        }
    }

    /** The month-1 total the guardrails judge: net of the discount when one is given. */
    public BigDecimal guardedTotal() {
        return discount == null ? estimate.monthlyTotal() : Guardrails.net(estimate.monthlyTotal(), discount);
    }

    public boolean overBudget() {
        return budget != null && Guardrails.overBudget(guardedTotal(), budget);
    }

    /** The high end of the month-1 range, net of the discount like {@link #guardedTotal()}. */
    public BigDecimal guardedHigh() {
        BigDecimal high = estimate.totalRange().high();
        return discount == null ? high : Guardrails.net(high, discount);
    }

    /**
     * Whether the high end of the ranges exceeds the budget although the expected total does not
     * (a warning, not a tripped guardrail: the budget judges the expected total).
     */
    public boolean highEndOverBudget() {
        return budget != null && estimate.hasRanges() && !overBudget() && Guardrails.overBudget(guardedHigh(), budget);
    }
}
