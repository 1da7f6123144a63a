package dev.aicost.render;

import dev.aicost.edp.EdpAdvice;
import dev.aicost.edp.EdpResult;
import dev.aicost.edp.SupportPlan;
import dev.aicost.report.EdpReport;
import dev.aicost.render.Document.In;
import dev.aicost.render.TextTable.Column;
import dev.aicost.render.TextTable.Style;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Renders an EDP report: scenarios side by side, year by year, a markdown negotiation sheet, CSV and JSON. */
public final class EdpRenderer {
    private EdpRenderer() {
    }

    public static String render(EdpReport report, Format format, int width, boolean color) {
        return Document.render(format, () -> document(report), () -> csv(report), () -> EdpJson.render(report),
                width, color);
    }

    /**
     * Scenarios side by side and year by year, the recommendation and the risks; in markdown, the
     * negotiation sheet around them (assumptions, the commit gap, what a point of discount is worth).
     */
    static Document document(EdpReport report) {
        String cur = report.currency();
        Document doc = new Document("aicost edp · " + report.spec() + " · " + cur, "EDP negotiation sheet", false)
                .blank(In.BOTH)
                .lines(List.of("Prepared with `aicost edp " + report.spec() + "`. All figures in " + cur
                        + ", per contract year, computed from the list-price forecast below."), Style.PLAIN,
                        Document.Markdown.PARAGRAPHS, false, In.MARKDOWN);
        TextTable forecast = new TextTable(List.of(new Column("YEAR", true, 1), new Column("ORGANIC (LIST)", true, 1),
                new Column("AI (LIST)", true, 1), new Column("TOTAL (LIST)", true, 1)));
        for (int y = 0; y < report.inputs().organic().size(); y++) {
            BigDecimal organic = report.inputs().organic().get(y);
            BigDecimal ai = report.inputs().ai().get(y);
            forecast.row(String.valueOf(y + 1), Numbers.cents(organic, cur), Numbers.cents(ai, cur),
                    Numbers.cents(organic.add(ai), cur));
        }
        List<String> assumptions = new ArrayList<>();
        assumptions.add("AI spend: " + (report.aiFrom() == null ? "as forecast in the spec"
                : "month-1 total of `" + report.aiFrom() + "` x 12 for each year") + ".");
        assumptions.add("Commitments are measured on net (post-discount) spend; a shortfall is paid at no discount.");
        assumptions.add("Support under the EDP: " + plan(report.inputs().support()) + "; without the EDP: "
                + plan(report.inputs().baselineSupport()) + ". Support fees are computed on list spend before any "
                + "discount.");
        if (report.inputs().uncertainty() != null) {
            assumptions.add("Yearly net spend is uncertain: normal with a standard deviation of "
                    + Numbers.percentOf(report.inputs().uncertainty())
                    + " of the expected value; shortfall probabilities follow from it.");
        }
        doc.heading("Assumptions", In.MARKDOWN).blank(In.MARKDOWN).table(forecast, In.MARKDOWN).blank(In.MARKDOWN)
                .lines(assumptions, Style.PLAIN, Document.Markdown.BULLETS, false, In.MARKDOWN)
                .blank(In.MARKDOWN).heading("Scenarios", In.MARKDOWN).blank(In.MARKDOWN).table(sideBySide(report));
        for (EdpResult result : report.results()) {
            String heading = result.scenario().name() + " year by year";
            doc.blank(In.BOTH).heading(heading, "### " + heading, In.BOTH).blank(In.MARKDOWN)
                    .table(years(report, result));
        }
        List<String> absorbed = new ArrayList<>();
        for (EdpResult result : report.results()) {
            absorbed.add(result.scenario().name() + ": " + Numbers.cents(result.totals().aiAbsorbed(), cur) + " of "
                    + Numbers.cents(result.totals().aiNet(), cur) + " net AI spend absorbed, "
                    + Numbers.cents(result.totals().incrementalAiCost(), cur) + " incremental.");
        }
        doc.blank(In.MARKDOWN).heading("AI spend and the commit gap", In.MARKDOWN).blank(In.MARKDOWN)
                .lines(List.of("The commit gap is the part of a year's commit that organic (non-AI) net spend does "
                        + "not fill. AI spend up to the gap costs nothing extra: it burns commit that would otherwise "
                        + "be a shortfall. Above the gap it is incremental, paid at the discounted rate."), Style.PLAIN,
                        Document.Markdown.PARAGRAPHS, false, In.MARKDOWN)
                .lines(absorbed, Style.PLAIN, Document.Markdown.BULLETS, false, In.MARKDOWN)
                .blank(In.MARKDOWN).heading("Bedrock inside the commit vs buying AI direct", In.MARKDOWN)
                .blank(In.MARKDOWN)
                .lines(List.of("The alternative procurement asks about first: keep the EDP for organic spend only and "
                        + "buy the AI from its provider directly at list price. Then the commit gap is a shortfall, "
                        + "support is charged on organic spend alone, and the AI is paid in full: cost = organic net + "
                        + "max(0, commit - organic net) + support on organic spend + AI at list."), Style.PLAIN,
                        Document.Markdown.PARAGRAPHS, false, In.MARKDOWN)
                .lines(direct(report), Style.PLAIN, Document.Markdown.BULLETS, false, In.MARKDOWN)
                .blank(In.MARKDOWN).heading("Recommendation", In.MARKDOWN).blank(In.MARKDOWN)
                .lines(List.of(recommendation(report)), Style.PLAIN, Document.Markdown.PLAIN, false, In.MARKDOWN);
        if (report.advice().recommended() != null) {
            EdpResult best = report.advice().recommended();
            BigDecimal point = best.totals().listSpend().movePointLeft(2);
            doc.blank(In.MARKDOWN).lines(List.of("Each further point of discount on " + best.scenario().name()
                    + " is worth about " + Numbers.cents(point, cur) + " over the term (1% of list spend, while net "
                    + "spend stays above the commit)."), Style.PLAIN, Document.Markdown.PLAIN, false, In.MARKDOWN);
        }
        List<String> risks = risks(report);
        List<String> riskBullets = new ArrayList<>(risks.isEmpty() ? List.of("None found in the expected case.") : risks);
        riskBullets.add("Discount levels are negotiated, not published; the research's benchmarks vary widely "
                + "(5-23% by commit size). Verify the discount basis (net or gross) in the contract.");
        return doc.blank(In.MARKDOWN).heading("Risks", In.MARKDOWN).blank(In.MARKDOWN)
                .lines(riskBullets, Style.PLAIN, Document.Markdown.BULLETS, false, In.MARKDOWN)
                .blank(In.TABLE)
                .lines(List.of("Recommendation: " + recommendation(report)), Style.STRONG, Document.Markdown.PLAIN,
                        true, In.TABLE)
                .lines(risks.stream().map(r -> "risk: " + r).toList(), Style.WARN, Document.Markdown.PLAIN, true,
                        In.TABLE);
    }

