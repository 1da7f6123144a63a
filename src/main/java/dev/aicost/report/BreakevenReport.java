package dev.aicost.report;

import dev.aicost.breakeven.Breakeven;
import java.util.List;

/** What {@code aicost breakeven} shows: the computation plus where the profile came from. */
public record BreakevenReport(Breakeven breakeven, String profileFile, int profileRows, int filledHours,
        List<String> warnings) {
}
