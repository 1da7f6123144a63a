package dev.aicost.pricing;

import java.math.BigDecimal;
import java.util.List;

/**
 * The result of pricing a set of workloads: month 1 in full, then the forecast totals.
 *
 * @param horizonTotal sum of the monthly totals over the forecast (one-time costs not included)
 */
public record Estimate(List<WorkloadMonth> workloads, List<ReportLine> reportLines, BigDecimal monthlyTotal,
        BigDecimal oneTimeTotal, List<MonthTotal> forecast, BigDecimal horizonTotal, List<String> warnings) {

    /** The total of one forecast month. */
    public record MonthTotal(int month, BigDecimal total) {
    }
}
