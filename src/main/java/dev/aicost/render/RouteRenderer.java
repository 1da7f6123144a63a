package dev.aicost.render;

import dev.aicost.report.RouteReport;
import dev.aicost.routing.Routing;
import dev.aicost.render.TextTable.Column;
import dev.aicost.render.Document.In;
import dev.aicost.render.TextTable.Style;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders a routing report as a terminal table, markdown, CSV or JSON. */
public final class RouteRenderer {
    private RouteRenderer() {
    }

    public static String render(RouteReport report, Format format, int width, boolean color) {
        return Document.render(format, () -> document(report), () -> csv(report), () -> RouteJson.render(report),
                width, color);
    }

    /** The routing table, its notes, the same routing on other cards, and the warnings. */
    static Document document(RouteReport report) {
        Document doc = new Document(title(report), title(report), true).blank(In.BOTH)
                .table(classes(report.routing())).blank(In.MARKDOWN)
                .lines(notes(report), Style.PLAIN, Document.Markdown.BULLETS, true, In.BOTH);
        if (!report.comparisons().isEmpty()) {
            doc.blank(In.BOTH).heading("The same routing on other cards", In.BOTH).blank(In.MARKDOWN)
                    .table(comparison(report));
        }
        return doc.lines(report.warnings().stream().map(w -> "warning: " + w).toList(), Style.WARN,
                Document.Markdown.QUOTES, false, In.BOTH);
    }

    static String csv(RouteReport report) {
        Csv csv = new Csv("ratecard", "class", "share", "min_tier", "model", "tier", "cost_per_request", "requests",
                "monthly_cost", "flag", "baseline_model", "baseline_cost_per_request", "baseline_monthly_cost");
        csvRows(csv, report.routing());
        for (RouteReport.Compared compared : report.comparisons()) {
            if (compared.routing() != null) {
                csvRows(csv, compared.routing());
            }
        }
        return csv.toString();
    }

    private static void csvRows(Csv csv, Routing r) {
        for (Routing.Assignment a : r.assignments()) {
            csv.row(r.ratecard(), a.routeClass().name(), a.routeClass().share().toPlainString(),
                    String.valueOf(a.routeClass().minTier()), a.model() == null ? "" : a.model().id(),
                    a.model() == null ? "" : String.valueOf(a.model().tier()),
                    a.costPerRequest() == null ? "" : Numbers.money6(a.costPerRequest()),
                    Numbers.quantity(a.requests()).toPlainString(), Numbers.money6(a.monthlyCost()), a.flag().key(),
                    r.baseline().id(), Numbers.money6(a.baselineCostPerRequest()),
                    Numbers.money6(a.baselineMonthlyCost()));
        }
    }

    static String title(RouteReport report) {
        Routing r = report.routing();
        return "aicost route · " + report.spec() + " · " + r.ratecard() + " · " + Numbers.count(r.requestsPerMonth())
                + " requests/month · " + r.currency();
    }

    private static TextTable classes(Routing r) {
        String cur = r.currency();
        TextTable table = new TextTable(List.of(new Column("CLASS", false, 9), new Column("SHARE", true, 6),
                new Column("MIN TIER", true, 4), new Column("MODEL", false, 8), new Column("TIER", true, 3),
                new Column("PER REQUEST", true, 5), new Column("MONTHLY", true, 10),
                new Column("BASELINE", true, 7), new Column("FLAG", false, 8)));
        for (Routing.Assignment a : r.assignments()) {
            Style style = a.flag() == Routing.Flag.ROUTED ? Style.PLAIN : Style.WARN;
            table.row(style, a.routeClass().name(), Numbers.percent(a.routeClass().share()),
                    String.valueOf(a.routeClass().minTier()), a.model() == null ? "(rejected)" : a.model().id(),
                    a.model() == null ? "" : String.valueOf(a.model().tier()),
                    a.costPerRequest() == null ? "" : perRequest(a.costPerRequest(), cur),
                    Numbers.cents(a.monthlyCost(), cur), Numbers.cents(a.baselineMonthlyCost(), cur), a.flag().key());
        }
        table.rule();
        table.total(Style.PLAIN, "Baseline: every request on " + r.baseline().id(),
                Numbers.cents(r.baselineMonthlyCost(), cur));
        table.total(Style.STRONG, "Routed", Numbers.cents(r.routedMonthlyCost(), cur));
        table.total(Style.STRONG, "Savings" + (r.savingsPercent() == null ? ""
                : " (" + r.savingsPercent().setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%)"),
                Numbers.cents(r.savings(), cur));
        return table;
    }

