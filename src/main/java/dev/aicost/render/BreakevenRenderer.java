package dev.aicost.render;

import dev.aicost.breakeven.Breakeven;
import dev.aicost.breakeven.CallShape;
import dev.aicost.breakeven.ProfileSizing;
import dev.aicost.breakeven.TermBreakeven;
import dev.aicost.report.BreakevenReport;
import dev.aicost.render.TextTable.Column;
import dev.aicost.render.Document.In;
import dev.aicost.render.TextTable.Style;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Renders a break-even report as terminal text (with a chart), markdown or CSV (the cost curve). */
public final class BreakevenRenderer {
    private static final int CURVE_ROWS = 14;

    private BreakevenRenderer() {
    }

    public static String render(BreakevenReport report, Format format, int width, boolean color, boolean chart) {
        return Document.render(format, () -> document(report, format == Format.TABLE && chart
                ? BreakevenCharts.terminal(report.breakeven(), width > 0 ? Math.min(width, 120) : 80, color) : null),
                () -> csv(report.breakeven()), () -> BreakevenJson.render(report), width, color);
    }

    /**
     * The call shape, the break-even per term with its verdicts, the cost curve (and, in the
     * terminal, {@code chart} when given), the sensitivities, the sizing from a profile, the warnings.
     */
    static Document document(BreakevenReport report, String chart) {
        Breakeven b = report.breakeven();
        Document doc = new Document(title(b), title(b), true).blank(In.MARKDOWN)
                .lines(summary(b), Style.PLAIN, Document.Markdown.BULLETS, true, In.BOTH)
                .blank(In.BOTH).heading("Break-even", In.MARKDOWN).blank(In.MARKDOWN)
                .table(terms(b)).blank(In.MARKDOWN)
                .lines(verdicts(b), Style.PLAIN, Document.Markdown.PARAGRAPHS, true, In.BOTH)
                .blank(In.TABLE).heading("Monthly cost by volume", In.BOTH).blank(In.MARKDOWN).table(curve(b));
        if (chart != null) {
            doc.blank(In.TABLE).raw(chart, In.TABLE);
        }
        doc.blank(In.BOTH).heading("Sensitivity: break-even utilization", In.BOTH).blank(In.MARKDOWN)
                .table(sensitivity(b, "output_ratio", "OUTPUT/INPUT"));
        TextTable hitRates = sensitivity(b, "cache_hit_rate", "CACHE HIT RATE");
        if (hitRates != null) {
            doc.blank(In.BOTH).table(hitRates);
            if (!b.shape().cached()) {
                doc.lines(List.of("(hit rates assume half of the input is a cacheable prefix)"), Style.PLAIN,
                        Document.Markdown.PLAIN, false, In.TABLE);
            }
        }
        for (ProfileSizing sizing : b.sizing()) {
            doc.blank(In.BOTH).heading("Sizing from " + report.profileFile() + " (" + sizing.term() + ")", In.BOTH)
                    .blank(In.MARKDOWN)
                    .lines(sizingSummary(report, sizing), Style.PLAIN, Document.Markdown.BULLETS, true, In.BOTH)
                    .blank(In.MARKDOWN).table(sizing(b, sizing));
        }
        if (!report.warnings().isEmpty()) {
            doc.blank(In.BOTH).heading("Warnings", In.MARKDOWN).blank(In.MARKDOWN)
                    .lines(report.warnings().stream().map(w -> "warning: " + w).toList(), Style.WARN,
                            Document.Markdown.BULLETS, true, In.TABLE)
                    .lines(report.warnings(), Style.PLAIN, Document.Markdown.BULLETS, true, In.MARKDOWN);
        }
        return doc;
    }

    /** The whole cost curve: one row per volume. */
    static String csv(Breakeven b) {
        List<String> header = new ArrayList<>(List.of("tokens_per_month", "on_demand", "batch"));
        for (TermBreakeven term : b.terms()) {
            header.add("provisioned_" + term.term());
        }
        header.add("model_units");
        Csv csv = new Csv(header);
        for (Breakeven.CurvePoint point : b.curve()) {
            List<Object> row = new ArrayList<>(List.of(Numbers.quantity(point.tokens()).toPlainString(),
                    Numbers.money6(point.onDemand()), point.batch() == null ? "" : Numbers.money6(point.batch())));
            for (BigDecimal cost : point.provisioned()) {
                row.add(Numbers.money6(cost));
            }
            row.add(point.modelUnits());
            csv.row(row.toArray());
        }
        return csv.toString();
    }

