package dev.aicost.breakeven;

import java.math.BigDecimal;
import java.util.List;

/**
 * Model units sized from an hourly token profile, for one term.
 *
 * @param hours H, the hours from the profile's first to its last (missing hours count as zero)
 * @param options the monthly cost of every unit count from 0 up to what covers the peak
 */
public record ProfileSizing(String term, int hours, Percentiles percentiles, BigDecimal unitHourlyCapacity,
        List<Option> options, long recommended, long coverP50, long coverP95) {

    /** Hourly tokens at the 50th, 75th and 95th percentile (linear interpolation) and the peak. */
    public record Percentiles(BigDecimal p50, BigDecimal p75, BigDecimal p95, BigDecimal max) {
    }

    /**
     * {@code units} model units: their monthly cost, the on-demand cost of the tokens above their
     * capacity (scaled to a month), the total, and the share of their capacity used.
     */
    public record Option(long units, BigDecimal provisionedCost, BigDecimal spillCost, BigDecimal total,
            BigDecimal utilization) {
    }

    public Option option(long units) {
        return options.get((int) units);
    }
}
