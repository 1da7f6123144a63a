package dev.aicost.edp;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything scenarios are judged against: the list-price spend forecast per year (organic and AI),
 * its uncertainty (standard deviation as a fraction, or null), the support plan under the EDP and
 * the one without it.
 */
public record EdpInputs(List<BigDecimal> organic, List<BigDecimal> ai, BigDecimal uncertainty, SupportPlan support,
        SupportPlan baselineSupport) {

    public EdpInputs {
        organic = List.copyOf(organic);
        ai = List.copyOf(ai);
    }
}
