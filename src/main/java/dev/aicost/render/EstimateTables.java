package dev.aicost.render;

import dev.aicost.pricing.Comparison;
import dev.aicost.pricing.Estimate;
import dev.aicost.pricing.Guardrails;
import dev.aicost.pricing.LineItem;
import dev.aicost.pricing.ReportLine;
import dev.aicost.pricing.WorkloadMonth;
import dev.aicost.report.EstimateReport;
import dev.aicost.render.TextTable.Column;
import dev.aicost.render.TextTable.Style;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The tables of an estimate report, shared by the terminal and markdown renderers. */
final class EstimateTables {
    private EstimateTables() {
    }

    static TextTable costs(EstimateReport report) {
        String cur = report.currency();
        TextTable table = new TextTable(List.of(new Column("ITEM", false, 9), new Column("MODE", false, 5),
                new Column("QUANTITY", true, 6), new Column("UNIT", false, 3), new Column("RATE", true, 4),
                new Column("COST", true, 10)));
        Estimate estimate = report.estimate();
        for (int i = 0; i < estimate.workloads().size(); i++) {
            WorkloadMonth month = estimate.workloads().get(i);
            var input = month.input();
            table.span(Style.STRONG, input.workload().name() + " · " + input.model().id() + " · " + input.card().id());
            for (LineItem line : month.lines()) {
                table.row("  " + line.component(), line.mode() == null ? "" : line.mode().key(),
                        Numbers.count(line.quantity()), line.unit(), rate(line.rate(), line.rateUnit(), cur),
                        Numbers.cents(line.cost(), cur));
            }
            table.total(Style.STRONG, "  subtotal", Numbers.cents(month.monthlyCost(), cur));
            if (!input.workload().ranges().isEmpty()) {
                table.total(Style.DIM, "  range (" + String.join(", ", input.workload().ranges().keySet()) + ")",
                        range(estimate.ranges().get(i), cur));
            }
            for (LineItem line : month.oneTime()) {
                table.row(Style.DIM, "  " + line.component() + " (one-time)", "", Numbers.count(line.quantity()),
                        line.unit(), rate(line.rate(), line.rateUnit(), cur), Numbers.cents(line.cost(), cur));
            }
            table.span(Style.DIM, "  " + unitEconomics(month, cur));
            table.blank();
        }
        for (ReportLine line : estimate.reportLines()) {
            table.span(Style.STRONG, "report · " + line.ratecard());
            table.row("  " + line.component(), "", Numbers.count(line.quantity()), line.unit(),
                    rate(line.rate(), line.rateUnit(), cur), Numbers.cents(line.cost(), cur));
        }
        table.rule();
        table.total(Style.STRONG, "Monthly total (month 1)", Numbers.cents(estimate.monthlyTotal(), cur));
        if (estimate.hasRanges()) {
            table.total(Style.PLAIN, "Range, low to high ends (month 1)", range(estimate.totalRange(), cur));
        }
        if (estimate.oneTimeTotal().signum() != 0) {
            table.total(Style.PLAIN, "One-time costs (not in monthly totals)",
                    Numbers.cents(estimate.oneTimeTotal(), cur));
        }
        table.total(Style.STRONG, report.months() + "-month total (monthly costs only)",
                Numbers.cents(estimate.horizonTotal(), cur));
        if (report.discount() != null) {
            String pct = Numbers.percentOf(report.discount());
            table.total(Style.PLAIN, "Net after " + pct + " discount (month 1)",
                    Numbers.cents(Guardrails.net(estimate.monthlyTotal(), report.discount()), cur));
            table.total(Style.PLAIN, "Net after " + pct + " discount (" + report.months() + " months)",
                    Numbers.cents(Guardrails.net(estimate.horizonTotal(), report.discount()), cur));
        }
        return table;
    }

    static TextTable forecast(EstimateReport report) {
        String cur = report.currency();
        TextTable table = new TextTable(List.of(new Column("MONTH", true, 3), new Column("TOTAL", true, 3),
                new Column("CUMULATIVE", true, 2)));
        BigDecimal cumulative = BigDecimal.ZERO;
        for (Estimate.MonthTotal month : report.estimate().forecast()) {
            cumulative = cumulative.add(month.total());
            table.row(String.valueOf(month.month()), Numbers.cents(month.total(), cur), Numbers.cents(cumulative, cur));
        }
        return table;
    }

