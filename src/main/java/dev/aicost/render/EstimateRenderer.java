package dev.aicost.render;

import dev.aicost.pricing.LineItem;
import dev.aicost.pricing.ReportLine;
import dev.aicost.pricing.WorkloadMonth;
import dev.aicost.report.EstimateReport;
import dev.aicost.render.EstimateTables.TextLine;
import java.util.List;

/** Renders an estimate report as a terminal table, markdown, CSV or JSON text. */
public final class EstimateRenderer {
    private EstimateRenderer() {
    }

    /**
     * @param width terminal width to fit tables to (0: no limit)
     * @param color ANSI emphasis (only for the table format)
     */
    public static String render(EstimateReport report, Format format, int width, boolean color) {
        return switch (format) {
            case TABLE -> table(report, width, color);
            case MARKDOWN -> markdown(report);
            case CSV -> csv(report);
            case JSON -> EstimateJson.render(report);
        };
    }

    static String table(EstimateReport report, int width, boolean color) {
        StringBuilder out = new StringBuilder();
        out.append(TextTable.style(EstimateTables.title(report), TextTable.Style.STRONG, color)).append("\n\n");
        out.append(EstimateTables.costs(report).render(width, color));
        if (report.months() > 1) {
            out.append('\n').append(EstimateTables.forecast(report).render(width, color));
        }
        if (!report.comparisons().isEmpty()) {
            out.append('\n').append(EstimateTables.comparison(report).render(width, color));
        }
        List<TextLine> footer = EstimateTables.footer(report);
        if (!footer.isEmpty()) {
            out.append('\n');
            for (TextLine line : footer) {
                out.append(TextTable.style(line.text(), line.style(), color)).append('\n');
            }
        }
        return out.toString();
    }

    static String markdown(EstimateReport report) {
        StringBuilder out = new StringBuilder("# Cost estimate: ").append(report.spec()).append("\n\n");
        out.append(report.currency()).append(", ")
                .append(report.hoursPerMonth().stripTrailingZeros().toPlainString())
                .append(" hours a month; month 1 of a ").append(report.months()).append("-month forecast.\n\n");
        out.append("## Monthly cost\n\n").append(EstimateTables.costs(report).markdown());
        if (report.months() > 1) {
            out.append("\n## Forecast\n\n").append(EstimateTables.forecast(report).markdown());
        }
        if (!report.comparisons().isEmpty()) {
            out.append("\n## Comparison\n\n").append(EstimateTables.comparison(report).markdown());
        }
        List<TextLine> footer = EstimateTables.footer(report);
        if (!footer.isEmpty()) {
            out.append("\n## Notes\n\n");
            for (TextLine line : footer) {
                out.append("- ").append(line.text()).append('\n');
            }
        }
        return out.toString();
    }

    static String csv(EstimateReport report) {
        Csv csv = new Csv("workload", "ratecard", "model", "component", "mode", "quantity", "unit", "rate",
                "rate_unit", "cost", "recurrence");
        for (WorkloadMonth month : report.estimate().workloads()) {
            for (LineItem line : month.lines()) {
                csvLine(csv, month, line, "monthly");
            }
            for (LineItem line : month.oneTime()) {
                csvLine(csv, month, line, "one_time");
            }
        }
        for (ReportLine line : report.estimate().reportLines()) {
            csv.row("", line.ratecard(), "", line.component(), "", Numbers.quantity(line.quantity()).toPlainString(),
                    line.unit(), Numbers.money6(line.rate()), line.rateUnit(), Numbers.money6(line.cost()), "monthly");
        }
        return csv.toString();
    }

    private static void csvLine(Csv csv, WorkloadMonth month, LineItem line, String recurrence) {
        csv.row(month.input().workload().name(), month.input().card().id(), month.input().model().id(),
                line.component(), line.mode() == null ? "" : line.mode().key(),
                Numbers.quantity(line.quantity()).toPlainString(), line.unit(), Numbers.money6(line.rate()),
                line.rateUnit(), Numbers.money6(line.cost()), recurrence);
    }
}
