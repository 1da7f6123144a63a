package dev.aicost.render;

import dev.aicost.pricing.LineItem;
import dev.aicost.pricing.ReportLine;
import dev.aicost.pricing.WorkloadMonth;
import dev.aicost.report.EstimateReport;
import dev.aicost.render.Document.In;
import dev.aicost.render.EstimateTables.TextLine;
import dev.aicost.render.TextTable.Style;
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
        return Document.render(format, () -> document(report), () -> csv(report), () -> EstimateJson.render(report),
                width, color);
    }

    /** Monthly cost, then the forecast and the comparison when there are any, then the notes. */
    static Document document(EstimateReport report) {
        Document doc = new Document(EstimateTables.title(report), "Cost estimate: " + report.spec(), false)
                .blank(In.BOTH)
                .lines(List.of(report.currency() + ", " + report.hoursPerMonth().stripTrailingZeros().toPlainString()
                        + " hours a month; month 1 of a " + report.months() + "-month forecast."), Style.PLAIN,
                        Document.Markdown.PARAGRAPHS, false, In.MARKDOWN)
                .heading("Monthly cost", In.MARKDOWN).blank(In.MARKDOWN).table(EstimateTables.costs(report));
        if (report.months() > 1) {
            doc.blank(In.BOTH).heading("Forecast", In.MARKDOWN).blank(In.MARKDOWN)
                    .table(EstimateTables.forecast(report));
        }
        if (!report.comparisons().isEmpty()) {
            doc.blank(In.BOTH).heading("Comparison", In.MARKDOWN).blank(In.MARKDOWN)
                    .table(EstimateTables.comparison(report));
        }
        List<TextLine> footer = EstimateTables.footer(report);
        if (!footer.isEmpty()) {
            doc.blank(In.BOTH).heading("Notes", In.MARKDOWN).blank(In.MARKDOWN);
            for (TextLine line : footer) {
                doc.lines(List.of(line.text()), line.style(), Document.Markdown.BULLETS, false, In.BOTH);
            }
        }
        return doc;
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
        var estimate = report.estimate();
        if (estimate.hasRanges()) { // rows of recurrence "range" are bounds, not costs to add up
            for (int i = 0; i < estimate.workloads().size(); i++) {
                WorkloadMonth month = estimate.workloads().get(i);
                if (month.input().workload().ranges().isEmpty()) {
                    continue;
                }
                rangeRow(csv, month, "monthly_cost_low", estimate.ranges().get(i).low());
                rangeRow(csv, month, "monthly_cost_high", estimate.ranges().get(i).high());
            }
            csv.row("", "", "", "monthly_total_low", "", "", "", "", "", Numbers.money6(estimate.totalRange().low()),
                    "range");
            csv.row("", "", "", "monthly_total_high", "", "", "", "", "", Numbers.money6(estimate.totalRange().high()),
                    "range");
        }
        return csv.toString();
    }

    private static void rangeRow(Csv csv, WorkloadMonth month, String component, java.math.BigDecimal cost) {
        csv.row(month.input().workload().name(), month.input().card().id(), month.input().model().id(), component, "",
                "", "", "", "", Numbers.money6(cost), "range");
    }

    private static void csvLine(Csv csv, WorkloadMonth month, LineItem line, String recurrence) {
        csv.row(month.input().workload().name(), month.input().card().id(), month.input().model().id(),
                line.component(), line.mode() == null ? "" : line.mode().key(),
                Numbers.quantity(line.quantity()).toPlainString(), line.unit(), Numbers.money6(line.rate()),
                line.rateUnit(), Numbers.money6(line.cost()), recurrence);
    }

    /** What a guardrail says when it trips: over the budget, or a rise above the allowed increase. */
    public static List<String> trippedGuardrails(EstimateReport report) {
        List<String> tripped = new java.util.ArrayList<>();
        String currency = report.currency();
        if (report.overBudget()) {
            tripped.add("month-1 total " + Numbers.cents(report.guardedTotal(), currency) + " exceeds the budget of "
                    + Numbers.cents(report.budget(), currency));
        }
        EstimateReport.Baseline baseline = report.baseline();
        if (baseline != null && baseline.tripped()) {
            dev.aicost.pricing.Guardrails.Change change = baseline.change();
            tripped.add("month-1 total rose " + (change.percent() == null ? "from zero"
                    : Numbers.signedPercent(change.percent())) + " against " + baseline.file() + ", above the allowed "
                    + baseline.failAbovePercent().toPlainString() + "%");
        }
        return tripped;
    }
}
