package dev.aicost.edp;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The standard normal distribution function Phi, in decimals (34 significant digits), for
 * shortfall probabilities: Marsaglia's series Phi(z) = 1/2 + phi(z) (z + z^3/3 + z^5/(3*5) + ...).
 */
public final class NormalDistribution {
    /** Phi^-1(0.9): a commit this many standard deviations below expected net spend is short 10% of the time. */
    public static final BigDecimal Z_90 = new BigDecimal("1.2815516");
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal SQRT_TWO_PI = new BigDecimal("2.506628274631000502415765284811045");
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal LIMIT = BigDecimal.valueOf(9);
    private static final BigDecimal TINY = new BigDecimal("1e-40");

    private NormalDistribution() {
    }

    /** Phi(z); below -9 it is 0 and above 9 it is 1 (both within 2e-19). */
    public static BigDecimal cdf(BigDecimal z) {
        if (z.compareTo(LIMIT) > 0) {
            return BigDecimal.ONE;
        }
        if (z.compareTo(LIMIT.negate()) < 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal square = z.multiply(z, MC);
        BigDecimal term = z;
        BigDecimal sum = z;
        for (int n = 1; term.abs().compareTo(TINY) > 0 && n < 2000; n++) {
            term = term.multiply(square, MC).divide(BigDecimal.valueOf(2L * n + 1), MC);
            sum = sum.add(term, MC);
        }
        BigDecimal density = expNegative(square.multiply(HALF)).divide(SQRT_TWO_PI, MC);
        return HALF.add(density.multiply(sum, MC), MC);
    }

    /** e^(-x) for x >= 0, as 1 / e^x with e^x summed as a Taylor series. */
    static BigDecimal expNegative(BigDecimal x) {
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int k = 1; term.compareTo(sum.multiply(TINY)) > 0 && k < 5000; k++) {
            term = term.multiply(x, MC).divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
        }
        return BigDecimal.ONE.divide(sum, MC);
    }
}