    static String csv(EdpReport report) {
        Csv csv = new Csv("scenario", "year", "discount", "list_spend", "net_spend", "commit", "shortfall",
                "support_fee", "cost_with_edp", "cost_without_edp", "savings", "effective_discount", "commit_gap",
                "ai_absorbed", "incremental_ai_cost", "breakeven_commit", "shortfall_probability", "safe_commit",
                "cost_ai_direct", "savings_vs_direct");
        for (EdpResult result : report.results()) {
            List<EdpResult.Year> rows = new ArrayList<>(result.years());
            rows.add(result.totals());
            for (EdpResult.Year y : rows) {
                csv.row(result.scenario().name(), y.year() == 0 ? "total" : String.valueOf(y.year()),
                        result.discount().toPlainString(), Numbers.money6(y.listSpend()), Numbers.money6(y.netSpend()),
                        Numbers.money6(y.commit()), Numbers.money6(y.shortfall()), Numbers.money6(y.supportFee()),
                        Numbers.money6(y.costWithEdp()), Numbers.money6(y.costWithoutEdp()),
                        Numbers.money6(y.savings()),
                        y.effectiveDiscount() == null ? "" : EdpJson.ratio(y.effectiveDiscount()).toPlainString(),
                        Numbers.money6(y.commitGap()), Numbers.money6(y.aiAbsorbed()),
                        Numbers.money6(y.incrementalAiCost()), Numbers.money6(y.breakevenCommit()),
                        y.shortfallProbability() == null ? "" : EdpJson.ratio(y.shortfallProbability()).toPlainString(),
                        y.safeCommit() == null ? "" : Numbers.money6(y.safeCommit()), Numbers.money6(y.costAiDirect()),
                        Numbers.money6(y.savingsVsDirect()));
            }
        }
        return csv.toString();
    }

