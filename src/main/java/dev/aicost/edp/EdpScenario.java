package dev.aicost.edp;

import java.math.BigDecimal;
import java.util.List;

/**
 * One EDP offer: term, commit per contract year (measured on net spend), a flat discount or a
 * tier table (chosen by the average annual commit), and an optional extra discount on AI spend.
 */
public record EdpScenario(String name, int termYears, List<BigDecimal> commits, BigDecimal discount, List<Tier> tiers,
        BigDecimal aiExtraDiscount) {

    public EdpScenario {
        commits = List.copyOf(commits);
        tiers = tiers == null ? null : List.copyOf(tiers);
    }

    /** A discount that applies when the average annual commit is at least {@code minCommit}. */
    public record Tier(BigDecimal minCommit, BigDecimal discount) {
    }
}
