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
}