    static String title(Breakeven b) {
        return "aicost breakeven · " + b.model() + " · " + b.ratecard() + " · "
                + b.hoursPerMonth().stripTrailingZeros().toPlainString() + " h/month";
    }

    static String shape(CallShape shape) {
        String cache = shape.cached() ? " (" + Numbers.count(shape.prefixTokens()) + " cached prefix, "
                + Numbers.percentOf(shape.hitRate()) + " hits)" : "";
        return Numbers.count(shape.inputTokens()) + " input" + cache + " + " + Numbers.count(shape.outputTokens())
                + " output tokens per call";
    }

    private static List<String> summary(Breakeven b) {
        String cur = b.currency();
        List<String> lines = new ArrayList<>();
        lines.add("Call shape: " + shape(b.shape()));
        lines.add("On-demand: " + Numbers.rate(b.onDemandPerCall().setScale(8, RoundingMode.HALF_EVEN), cur)
                + " per call = " + perMillion(b.onDemandPerToken(), cur) + " per 1M tokens"
                + (b.batchPerToken() == null ? "; no batch price" : "; batch " + perMillion(b.batchPerToken(), cur)
                        + " per 1M tokens"));
        BigDecimal capacity = b.terms().get(0).unitMonthlyCapacity();
        lines.add("One model unit: " + Numbers.count(b.modelUnitTpm()) + " tokens/min"
                + (b.tpmAssumed() ? " (an assumption: measure it)" : "") + " = " + Numbers.count(capacity)
                + " tokens/month");
        return lines;
    }

    private static TextTable terms(Breakeven b) {
        String cur = b.currency();
        TextTable table = new TextTable(List.of(new Column("TERM", false, 9), new Column("PER UNIT-HOUR", true, 4),
                new Column("UNIT/MONTH", true, 6), new Column("BREAK-EVEN UTILIZATION", true, 8),
                new Column("BREAK-EVEN TOKENS/MONTH", true, 7), new Column("VERDICT", false, 5)));
        for (TermBreakeven term : b.terms()) {
            table.row(term.neverWins() ? Style.WARN : Style.PLAIN, term.term(), Numbers.rate(term.hourly(), cur),
                    Numbers.cents(term.unitMonthlyCost(), cur), Numbers.percent(term.utilization()),
                    Numbers.count(term.tokensPerMonth()), term.neverWins() ? "never wins" : "wins above");
        }
        return table;
    }

    private static List<String> verdicts(Breakeven b) {
        List<String> lines = new ArrayList<>();
        for (TermBreakeven term : b.terms()) {
            if (term.neverWins()) {
                lines.add(term.term() + ": provisioned throughput never beats on-demand for this shape: one model "
                        + "unit would have to run at " + Numbers.percent(term.utilization())
                        + " of its capacity to break even.");
            } else {
                lines.add(term.term() + ": provisioned throughput beats on-demand above "
                        + Numbers.percent(term.utilization()) + " sustained utilization of a unit, i.e. above "
                        + Numbers.human(term.tokensPerMonth()) + " tokens a month per unit.");
            }
        }
        return lines;
    }

    private static TextTable curve(Breakeven b) {
        String cur = b.currency();
        List<Column> columns = new ArrayList<>(List.of(new Column("TOKENS/MONTH", true, 9),
                new Column("UNITS", true, 3), new Column("ON-DEMAND", true, 8), new Column("BATCH", true, 5)));
        for (TermBreakeven term : b.terms()) {
            columns.add(new Column("PROVISIONED " + term.term(), true, 7));
        }
        TextTable table = new TextTable(columns);
        for (Breakeven.CurvePoint point : curveRows(b)) {
            boolean breakeven = b.terms().stream().anyMatch(t -> t.tokensPerMonth().compareTo(point.tokens()) == 0);
            List<String> cells = new ArrayList<>(List.of(Numbers.count(point.tokens()),
                    String.valueOf(point.modelUnits()), Numbers.cents(point.onDemand(), cur),
                    point.batch() == null ? "n/a" : Numbers.cents(point.batch(), cur)));
            for (BigDecimal cost : point.provisioned()) {
                cells.add(Numbers.cents(cost, cur));
            }
            table.row(breakeven ? Style.STRONG : Style.PLAIN, cells.toArray(String[]::new));
        }
        return table;
    }

