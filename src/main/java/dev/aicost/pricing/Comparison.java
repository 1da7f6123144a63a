package dev.aicost.pricing;

import java.math.BigDecimal;
import java.util.List;

/**
 * The same workloads priced on another card (month 1). A row whose model has no equivalent on
 * that card, or whose shape the card cannot price, has a null cost and a note; the total then
 * covers only the priced rows and {@code complete} is false.
 */
public record Comparison(String ratecard, String currency, List<Row> rows, List<ReportLine> reportLines,
        BigDecimal monthlyTotal, boolean complete) {

    /** One workload on the compared card. */
    public record Row(String workload, String model, BigDecimal monthlyCost, String note) {
    }
}
