package dev.aicost.cli;

import dev.aicost.render.TrendRenderer;
import dev.aicost.render.UsageRenderer;
import dev.aicost.report.UsageReport;
import dev.aicost.usage.TrendAnalysis;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** {@code usage --trend}, kept in its own class so that Tablesaw and commons-math3 load only when asked for. */
final class UsageTrend {
    private UsageTrend() {
    }

    /** The report's text, and the workload spec to emit (with each row's growth) when asked for. */
    record Rendered(String text, String workload) {
    }

    static Rendered render(UsageReport report, BigDecimal hoursPerMonth, BigDecimal budget, OutputOptions output,
            boolean emitWorkload) {
        TrendAnalysis.Trend trend = TrendAnalysis.analyse(report.result().daily(),
                hoursPerMonth.divide(BigDecimal.valueOf(24), MathContext.DECIMAL64), budget);
        String text = TrendRenderer.render(report, trend, output.format, output.width(), output.color());
        String workload = !emitWorkload ? null : UsageRenderer.workload(report, hoursPerMonth, (model, tag) -> {
            TrendAnalysis.Growth g = trend.growthOf(model, tag);
            // a workload's growth must lie in -99% .. +1000% a month, as the spec reader accepts it; a fit
            // outside that (a steep ramp) is no forecast and is left out rather than written unreadable
            return g == null || g.monthly() == null || g.days() < TrendAnalysis.MIN_DAYS_FOR_WORKLOAD
                    || g.monthly() < -0.99 || g.monthly() > 10 ? null
                    : plain(BigDecimal.valueOf(g.monthly()).setScale(4, RoundingMode.HALF_EVEN));
        });
        return new Rendered(text, workload);
    }

    /** 0.0500 as 0.05, 0.0000 as 0. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