    /** Unit boundaries (thinned to about {@value #CURVE_ROWS} rows) and the break-even volumes. */
    static List<Breakeven.CurvePoint> curveRows(Breakeven b) {
        BigDecimal capacity = b.terms().get(0).unitMonthlyCapacity();
        List<Breakeven.CurvePoint> boundaries = new ArrayList<>();
        for (Breakeven.CurvePoint point : b.curve()) {
            if (point.tokens().remainder(capacity).signum() == 0) {
                boundaries.add(point);
            }
        }
        int every = Math.max(1, (boundaries.size() + CURVE_ROWS - 1) / CURVE_ROWS);
        List<Breakeven.CurvePoint> rows = new ArrayList<>();
        for (Breakeven.CurvePoint point : b.curve()) {
            boolean breakeven = b.terms().stream().anyMatch(t -> t.tokensPerMonth().compareTo(point.tokens()) == 0);
            int index = boundaries.indexOf(point);
            if (breakeven || (index >= 0 && (index % every == 0 || index == boundaries.size() - 1))) {
                rows.add(point);
            }
        }
        return rows;
    }

    private static TextTable sensitivity(Breakeven b, String variable, String header) {
        List<Breakeven.Sensitivity> rows = b.sensitivity().stream().filter(s -> s.variable().equals(variable)).toList();
        if (rows.isEmpty()) {
            return null;
        }
        List<Column> columns = new ArrayList<>(List.of(new Column(header, true, 9)));
        for (TermBreakeven term : b.terms()) {
            columns.add(new Column(term.term(), true, 8));
        }
        TextTable table = new TextTable(columns);
        for (Breakeven.Sensitivity row : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(variable.equals("cache_hit_rate") ? Numbers.percentOf(row.value())
                    : row.value().stripTrailingZeros().toPlainString());
            for (BigDecimal utilization : row.utilization()) {
                cells.add(Numbers.percent(utilization) + (utilization.compareTo(BigDecimal.ONE) > 0 ? " never" : ""));
            }
            table.row(cells.toArray(String[]::new));
        }
        return table;
    }

    private static List<String> sizingSummary(BreakevenReport report, ProfileSizing sizing) {
        ProfileSizing.Percentiles p = sizing.percentiles();
        List<String> lines = new ArrayList<>();
        lines.add(sizing.hours() + " hours (" + report.profileRows() + " rows, " + report.filledHours()
                + " missing hours counted as zero); tokens per hour: P50 " + Numbers.count(p.p50()) + ", P75 "
                + Numbers.count(p.p75()) + ", P95 " + Numbers.count(p.p95()) + ", max " + Numbers.count(p.max()));
        lines.add("One model unit serves " + Numbers.count(sizing.unitHourlyCapacity()) + " tokens an hour; "
                + "recommended: " + sizing.recommended() + " unit(s)");
        return lines;
    }

    private static TextTable sizing(Breakeven b, ProfileSizing sizing) {
        String cur = b.currency();
        TextTable table = new TextTable(List.of(new Column("UNITS", true, 9), new Column("PROVISIONED", true, 6),
                new Column("SPILL ON-DEMAND", true, 6), new Column("TOTAL/MONTH", true, 9),
                new Column("UTILIZATION", true, 5), new Column("", false, 8)));
        for (ProfileSizing.Option option : sizing.options()) {
            List<String> labels = new ArrayList<>();
            if (option.units() == sizing.recommended()) {
                labels.add("recommended");
            }
            if (option.units() == 0) {
                labels.add("all on-demand");
            }
            if (option.units() == sizing.coverP50()) {
                labels.add("covers P50");
            }
            if (option.units() == sizing.coverP95()) {
                labels.add("covers P95");
            }
            table.row(option.units() == sizing.recommended() ? Style.STRONG : Style.PLAIN,
                    String.valueOf(option.units()), Numbers.cents(option.provisionedCost(), cur),
                    Numbers.cents(option.spillCost(), cur), Numbers.cents(option.total(), cur),
                    option.utilization() == null ? "" : Numbers.percent(option.utilization()),
                    String.join(", ", labels));
        }
        return table;
    }

    static String perMillion(BigDecimal perToken, String cur) {
        return Numbers.rate(perToken.movePointRight(6).round(new MathContext(4)).stripTrailingZeros(), cur);
    }
}
