package dev.aicost.breakeven;

import java.math.BigDecimal;
import java.util.List;

/** Percentiles by linear interpolation between closest ranks (numpy's default method). */
public final class Percentile {
    private Percentile() {
    }

    /** The {@code p}-th percentile (0..100) of {@code sorted} (ascending, not empty). Exact. */
    public static BigDecimal of(List<BigDecimal> sorted, int p) {
        BigDecimal rank = BigDecimal.valueOf(p).multiply(BigDecimal.valueOf(sorted.size() - 1)).movePointLeft(2);
        int low = rank.intValue();
        BigDecimal fraction = rank.subtract(BigDecimal.valueOf(low));
        BigDecimal lower = sorted.get(low);
        if (fraction.signum() == 0) {
            return lower;
        }
        BigDecimal upper = sorted.get(low + 1);
        return lower.add(upper.subtract(lower).multiply(fraction));
    }
}