    private static TextTable sideBySide(EdpReport report) {
        String cur = report.currency();
        List<Column> columns = new ArrayList<>(List.of(new Column("TERM TOTALS", false, 9)));
        for (EdpResult result : report.results()) {
            columns.add(new Column(result.scenario().name(), true, 5));
        }
        TextTable table = new TextTable(columns);
        row(table, report, "term (years)", r -> String.valueOf(r.scenario().termYears()), Style.PLAIN);
        row(table, report, "discount", r -> Numbers.percent(r.discount()) + (r.scenario().aiExtraDiscount() == null
                ? "" : " +" + Numbers.percent(r.scenario().aiExtraDiscount()) + " AI"), Style.PLAIN);
        row(table, report, "commit", r -> Numbers.cents(r.totals().commit(), cur), Style.PLAIN);
        row(table, report, "list spend", r -> Numbers.cents(r.totals().listSpend(), cur), Style.PLAIN);
        row(table, report, "net spend", r -> Numbers.cents(r.totals().netSpend(), cur), Style.PLAIN);
        row(table, report, "shortfall", r -> Numbers.cents(r.totals().shortfall(), cur), Style.PLAIN);
        row(table, report, "support fee", r -> Numbers.cents(r.totals().supportFee(), cur), Style.PLAIN);
        row(table, report, "cost with EDP", r -> Numbers.cents(r.totals().costWithEdp(), cur), Style.PLAIN);
        row(table, report, "cost without EDP", r -> Numbers.cents(r.totals().costWithoutEdp(), cur), Style.PLAIN);
        row(table, report, "savings", r -> Numbers.cents(r.totals().savings(), cur), Style.STRONG);
        row(table, report, "savings per year", r -> Numbers.cents(EdpAdvice.savingsPerYear(r), cur), Style.STRONG);
        row(table, report, "cost buying AI direct", r -> Numbers.cents(r.totals().costAiDirect(), cur), Style.PLAIN);
        row(table, report, "savings vs buying AI direct", r -> Numbers.cents(r.totals().savingsVsDirect(), cur),
                Style.STRONG);
        row(table, report, "effective discount", r -> r.totals().effectiveDiscount() == null ? "n/a"
                : Numbers.percent(r.totals().effectiveDiscount()), Style.PLAIN);
        row(table, report, "AI absorbed by the commit", r -> Numbers.cents(r.totals().aiAbsorbed(), cur), Style.PLAIN);
        row(table, report, "incremental AI cost", r -> Numbers.cents(r.totals().incrementalAiCost(), cur), Style.PLAIN);
        if (report.inputs().uncertainty() != null) {
            row(table, report, "worst-year P(shortfall)", r -> {
                BigDecimal p = EdpAdvice.maxShortfallProbability(r);
                return p == null ? "n/a" : Numbers.percent(p);
            }, Style.PLAIN);
        }
        return table;
    }

    private static void row(TextTable table, EdpReport report, String label, Function<EdpResult, String> value,
            Style style) {
        List<String> cells = new ArrayList<>(List.of(label));
        for (EdpResult result : report.results()) {
            cells.add(value.apply(result));
        }
        table.row(style, cells.toArray(String[]::new));
    }

    private static TextTable years(EdpReport report, EdpResult result) {
        String cur = report.currency();
        boolean risk = report.inputs().uncertainty() != null;
        List<Column> columns = new ArrayList<>(List.of(new Column("YEAR", true, 9), new Column("LIST", true, 6),
                new Column("NET", true, 7), new Column("COMMIT", true, 8), new Column("SHORTFALL", true, 8),
                new Column("SUPPORT", true, 5), new Column("WITH EDP", true, 8), new Column("WITHOUT", true, 7),
                new Column("SAVINGS", true, 9), new Column("AI ABSORBED", true, 4), new Column("BREAK-EVEN COMMIT", true, 4)));
        if (risk) {
            columns.add(new Column("P(SHORT)", true, 6));
            columns.add(new Column("SAFE COMMIT", true, 5));
        }
        TextTable table = new TextTable(columns);
        List<EdpResult.Year> rows = new ArrayList<>(result.years());
        rows.add(result.totals());
        for (EdpResult.Year y : rows) {
            List<String> cells = new ArrayList<>(List.of(y.year() == 0 ? "total" : String.valueOf(y.year()),
                    Numbers.cents(y.listSpend(), cur), Numbers.cents(y.netSpend(), cur), Numbers.cents(y.commit(), cur),
                    Numbers.cents(y.shortfall(), cur), Numbers.cents(y.supportFee(), cur),
                    Numbers.cents(y.costWithEdp(), cur), Numbers.cents(y.costWithoutEdp(), cur),
                    Numbers.cents(y.savings(), cur), Numbers.cents(y.aiAbsorbed(), cur),
                    y.year() == 0 ? "" : Numbers.cents(y.breakevenCommit(), cur)));
            if (risk) {
                cells.add(y.shortfallProbability() == null ? "" : Numbers.percent(y.shortfallProbability()));
                cells.add(y.safeCommit() == null ? "" : Numbers.cents(y.safeCommit(), cur));
            }
            table.row(y.year() == 0 ? Style.STRONG : Style.PLAIN, cells.toArray(String[]::new));
        }
        return table;
    }

