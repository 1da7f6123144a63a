package dev.aicost.edp;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the negotiation sheet recommends and warns about, derived from the scenario results:
 * the scenario with the highest savings per year whose shortfall risk stays at or under 25% in
 * every year (when an uncertainty is given), and the risks found in each scenario's years.
 *
 * @param recommended null when no scenario beats having no EDP
 */
public record EdpAdvice(EdpResult recommended, Basis basis, List<Risk> risks) {
    /** The highest acceptable yearly shortfall probability for a recommendation. */
    public static final BigDecimal MAX_RISK = new BigDecimal("0.25");
    private static final BigDecimal TEN_PERCENT = new BigDecimal("0.10");

    /** Why the recommendation is what it is. */
    public enum Basis {
        /** The most savings per year among scenarios within the risk limit (or all, without uncertainty). */
        BEST_WITHIN_RISK,
        /** Every scenario exceeds the risk limit in some year; the one saving the most is shown. */
        ALL_OVER_RISK,
        /** No scenario saves money against no EDP. */
        NONE_SAVES
    }

    /** One risk in one scenario-year; the year's figures say how large it is. */
    public record Risk(String scenario, EdpResult.Year year, Kind kind) {
        /** Kinds of risk. */
        public enum Kind {
            /** Expected net spend is below the commit. */
            EXPECTED_SHORTFALL,
            /** Spend is expected to cover the commit, but a shortfall is more than 10% likely. */
            LIKELY_SHORTFALL,
            /** The commit is above the break-even commit: the EDP costs more than no EDP that year. */
            ABOVE_BREAKEVEN
        }
    }

    public static BigDecimal savingsPerYear(EdpResult result) {
        return result.totals().savings().divide(BigDecimal.valueOf(result.scenario().termYears()),
                MathContext.DECIMAL128);
    }

    /** The highest yearly shortfall probability of a scenario, or null without an uncertainty. */
    public static BigDecimal maxShortfallProbability(EdpResult result) {
        return result.years().stream().map(EdpResult.Year::shortfallProbability).filter(p -> p != null)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    public static EdpAdvice advise(List<EdpResult> results) {
        List<EdpResult> acceptable = results.stream().filter(r -> {
            BigDecimal risk = maxShortfallProbability(r);
            return risk == null || risk.compareTo(MAX_RISK) <= 0;
        }).toList();
        EdpResult best = (acceptable.isEmpty() ? results : acceptable).stream()
                .max(Comparator.comparing(EdpAdvice::savingsPerYear)).orElse(null);
        Basis basis = acceptable.isEmpty() ? Basis.ALL_OVER_RISK : Basis.BEST_WITHIN_RISK;
        if (best == null || savingsPerYear(best).signum() <= 0) {
            best = null;
            basis = Basis.NONE_SAVES;
        }
        List<Risk> risks = new ArrayList<>();
        for (EdpResult result : results) {
            String name = result.scenario().name();
            for (EdpResult.Year y : result.years()) {
                if (y.shortfall().signum() > 0) {
                    risks.add(new Risk(name, y, Risk.Kind.EXPECTED_SHORTFALL));
                } else if (y.shortfallProbability() != null && y.shortfallProbability().compareTo(TEN_PERCENT) > 0) {
                    risks.add(new Risk(name, y, Risk.Kind.LIKELY_SHORTFALL));
                }
                if (y.commit().compareTo(y.breakevenCommit()) > 0) {
                    risks.add(new Risk(name, y, Risk.Kind.ABOVE_BREAKEVEN));
                }
            }
        }
        return new EdpAdvice(best, basis, risks);
    }
}
