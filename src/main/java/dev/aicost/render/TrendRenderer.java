package dev.aicost.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.aicost.render.Document.In;
import dev.aicost.render.TextTable.Column;
import dev.aicost.render.TextTable.Style;
import dev.aicost.report.UsageReport;
import dev.aicost.usage.TrendAnalysis;
import dev.aicost.usage.UsageAnalysis;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** {@code usage --trend}: the usage report followed by the daily series, the growth, anomalies and the budget. */
public final class TrendRenderer {
    private TrendRenderer() {
    }

    public static String render(UsageReport report, TrendAnalysis.Trend trend, Format format, int width,
            boolean color) {
        return Document.render(format, () -> document(report, trend, width, color), () -> csv(report, trend),
                () -> UsageJson.render(report, g -> json(g, trend)), width, color);
    }

    /** The growth as people say it: {@code +5.0% a month}. */
    static String growth(TrendAnalysis.Growth g) {
        if (g.monthly() == null) {
            return "not fitted (" + g.days() + " day" + (g.days() == 1 ? "" : "s") + " with a cost)";
        }
        BigDecimal percent = BigDecimal.valueOf(g.monthly()).movePointRight(2).setScale(1, RoundingMode.HALF_EVEN);
        return (percent.signum() > 0 ? "+" : "") + percent.toPlainString() + "% a month (R\u00b2 "
                + (g.r2() == null ? "n/a: every day cost the same" : BigDecimal.valueOf(g.r2()).setScale(3,
                        RoundingMode.HALF_EVEN).toPlainString()) + ", fitted on " + g.days() + " days)";
    }

    private static Document document(UsageReport report, TrendAnalysis.Trend trend, int width, boolean color) {
        String cur = report.currency();
        boolean billed = report.result().billing() != null;
        Document doc = UsageRenderer.document(report);
        doc.blank(In.BOTH).heading("Trend: " + (billed ? "billed" : "priced") + " cost per day", In.BOTH)
                .blank(In.MARKDOWN);
        if (trend.days().isEmpty()) {
            return doc.lines(List.of("no days to show"), Style.PLAIN, Document.Markdown.PLAIN, false, In.BOTH);
        }
        TextTable days = new TextTable(List.of(new Column("DATE", false, 9), new Column("CALLS", true, 5),
                new Column("TOKENS", true, 6), new Column("COST", true, 8), new Column("TOP MODEL", false, 3)));
        for (TrendAnalysis.Day day : trend.days()) {
            UsageAnalysis.DailyPoint top = day.parts().stream().filter(p -> p.cost() != null)
                    .max(java.util.Comparator.comparing(UsageAnalysis.DailyPoint::cost)).orElse(null);
            days.row(day.date().toString(), billed ? "—" : Numbers.count(BigDecimal.valueOf(day.calls())),
                    Numbers.count(BigDecimal.valueOf(day.tokens())), Numbers.cents(day.cost(), cur),
                    top == null ? "" : (top.tag() == null ? "" : top.tag() + " / ") + top.model());
        }
        doc.table(days);
        if (trend.days().size() >= 2) {
            BigDecimal xMax = BigDecimal.valueOf(trend.days().size() - 1);
            List<TrendAnalysis.Day> series = trend.days();
            doc.blank(In.TABLE).raw(TerminalChart.render("Cost per day", "days from " + series.get(0).date(), xMax,
                    List.of(new TerminalChart.Series('*', "cost per day", x -> series.get(Math.min(series.size() - 1,
                            x.setScale(0, RoundingMode.HALF_EVEN).intValue())).cost())), List.of(), cur,
                    width > 0 ? Math.min(width, 100) : 80, 10, color), In.TABLE);
        }
        List<String> summary = new ArrayList<>();
        summary.add("growth: " + growth(trend.growth()) + "; least squares on ln(cost per day)");
        if (trend.budget() != null) {
            summary.add("budget " + Numbers.cents(trend.budget(), cur) + " for " + trend.budgetMonth() + ": "
                    + Numbers.cents(trend.monthToDate(), cur) + " spent to " + trend.days().get(trend.days().size() - 1)
                    .date() + "; " + (trend.budgetCrossing() == null ? "not crossed within the month at this trend"
                            : (trend.budgetProjected() ? "projected to cross on " : "crossed on ")
                                    + trend.budgetCrossing()));
        }
        summary.addAll(trend.notes());
        doc.blank(In.BOTH).lines(summary, Style.PLAIN, Document.Markdown.PLAIN, true, In.BOTH);
        if (!trend.anomalies().isEmpty()) {
            TextTable anomalies = new TextTable(List.of(new Column("DATE", false, 9), new Column("COST", true, 8),
                    new Column("7-DAY MEDIAN", true, 5), new Column("THRESHOLD", true, 4),
                    new Column("DRIVEN BY", false, 6), new Column("ITS RISE", true, 3)));
            for (TrendAnalysis.Anomaly a : trend.anomalies()) {
                anomalies.row(Style.WARN, a.date().toString(), Numbers.cents(a.cost(), cur),
                        Numbers.cents(a.median(), cur), Numbers.cents(a.threshold(), cur),
                        a.model() == null ? "" : (a.tag() == null ? "" : a.tag() + " / ") + a.model(),
                        a.modelIncrease() == null ? "" : Numbers.cents(a.modelIncrease(), cur));
            }
            doc.blank(In.BOTH).heading("Anomalies: cost above the 7-day median + 3 MAD", In.BOTH).blank(In.MARKDOWN)
                    .table(anomalies);
        }
        return doc;
    }

