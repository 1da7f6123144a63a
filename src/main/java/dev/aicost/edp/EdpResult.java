package dev.aicost.edp;

import java.math.BigDecimal;
import java.util.List;

/** One scenario judged year by year, with totals (docs/edp.md). */
public record EdpResult(EdpScenario scenario, BigDecimal discount, String discountSource, List<Year> years,
        Year totals) {

    /**
     * One contract year. {@code shortfallProbability} and {@code safeCommit} are null without an
     * uncertainty; in the totals row they are null too, and {@code year} is 0.
     * {@code costAiDirect} is the year with the EDP covering organic spend only and the AI bought
     * from its provider at list price; {@code savingsVsDirect} = costAiDirect - costWithEdp.
     */
    public record Year(int year, BigDecimal listSpend, BigDecimal organicSpend, BigDecimal aiSpend, BigDecimal netSpend,
            BigDecimal commit, BigDecimal shortfall, BigDecimal supportFee, BigDecimal costWithEdp,
            BigDecimal costWithoutEdp, BigDecimal savings, BigDecimal effectiveDiscount, BigDecimal commitGap,
            BigDecimal aiNet, BigDecimal aiAbsorbed, BigDecimal incrementalAiCost, BigDecimal breakevenCommit,
            BigDecimal shortfallProbability, BigDecimal safeCommit, BigDecimal costAiDirect,
            BigDecimal savingsVsDirect) {
    }
}
