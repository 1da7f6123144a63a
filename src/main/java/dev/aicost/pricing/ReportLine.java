package dev.aicost.pricing;

import java.math.BigDecimal;

/** A line that belongs to the report, not to one workload: the egress free-tier credit of a card. */
public record ReportLine(String component, String ratecard, BigDecimal quantity, String unit, BigDecimal rate,
        String rateUnit, BigDecimal cost) {
}