    /** One row per day and model (and tag), then one total row per day with model {@code (all)}. */
    static String csv(UsageReport report, TrendAnalysis.Trend trend) {
        Csv csv = new Csv("date", "tag", "model", "calls", "tokens", "cost", "anomaly");
        java.util.Set<java.time.LocalDate> anomalous = new java.util.HashSet<>();
        trend.anomalies().forEach(a -> anomalous.add(a.date()));
        for (TrendAnalysis.Day day : trend.days()) {
            for (UsageAnalysis.DailyPoint p : day.parts()) {
                csv.row(day.date(), p.tag() == null ? "" : p.tag(), p.model(), p.calls(), p.tokens(),
                        p.cost() == null ? "" : Numbers.money6(p.cost()), "");
            }
            csv.row(day.date(), "", "(all)", day.calls(), day.tokens(), Numbers.money6(day.cost()),
                    anomalous.contains(day.date()) ? "yes" : "no");
        }
        return csv.toString();
    }

    private static void json(JsonGenerator g, TrendAnalysis.Trend trend) throws IOException {
        g.writeObjectFieldStart("trend");
        g.writeArrayFieldStart("daily");
        for (TrendAnalysis.Day day : trend.days()) {
            g.writeStartObject();
            g.writeStringField("date", day.date().toString());
            g.writeNumberField("calls", day.calls());
            g.writeNumberField("tokens", day.tokens());
            g.writeStringField("cost", Numbers.money6(day.cost()));
            g.writeArrayFieldStart("models");
            for (UsageAnalysis.DailyPoint p : day.parts()) {
                g.writeStartObject();
                g.writeStringField("model", p.model());
                if (p.tag() != null) {
                    g.writeStringField("tag", p.tag());
                }
                g.writeNumberField("calls", p.calls());
                g.writeNumberField("tokens", p.tokens());
                JsonText.money(g, "cost", p.cost());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        TrendAnalysis.Growth growth = trend.growth();
        if (growth.monthly() == null) {
            g.writeNullField("growth_monthly");
            g.writeNullField("r2");
        } else {
            g.writeNumberField("growth_monthly", BigDecimal.valueOf(growth.monthly()).setScale(6, RoundingMode.HALF_EVEN));
            if (growth.r2() == null) {
                g.writeNullField("r2");
            } else {
                g.writeNumberField("r2", BigDecimal.valueOf(growth.r2()).setScale(6, RoundingMode.HALF_EVEN));
            }
        }
        g.writeNumberField("days", growth.days());
        g.writeArrayFieldStart("anomalies");
        for (TrendAnalysis.Anomaly a : trend.anomalies()) {
            g.writeStartObject();
            g.writeStringField("date", a.date().toString());
            g.writeStringField("cost", Numbers.money6(a.cost()));
            g.writeStringField("median_7_days", Numbers.money6(a.median()));
            g.writeStringField("threshold", Numbers.money6(a.threshold()));
            g.writeStringField("model", a.model());
            if (a.tag() != null) {
                g.writeStringField("tag", a.tag());
            }
            if (a.modelIncrease() != null) {
                g.writeStringField("model_increase", Numbers.money6(a.modelIncrease()));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (trend.budget() != null) {
            g.writeStringField("budget", Numbers.money6(trend.budget()));
            g.writeStringField("budget_month", trend.budgetMonth().toString());
            g.writeStringField("month_to_date", Numbers.money6(trend.monthToDate()));
            if (trend.budgetCrossing() == null) {
                g.writeNullField("budget_crossing_date");
            } else {
                g.writeStringField("budget_crossing_date", trend.budgetCrossing().toString());
            }
            g.writeBooleanField("budget_crossing_projected", trend.budgetProjected());
        }
        JsonText.strings(g, "notes", trend.notes());
        g.writeEndObject();
    }
}
