package dev.aicost.edp;

import java.math.BigDecimal;
import java.util.List;

/**
 * An AWS support plan's monthly fee as a function of that month's list (gross) spend: marginal
 * bands like tax brackets, with a minimum. Fees are computed before any EDP discount.
 */
public record SupportPlan(String name, List<Band> bands, BigDecimal minimumMonthly) {

    /** A rate that applies to spend from {@code from} (inclusive) up to the next band. */
    public record Band(BigDecimal from, BigDecimal rate) {
    }

    /**
     * AWS Enterprise Support (legacy plan): 10% of the first $150K, 7% to $500K, 5% to $1M, 3%
     * above, at least $15,000 a month. AWS's example: $1.2M a month gives $70,500.
     */
    public static final SupportPlan ENTERPRISE = new SupportPlan("enterprise", List.of(
            band("0", "0.10"), band("150000", "0.07"), band("500000", "0.05"), band("1000000", "0.03")),
            new BigDecimal("15000"));

    /** AWS Business Support (legacy): 10% to $10K, 7% to $80K, 5% to $250K, 3% above, at least $100. */
    public static final SupportPlan BUSINESS = new SupportPlan("business", List.of(
            band("0", "0.10"), band("10000", "0.07"), band("80000", "0.05"), band("250000", "0.03")),
            new BigDecimal("100"));

    /** No support plan: no fee. */
    public static final SupportPlan NONE = new SupportPlan("none", List.of(), BigDecimal.ZERO);

    /** A flat rate of monthly spend with a minimum (a negotiated or simplified plan). */
    public static SupportPlan flat(BigDecimal rate, BigDecimal minimumMonthly) {
        return new SupportPlan("flat " + rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%",
                List.of(new Band(BigDecimal.ZERO, rate)), minimumMonthly);
    }

    /** The fee for one month of {@code monthlySpend} list spend. */
    public BigDecimal monthlyFee(BigDecimal monthlySpend) {
        BigDecimal fee = BigDecimal.ZERO;
        for (int i = 0; i < bands.size(); i++) {
            BigDecimal from = bands.get(i).from();
            BigDecimal to = i + 1 < bands.size() ? bands.get(i + 1).from() : null;
            if (monthlySpend.compareTo(from) <= 0) {
                break;
            }
            BigDecimal upper = to == null ? monthlySpend : monthlySpend.min(to);
            fee = fee.add(upper.subtract(from).multiply(bands.get(i).rate()));
        }
        return bands.isEmpty() ? BigDecimal.ZERO : fee.max(minimumMonthly);
    }

    private static Band band(String from, String rate) {
        return new Band(new BigDecimal(from), new BigDecimal(rate));
    }
}
