package dev.aicost.edp;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * docs/edp.md per contract year, with list spend L = organic + AI:
 * net N = organic x (1 - d) + AI x (1 - d) x (1 - a); shortfall S = max(0, commit - N);
 * support F = 12 x fee(L / 12); with EDP = N + S + F; without = L + 12 x baseline fee(L / 12);
 * commit gap = max(0, commit - organic x (1 - d)), AI absorbed = min(AI net, gap);
 * break-even commit = L + baseline fee - F; buying the AI from its provider instead,
 * cost_ai_direct = organic x (1 - d) + max(0, commit - organic x (1 - d)) + 12 x fee(organic / 12) + AI
 * and savings_vs_direct = cost_ai_direct - with EDP; with uncertainty u, P(shortfall) = Phi((commit - N) / (u N))
 * and the commit with a 10% shortfall risk N x (1 - 1.2815516 u).
 */
public final class EdpCalculator {
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private EdpCalculator() {
    }

    public static EdpResult evaluate(EdpScenario scenario, EdpInputs inputs) {
        BigDecimal discount;
        String source;
        if (scenario.tiers() != null) {
            BigDecimal average = BigDecimal.ZERO;
            for (BigDecimal commit : scenario.commits()) {
                average = average.add(commit);
            }
            average = average.divide(BigDecimal.valueOf(scenario.commits().size()), MC);
            discount = BigDecimal.ZERO;
            source = "no tier reached by the average commit";
            BigDecimal reached = null;
            for (EdpScenario.Tier tier : scenario.tiers()) {
                if (average.compareTo(tier.minCommit()) >= 0 && (reached == null || tier.minCommit().compareTo(reached) > 0)) {
                    reached = tier.minCommit();
                    discount = tier.discount();
                }
            }
            if (reached != null) {
                source = "tier from " + reached.stripTrailingZeros().toPlainString() + " (average commit "
                        + average.setScale(0, RoundingMode.HALF_EVEN).toPlainString() + ")";
            }
        } else {
            discount = scenario.discount();
            source = "flat";
        }
        BigDecimal ai = scenario.aiExtraDiscount() == null ? BigDecimal.ZERO : scenario.aiExtraDiscount();
        List<EdpResult.Year> years = new ArrayList<>();
        for (int y = 0; y < scenario.termYears(); y++) {
            years.add(year(y + 1, inputs.organic().get(y), inputs.ai().get(y), scenario.commits().get(y), discount, ai,
                    inputs));
        }
        return new EdpResult(scenario, discount, source, years, totals(years));
    }

    static EdpResult.Year year(int year, BigDecimal organic, BigDecimal aiSpend, BigDecimal commit, BigDecimal d,
            BigDecimal a, EdpInputs inputs) {
        BigDecimal keep = BigDecimal.ONE.subtract(d);
        BigDecimal list = organic.add(aiSpend);
        BigDecimal organicNet = organic.multiply(keep);
        BigDecimal aiNet = aiSpend.multiply(keep).multiply(BigDecimal.ONE.subtract(a));
        BigDecimal net = organicNet.add(aiNet);
        BigDecimal shortfall = commit.subtract(net).max(BigDecimal.ZERO);
        BigDecimal monthly = list.divide(TWELVE, MC);
        BigDecimal support = inputs.support().monthlyFee(monthly).multiply(TWELVE);
        BigDecimal baselineSupport = inputs.baselineSupport().monthlyFee(monthly).multiply(TWELVE);
        BigDecimal with = net.add(shortfall).add(support);
        BigDecimal without = list.add(baselineSupport);
        BigDecimal savings = without.subtract(with);
        BigDecimal effective = list.signum() == 0 ? null : savings.divide(list, MC);
        BigDecimal gap = commit.subtract(organicNet).max(BigDecimal.ZERO);
        BigDecimal absorbed = aiNet.min(gap);
        BigDecimal breakeven = list.add(baselineSupport).subtract(support);
        BigDecimal probability = null;
        BigDecimal safe = null;
        if (inputs.uncertainty() != null && inputs.uncertainty().signum() > 0 && net.signum() > 0) {
            BigDecimal sigma = inputs.uncertainty().multiply(net);
            probability = NormalDistribution.cdf(commit.subtract(net).divide(sigma, MC));
            safe = net.multiply(BigDecimal.ONE.subtract(NormalDistribution.Z_90.multiply(inputs.uncertainty())));
        }
        BigDecimal organicSupport = inputs.support().monthlyFee(organic.divide(TWELVE, MC)).multiply(TWELVE);
        BigDecimal direct = organicNet.add(gap).add(organicSupport).add(aiSpend);
        return new EdpResult.Year(year, list, organic, aiSpend, net, commit, shortfall, support, with, without, savings,
                effective, gap, aiNet, absorbed, aiNet.subtract(absorbed), breakeven, probability, safe, direct,
                direct.subtract(with));
    }

    static EdpResult.Year totals(List<EdpResult.Year> years) {
        BigDecimal[] sums = new BigDecimal[18];
        java.util.Arrays.fill(sums, BigDecimal.ZERO);
        for (EdpResult.Year y : years) {
            BigDecimal[] values = {y.listSpend(), y.organicSpend(), y.aiSpend(), y.netSpend(), y.commit(),
                y.shortfall(), y.supportFee(), y.costWithEdp(), y.costWithoutEdp(), y.savings(), y.commitGap(),
                y.aiNet(), y.aiAbsorbed(), y.incrementalAiCost(), y.breakevenCommit(), BigDecimal.ZERO,
                y.costAiDirect(), y.savingsVsDirect()};
            for (int i = 0; i < values.length; i++) {
                sums[i] = sums[i].add(values[i]);
            }
        }
        BigDecimal effective = sums[0].signum() == 0 ? null : sums[9].divide(sums[0], MC);
        return new EdpResult.Year(0, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7], sums[8],
                sums[9], effective, sums[10], sums[11], sums[12], sums[13], sums[14], null, null, sums[16], sums[17]);
    }
}
