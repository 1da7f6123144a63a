package dev.aicost.report;

import dev.aicost.usage.UsageAnalysis;
import java.util.List;

/** What {@code aicost usage} shows: the inputs read, the analysis, and the card it was priced on. */
public record UsageReport(List<String> inputs, String format, String ratecard, String currency, String tagKey,
        UsageAnalysis.Result result, List<String> warnings) {
}
