package dev.aicost.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --ratecard} and {@code --hours-per-month}: shared by every pricing command. */
public final class RatecardOptions {
    @Option(names = "--ratecard", paramLabel = "ID|FILE", completionCandidates = Candidates.CardIds.class,
            description = "rate card id (see ratecards/) or path; wins over the spec's 'ratecard:' key")
    List<String> ratecards = new ArrayList<>();

    @Option(names = "--hours-per-month", paramLabel = "N", defaultValue = "730", converter = Flags.HoursPerMonth.class,
            description = "hours in a month for hourly prices and daily volumes (default: ${DEFAULT-VALUE}, "
                    + "the AWS convention; some sources use 720)")
    BigDecimal hoursPerMonth;

    BigDecimal hoursPerMonth() {
        return hoursPerMonth;
    }
}