    static TextTable comparison(EstimateReport report) {
        String cur = report.currency();
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("WORKLOAD (month 1)", false, 9));
        String primary = report.estimate().workloads().stream().map(m -> m.input().card().id()).distinct()
                .reduce((a, b) -> "spec cards").orElse("spec");
        columns.add(new Column(primary, true, 8));
        for (Comparison comparison : report.comparisons()) {
            columns.add(new Column(comparison.ratecard(), true, 7));
        }
        TextTable table = new TextTable(columns);
        List<WorkloadMonth> months = report.estimate().workloads();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            List<String> cells = new ArrayList<>();
            cells.add(months.get(i).input().workload().name());
            cells.add(Numbers.cents(months.get(i).monthlyCost(), cur));
            for (Comparison comparison : report.comparisons()) {
                Comparison.Row row = comparison.rows().get(i);
                String mark = "";
                if (row.note() != null) {
                    String note = comparison.ratecard() + ": " + row.note();
                    if (!notes.contains(note)) {
                        notes.add(note);
                    }
                    mark = " [" + (notes.indexOf(note) + 1) + "]";
                }
                cells.add((row.monthlyCost() == null ? "n/a" : Numbers.cents(row.monthlyCost(), cur)) + mark);
            }
            table.row(cells.toArray(String[]::new));
        }
        List<String> reportCells = new ArrayList<>();
        reportCells.add("egress free tier");
        BigDecimal primaryCredit = sum(report.estimate().reportLines());
        reportCells.add(Numbers.cents(primaryCredit, cur));
        boolean anyCredit = primaryCredit.signum() != 0;
        for (Comparison comparison : report.comparisons()) {
            BigDecimal credit = sum(comparison.reportLines());
            anyCredit |= credit.signum() != 0;
            reportCells.add(Numbers.cents(credit, cur));
        }
        if (anyCredit) {
            table.row(reportCells.toArray(String[]::new));
        }
        table.rule();
        List<String> totals = new ArrayList<>();
        totals.add("Monthly total");
        totals.add(Numbers.cents(report.estimate().monthlyTotal(), cur));
        List<String> versus = new ArrayList<>();
        versus.add("vs " + primary);
        versus.add("");
        for (Comparison comparison : report.comparisons()) {
            boolean nonePriced = comparison.rows().stream().allMatch(r -> r.monthlyCost() == null);
            totals.add(nonePriced ? "n/a" : Numbers.cents(comparison.monthlyTotal(), cur)
                    + (comparison.complete() ? "" : " (partial)"));
            versus.add(comparison.complete() && report.estimate().monthlyTotal().signum() != 0
                    ? Numbers.signedPercent(Guardrails.change(report.estimate().monthlyTotal(),
                            comparison.monthlyTotal()).percent())
                    : "n/a");
        }
        table.row(Style.STRONG, totals.toArray(String[]::new));
        table.row(versus.toArray(String[]::new));
        for (int i = 0; i < notes.size(); i++) {
            table.span(Style.DIM, "[" + (i + 1) + "] " + notes.get(i));
        }
        return table;
    }

    /** The guardrail and warning lines under the tables. */
    static List<TextLine> footer(EstimateReport report) {
        String cur = report.currency();
        List<TextLine> lines = new ArrayList<>();
        if (report.baseline() != null) {
            EstimateReport.Baseline baseline = report.baseline();
            Guardrails.Change change = baseline.change();
            String pct = change.percent() == null ? "from zero" : Numbers.signedPercent(change.percent());
            String text = "Baseline " + baseline.file() + ": " + Numbers.cents(change.previous(), cur) + " -> "
                    + Numbers.cents(change.current(), cur) + " (" + pct + ")";
            if (baseline.failAbovePercent() != null) {
                text += baseline.tripped() ? "  INCREASE ABOVE " + baseline.failAbovePercent().toPlainString() + "%"
                        : "  within +" + baseline.failAbovePercent().toPlainString() + "%";
            }
            lines.add(new TextLine(text, baseline.tripped() ? Style.WARN : Style.PLAIN));
        }
        if (report.budget() != null) {
            String text = "Budget " + Numbers.cents(report.budget(), cur) + " for month 1"
                    + (report.discount() != null ? " (net)" : "") + ": "
                    + Numbers.cents(report.guardedTotal(), cur)
                    + (report.overBudget() ? "  OVER BUDGET by " + Numbers.cents(
                            report.guardedTotal().subtract(report.budget()), cur) : "  within budget");
            lines.add(new TextLine(text, report.overBudget() ? Style.WARN : Style.PLAIN));
            if (report.highEndOverBudget()) {
                lines.add(new TextLine("warning: the high end of the range, " + Numbers.cents(report.guardedHigh(), cur)
                        + (report.discount() != null ? " (net)" : "") + ", exceeds the budget of "
                        + Numbers.cents(report.budget(), cur) + "; the expected total is within it", Style.WARN));
            }
        }
        for (String warning : report.warnings()) {
            lines.add(new TextLine("warning: " + warning, Style.WARN));
        }
        return lines;
    }

    /** A line of text with its emphasis. */
    record TextLine(String text, Style style) {
    }

    static String title(EstimateReport report) {
        return "aicost estimate · " + report.spec() + " · " + report.currency() + " · "
                + report.hoursPerMonth().stripTrailingZeros().toPlainString() + " h/month · month 1 of "
                + report.months();
    }

    private static String unitEconomics(WorkloadMonth month, String cur) {
        String requests = Numbers.count(month.requests()) + " requests/month";
        BigDecimal perRequests = month.costPer1kRequests();
        BigDecimal perTokens = month.costPer1mTokens();
        return requests + " · " + (perRequests == null ? "n/a" : Numbers.rate(perRequests.setScale(4,
                java.math.RoundingMode.HALF_EVEN), cur)) + " per 1K requests · "
                + (perTokens == null ? "n/a" : Numbers.rate(perTokens.setScale(4, java.math.RoundingMode.HALF_EVEN),
                        cur)) + " per 1M tokens";
    }

    private static String range(Estimate.CostRange range, String cur) {
        return Numbers.cents(range.low(), cur) + " to " + Numbers.cents(range.high(), cur);
    }

    private static String rate(BigDecimal rate, String rateUnit, String cur) {
        return Numbers.rate(rate, cur) + " " + rateUnit.replace("per ", "/").replace("model-unit hour", "MU-h")
                .replace(" tokens", " tok").replace("1K text units", "1K units");
    }

    private static BigDecimal sum(List<ReportLine> lines) {
        BigDecimal total = BigDecimal.ZERO;
        for (ReportLine line : lines) {
            total = total.add(line.cost());
        }
        return total;
    }
}