    private static List<String> direct(EdpReport report) {
        String cur = report.currency();
        List<String> lines = new ArrayList<>();
        for (EdpResult result : report.results()) {
            lines.add(result.scenario().name() + ": " + Numbers.cents(result.totals().costAiDirect(), cur)
                    + " buying AI direct vs " + Numbers.cents(result.totals().costWithEdp(), cur)
                    + " through Bedrock inside the EDP: " + (result.totals().savingsVsDirect().signum() < 0
                            ? Numbers.cents(result.totals().savingsVsDirect().negate(), cur) + " more through Bedrock"
                            : Numbers.cents(result.totals().savingsVsDirect(), cur) + " saved") + " over the term.");
        }
        return lines;
    }

    static String recommendation(EdpReport report) {
        EdpAdvice advice = report.advice();
        String cur = report.currency();
        return switch (advice.basis()) {
            case NONE_SAVES -> "no scenario costs less than staying without an EDP: ask for a higher discount "
                    + "or a lower commit.";
            case ALL_OVER_RISK -> advice.recommended().scenario().name() + " saves the most ("
                    + Numbers.cents(EdpAdvice.savingsPerYear(advice.recommended()), cur) + " a year), but every "
                    + "scenario has a shortfall risk above " + Numbers.percentOf(EdpAdvice.MAX_RISK)
                    + " in some year: lower the commits before signing.";
            case BEST_WITHIN_RISK -> advice.recommended().scenario().name() + ": it saves "
                    + Numbers.cents(EdpAdvice.savingsPerYear(advice.recommended()), cur) + " a year ("
                    + Numbers.cents(advice.recommended().totals().savings(), cur) + " over "
                    + years(advice.recommended().scenario().termYears()) + ", an effective discount of "
                    + Numbers.percent(advice.recommended().totals().effectiveDiscount()) + ")"
                    + (report.inputs().uncertainty() == null ? ", the most of all scenarios."
                            : ", the most among scenarios whose shortfall risk stays at or under "
                                    + Numbers.percentOf(EdpAdvice.MAX_RISK) + " every year.");
        };
    }

    static List<String> risks(EdpReport report) {
        String cur = report.currency();
        List<String> lines = new ArrayList<>();
        for (EdpAdvice.Risk risk : report.advice().risks()) {
            EdpResult.Year y = risk.year();
            String where = risk.scenario() + ", year " + y.year() + ": ";
            lines.add(where + switch (risk.kind()) {
                case EXPECTED_SHORTFALL -> "expected net spend " + Numbers.cents(y.netSpend(), cur)
                        + " is below the commit " + Numbers.cents(y.commit(), cur) + ", a shortfall of "
                        + Numbers.cents(y.shortfall(), cur) + " paid at no discount.";
                case LIKELY_SHORTFALL -> Numbers.percent(y.shortfallProbability()) + " chance of a shortfall; "
                        + "a commit of at most " + Numbers.cents(y.safeCommit(), cur) + " keeps it at 10%.";
                case ABOVE_BREAKEVEN -> "the commit is above the break-even commit "
                        + Numbers.cents(y.breakevenCommit(), cur) + ", so this year the EDP costs more than no EDP.";
            });
        }
        return lines;
    }

    private static String years(int count) {
        return count == 1 ? "1 year" : count + " years";
    }

    private static String plan(SupportPlan plan) {
        return switch (plan.name()) {
            case "enterprise" -> "AWS Enterprise Support (10%/7%/5%/3% of monthly list spend at the $150K/$500K/$1M "
                    + "breakpoints, at least $15,000 a month)";
            case "business" -> "AWS Business Support (10%/7%/5%/3% at $10K/$80K/$250K, at least $100 a month)";
            case "none" -> "none";
            default -> plan.name() + " of monthly list spend, at least " + plan.minimumMonthly().toPlainString()
                    + " a month";
        };
    }
}
