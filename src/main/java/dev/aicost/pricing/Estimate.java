package dev.aicost.pricing;

import java.math.BigDecimal;
import java.util.List;

/**
 * The result of pricing a set of workloads: month 1 in full, then the forecast totals.
 *
 * @param horizonTotal sum of the monthly totals over the forecast (one-time costs not included)
 * @param ranges month-1 cost range of each workload, in the order of {@code workloads}
 * @param totalRange month-1 total range: the workloads' lows (highs) plus the report lines
 */
public record Estimate(List<WorkloadMonth> workloads, List<ReportLine> reportLines, BigDecimal monthlyTotal,
        BigDecimal oneTimeTotal, List<MonthTotal> forecast, BigDecimal horizonTotal, List<String> warnings,
        List<CostRange> ranges, CostRange totalRange) {

    /** Whether any workload gave a range (else every range is its expected cost). */
    public boolean hasRanges() {
        for (WorkloadMonth month : workloads) {
            if (!month.input().workload().ranges().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The lowest and highest month-1 cost over the ends of the given ranges. */
    public record CostRange(BigDecimal low, BigDecimal high) {
    }

    /** The total of one forecast month. */
    public record MonthTotal(int month, BigDecimal total) {
    }
}
