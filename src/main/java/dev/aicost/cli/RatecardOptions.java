package dev.aicost.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --ratecard} and {@code --hours-per-month}: shared by every pricing command. */
public final class RatecardOptions {
    List<String> ratecards = new ArrayList<>();
    BigDecimal hoursPerMonth = BigDecimal.valueOf(730);

    /** Adds these options to {@code spec}, bound to this object. */
    @SuppressWarnings("unchecked")
    RatecardOptions addTo(CommandSpec spec) {
        spec.addOption(Specs.bound(OptionSpec.builder("--ratecard").paramLabel("ID|FILE").type(List.class)
                .auxiliaryTypes(String.class).completionCandidates(new Candidates.CardIds())
                .description("rate card id (see ratecards/) or path; wins over the spec's 'ratecard:' key"),
                () -> ratecards, v -> ratecards = (List<String>) v).build());
        spec.addOption(Specs.bound(OptionSpec.builder("--hours-per-month").paramLabel("N").type(BigDecimal.class)
                .defaultValue("730").converters(new Flags.HoursPerMonth())
                .description("hours in a month for hourly prices and daily volumes (default: ${DEFAULT-VALUE}, "
                        + "the AWS convention; some sources use 720)"),
                () -> hoursPerMonth, v -> hoursPerMonth = (BigDecimal) v).build());
        return this;
    }

    BigDecimal hoursPerMonth() {
        return hoursPerMonth;
    }
}