    private static List<String> notes(RouteReport report) {
        Routing r = report.routing();
        List<String> lines = new ArrayList<>();
        List<String> mix = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> entry : r.mix().entrySet()) {
            mix.add(entry.getKey() + " " + Numbers.percent(entry.getValue()));
        }
        lines.add("Model mix (share of requests): " + String.join(" · ", mix));
        if (report.routeSpec().maxCostPerRequest() != null) {
            lines.add("Ceiling: " + Numbers.rate(report.routeSpec().maxCostPerRequest(), r.currency())
                    + " per request, over it: " + report.routeSpec().overCeiling().name().toLowerCase(java.util.Locale.ROOT));
        }
        for (Routing.Assignment a : r.assignments()) {
            if (a.flag() == Routing.Flag.DOWNGRADED) {
                lines.add(a.routeClass().name() + ": downgraded from " + a.cheapestSufficient().id() + " (tier "
                        + a.cheapestSufficient().tier() + ") to " + a.model().id() + " (tier " + a.model().tier()
                        + ") to stay under the ceiling");
            } else if (a.flag() == Routing.Flag.REJECTED) {
                lines.add(a.routeClass().name() + ": rejected (its cheapest sufficient model, "
                        + a.cheapestSufficient().id() + ", is over the ceiling); " + Numbers.count(a.requests())
                        + " requests a month are not served and cost nothing here");
            }
        }
        if (r.rejectedRequests().signum() > 0) {
            lines.add("Rejected requests: " + Numbers.count(r.rejectedRequests()) + " a month");
        }
        return lines;
    }

    private static TextTable comparison(RouteReport report) {
        String cur = report.routing().currency();
        TextTable table = new TextTable(List.of(new Column("RATE CARD", false, 9), new Column("BASELINE", true, 7),
                new Column("ROUTED", true, 8), new Column("SAVINGS", true, 6), new Column("SAVINGS %", true, 7)));
        Routing primary = report.routing();
        table.row(Style.STRONG, primary.ratecard(), Numbers.cents(primary.baselineMonthlyCost(), cur),
                Numbers.cents(primary.routedMonthlyCost(), cur), Numbers.cents(primary.savings(), cur),
                percent(primary.savingsPercent()));
        List<String> notes = new ArrayList<>();
        for (RouteReport.Compared compared : report.comparisons()) {
            Routing r = compared.routing();
            String mark = "";
            if (compared.note() != null) {
                notes.add(compared.ratecard() + ": " + compared.note());
                mark = " [" + notes.size() + "]";
            }
            if (r == null) {
                table.row(compared.ratecard() + mark, "n/a", "n/a", "", "");
            } else {
                table.row(compared.ratecard() + mark, Numbers.cents(r.baselineMonthlyCost(), cur),
                        Numbers.cents(r.routedMonthlyCost(), cur), Numbers.cents(r.savings(), cur),
                        percent(r.savingsPercent()));
            }
        }
        for (int i = 0; i < notes.size(); i++) {
            table.span(Style.DIM, "[" + (i + 1) + "] " + notes.get(i));
        }
        return table;
    }

    private static String percent(BigDecimal value) {
        return value == null ? "n/a" : value.setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    static String perRequest(BigDecimal cost, String cur) {
        return Numbers.rate(cost.round(new java.math.MathContext(4)).stripTrailingZeros(), cur);
    }
}
