package dev.aicost.report;

import dev.aicost.edp.EdpAdvice;
import dev.aicost.edp.EdpInputs;
import dev.aicost.edp.EdpResult;
import java.util.List;

/** What {@code aicost edp} shows: the inputs, each scenario's results and the advice. */
public record EdpReport(String spec, String currency, EdpInputs inputs, String aiFrom, List<EdpResult> results,
        EdpAdvice advice) {
}
