package dev.aicost.render;

import dev.aicost.report.UsageReport;
import dev.aicost.usage.UsageAggregator;
import dev.aicost.usage.UsageAnalysis;
import dev.aicost.render.Document.In;
import dev.aicost.render.TextTable.Column;
import dev.aicost.render.TextTable.Style;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Renders a usage report (table, markdown, CSV, JSON) and the files it emits (workload spec, hourly profile). */
public final class UsageRenderer {
    static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:00:00'Z'")
            .withZone(ZoneOffset.UTC);

    private static final String OTHER_TITLE = "Other AI lines (billed, not priced on the card)";
    private static final String CREDITS_TITLE = "Credits, refunds, discounts and corrections (not in the token sums)";

    private UsageRenderer() {
    }

    public static String render(UsageReport report, Format format, int width, boolean color) {
        return Document.render(format, () -> document(report), () -> csv(report), () -> UsageJson.render(report),
                width, color);
    }

    /** The rows per model, by tag, the other AI lines and the credits, then the summary and the warnings. */
    static Document document(UsageReport report) {
        UsageAnalysis.Result r = report.result();
        Document doc = new Document("aicost usage · " + String.join(", ", report.inputs()) + " · " + report.format()
                + " · priced on " + report.ratecard(), "Usage: " + String.join(", ", report.inputs()), false)
                .lines(List.of(Numbers.count(BigDecimal.valueOf(r.records())) + (billing(r) ? " rows, " : " records, ")
                        + Numbers.count(BigDecimal.valueOf(r.malformed())) + " malformed"), Style.PLAIN,
                        Document.Markdown.PLAIN, false, In.TABLE)
                .blank(In.BOTH);
        if (r.billing() == null || !r.models().isEmpty()) {
            doc.table(rows(report, r.models(), false));
        }
        if (!r.groups().isEmpty()) {
            section(doc, "By " + report.tagKey(), rows(report, r.groups(), true));
        }
        if (r.billing() != null && !r.billing().otherLines().isEmpty()) {
            section(doc, OTHER_TITLE, otherLines(report));
        }
        if (r.billing() != null && !r.billing().credits().isEmpty()) {
            section(doc, CREDITS_TITLE, credits(report));
        }
        boolean anyTable = r.billing() == null || !r.models().isEmpty() || !r.billing().otherLines().isEmpty()
                || !r.billing().credits().isEmpty();
        doc.blank(anyTable ? In.BOTH : In.MARKDOWN);
        return doc.lines(summary(report), Style.PLAIN, Document.Markdown.BULLETS, true, In.BOTH)
                .lines(warnings(report).stream().map(w -> "warning: " + w).toList(), Style.WARN,
                        Document.Markdown.BULLETS, true, In.BOTH);
    }

    private static void section(Document doc, String heading, TextTable table) {
        doc.blank(In.BOTH).heading(heading, In.BOTH).blank(In.MARKDOWN).table(table);
    }

    static String csv(UsageReport report) {
        boolean billed = billing(report.result());
        List<String> header = new ArrayList<>(List.of("tag", "model", "mapped", "calls", "input_tokens",
                "cache_read_tokens", "cache_write_tokens", "output_tokens", "long_context_calls", "cost"));
        if (billed) {
            header.addAll(List.of("billed_cost", "gap", "gap_percent"));
        }
        Csv csv = new Csv(header);
        List<UsageAnalysis.Row> rows = report.result().groups().isEmpty() ? report.result().models()
                : report.result().groups();
        for (UsageAnalysis.Row row : rows) {
            List<Object> fields = new ArrayList<>(List.of(row.tag() == null ? "" : row.tag(), row.model(),
                    row.mapped(), billed ? "" : row.calls(), row.inputTokens(), row.cacheReadTokens(),
                    row.cacheWriteTokens(), row.outputTokens(), row.longContextCalls(),
                    row.cost() == null ? "" : Numbers.money6(row.cost())));
            if (billed) {
                fields.addAll(List.of(Numbers.money6(row.billedCost()), row.gap() == null ? "" : Numbers.money6(row.gap()),
                        row.gapPercent() == null ? "" : percent(row.gapPercent())));
            }
            csv.row(fields.toArray());
        }
        return csv.toString();
    }

    static String percent(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String signedCents(BigDecimal value, String currency) {
        return value.signum() > 0 ? "+" + Numbers.cents(value, currency) : Numbers.cents(value, currency);
    }

    private static String signedPercent(BigDecimal value) {
        return value == null ? "n/a" : (value.signum() > 0 ? "+" : "") + value.setScale(1, RoundingMode.HALF_EVEN)
                .toPlainString() + "%";
    }

    private static TextTable credits(UsageReport report) {
        TextTable table = new TextTable(List.of(new Column("PROVIDER", false, 6), new Column("SERVICE", false, 12),
                new Column("KIND", false, 8), new Column("ROWS", true, 5), new Column("BILLED", true, 10)));
        BigDecimal total = BigDecimal.ZERO;
        for (UsageAnalysis.OtherLine line : report.result().billing().credits()) {
            table.row(Style.PLAIN, line.provider(), line.service(), line.meter(),
                    Numbers.count(BigDecimal.valueOf(line.rows())), Numbers.cents(line.billed(), report.currency()));
            total = total.add(line.billed());
        }
        table.rule();
        table.total(Style.STRONG, "Credits and corrections", Numbers.cents(total, report.currency()));
        return table;
    }

    private static TextTable otherLines(UsageReport report) {
        TextTable table = new TextTable(List.of(new Column("PROVIDER", false, 6), new Column("SERVICE", false, 12),
                new Column("METER", false, 14), new Column("ROWS", true, 5), new Column("QUANTITY", true, 6),
                new Column("BILLED", true, 10)));
        BigDecimal total = BigDecimal.ZERO;
        for (UsageAnalysis.OtherLine line : report.result().billing().otherLines()) {
            table.row(Style.PLAIN, line.provider(), line.service(), line.meter(),
                    Numbers.count(BigDecimal.valueOf(line.rows())),
                    Numbers.count(line.quantity()) + (line.unit().isEmpty() ? "" : " " + line.unit()),
                    Numbers.cents(line.billed(), report.currency()));
            total = total.add(line.billed());
        }
        table.rule();
        table.total(Style.STRONG, "Billed (other AI lines)", Numbers.cents(total, report.currency()));
        return table;
    }

    private static boolean billing(UsageAnalysis.Result result) {
        return result.billing() != null;
    }

    private static TextTable rows(UsageReport report, List<UsageAnalysis.Row> rows, boolean tagged) {
        String cur = report.currency();
        boolean billed = billing(report.result());
        List<Column> columns = new ArrayList<>();
        if (tagged) {
            columns.add(new Column(report.tagKey().toUpperCase(java.util.Locale.ROOT), false, 10));
        }
        columns.add(new Column("MODEL", false, 9));
        if (!billed) {
            columns.add(new Column("CALLS", true, 8));
        }
        columns.addAll(List.of(new Column("INPUT", true, 6), new Column("CACHE READ", true, 5),
                new Column("CACHE WRITE", true, 4), new Column("OUTPUT", true, 6)));
        if (billed) {
            columns.addAll(List.of(new Column("BILLED", true, 10), new Column("PRICED", true, 10),
                    new Column("GAP", true, 9), new Column("GAP %", true, 7)));
        } else {
            columns.addAll(List.of(new Column("AVG IN/OUT", true, 3), new Column("P95 IN/OUT", true, 2),
                    new Column("COST", true, 10)));
        }
        TextTable table = new TextTable(columns);
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal billedTotal = BigDecimal.ZERO;
        BigDecimal billedPriced = BigDecimal.ZERO;
        for (UsageAnalysis.Row row : rows) {
            List<String> cells = new ArrayList<>();
            if (tagged) {
                cells.add(row.tag());
            }
            cells.add(row.mapped() ? row.model() : row.model() + " (unmapped)");
            if (!billed) {
                cells.add(Numbers.count(BigDecimal.valueOf(row.calls())));
            }
            cells.addAll(List.of(Numbers.count(BigDecimal.valueOf(row.inputTokens())),
                    Numbers.count(BigDecimal.valueOf(row.cacheReadTokens())),
                    Numbers.count(BigDecimal.valueOf(row.cacheWriteTokens())),
                    Numbers.count(BigDecimal.valueOf(row.outputTokens()))));
            if (billed) {
                cells.add(Numbers.cents(row.billedCost(), cur));
                cells.add(row.cost() == null ? "n/a" : Numbers.cents(row.cost(), cur));
                cells.add(row.gap() == null ? "n/a" : signedCents(row.gap(), cur));
                cells.add(signedPercent(row.gapPercent()));
                billedTotal = billedTotal.add(row.billedCost());
                if (row.cost() != null) {
                    billedPriced = billedPriced.add(row.billedCost());
                }
            } else {
                cells.add(Numbers.count(row.averageInput()) + " / " + Numbers.count(row.averageOutput()));
                cells.add(row.p95Input() < 0 ? "n/a" : Numbers.count(BigDecimal.valueOf(row.p95Input())) + " / "
                        + Numbers.count(BigDecimal.valueOf(row.p95Output())));
                cells.add(row.cost() == null ? "n/a" : Numbers.cents(row.cost(), cur));
            }
            table.row(row.mapped() ? Style.PLAIN : Style.WARN, cells.toArray(String[]::new));
            if (row.cost() != null) {
                total = total.add(row.cost());
            }
        }
        table.rule();
        if (billed) {
            table.total(Style.STRONG, "Billed (all token rows)", Numbers.cents(billedTotal, cur));
            table.total(Style.STRONG, "Priced on " + report.ratecard() + " (priced rows)", Numbers.cents(total, cur));
            table.total(Style.STRONG, "Gap, billed - priced (priced rows)", signedCents(billedPriced.subtract(total),
                    cur));
        } else {
            table.total(Style.STRONG, "On-demand cost of the priced rows", Numbers.cents(total, cur));
        }
        return table;
    }

    private static List<String> summary(UsageReport report) {
        UsageAnalysis.Hourly h = report.result().hourly();
        List<String> lines = new ArrayList<>();
        UsageAnalysis.Billing billing = report.result().billing();
        if (billing != null) {
            if (!report.result().models().isEmpty()) {
                lines.add("Billed " + Numbers.cents(billing.billedPriced(), report.currency()) + " for the rows the card "
                        + "prices at " + Numbers.cents(report.result().totalCost(), report.currency()) + ": a gap of "
                        + signedCents(billing.gap(), report.currency()) + " (" + signedPercent(billing.gapPercent())
                        + "), what discounts, credits or an out-of-date card account for");
            }
            lines.add("Billed in the whole export: " + Numbers.cents(billing.billedAll(), report.currency()) + " over "
                    + Numbers.count(BigDecimal.valueOf(report.result().records())) + " rows; "
                    + Numbers.count(BigDecimal.valueOf(billing.tokenRows())) + " Bedrock token rows");
        }
        if (h.hours() > 0) {
            lines.add("Hourly tokens over " + h.hours() + " hours from " + HOUR.format(h.first()) + ": P50 "
                    + Numbers.count(h.p50()) + ", P75 " + Numbers.count(h.p75()) + ", P95 " + Numbers.count(h.p95())
                    + ", max " + Numbers.count(h.max()));
        }
        if (!report.result().regions().isEmpty()) {
            List<String> regions = new ArrayList<>();
            for (UsageAnalysis.RegionUse region : report.result().regions()) {
                regions.add(region.region() + " " + Numbers.count(BigDecimal.valueOf(region.calls())) + " calls on "
                        + region.ratecard() + (region.fallback() ? " (no card for the region)" : "")
                        + (region.inferenceRegions().isEmpty() ? "" : ", served in "
                        + String.join(", ", region.inferenceRegions().keySet())));
            }
            lines.add("Regions: " + String.join("; ", regions));
        }
        for (UsageAggregator.Malformed sample : report.result().samples()) {
            lines.add("malformed: " + sample.file() + ":" + sample.line() + ": " + sample.message());
        }
        return lines;
    }

    static List<String> warnings(UsageReport report) {
        List<String> warnings = new ArrayList<>(report.warnings());
        for (UsageAnalysis.Row row : report.result().models()) {
            if (!row.mapped()) {
                warnings.add(String.join(", ", row.loggedIds()) + (row.billedCost() == null ? " (" + row.calls()
                        + " calls)" : "") + " is not on " + report.ratecard() + ": not priced (add it, or an alias, "
                        + "to a card; an application inference profile ARN needs an alias on your own card)");
            } else if (row.cost() == null) {
                warnings.add(row.unpriced());
            }
        }
        return warnings;
    }

    /**
     * A workload spec that {@code estimate} accepts: one workload per priced row, volumes scaled from
     * the hours observed to {@code hoursPerMonth}, the average call shape, and the cache as observed
     * (prefix = cache tokens per call, hit rate = reads / (reads + writes)).
     */
    public static String workload(UsageReport report, BigDecimal hoursPerMonth) {
        return workload(report, hoursPerMonth, (model, tag) -> null);
    }

    /** A row's monthly growth for the emitted workload, or null to leave {@code growth:} out. */
    public interface GrowthOf {
        BigDecimal growth(String model, String tag);
    }

    /** As above, each workload with the {@code growth:} that {@code growthOf} gives it (from --trend). */
    public static String workload(UsageReport report, BigDecimal hoursPerMonth, GrowthOf growthOf) {
        UsageAnalysis.Result r = report.result();
        int hours = Math.max(1, r.hourly().hours());
        YamlOut out = new YamlOut(List.of("Written by aicost usage from " + String.join(", ", report.inputs()),
                r.records() + " calls over " + hours + " hours, scaled to "
                        + hoursPerMonth.stripTrailingZeros().toPlainString() + " hours a month."))
                .string("schema", "aicost/workload/v1")
                .string("ratecard", report.ratecard())
                .startList("workloads");
        List<UsageAnalysis.Row> rows = r.groups().isEmpty() ? r.models() : r.groups();
        for (UsageAnalysis.Row row : rows) {
            if (!row.mapped() || row.calls() == 0) {
                continue;
            }
            String name = (row.tag() == null ? "" : row.tag() + "-") + row.model();
            out.startItem()
                    .string("name", name.replaceAll("[.=\\s]+", "-"))
                    .string("model", row.model())
                    .number("requests_per_month", plain(BigDecimal.valueOf(row.calls()).multiply(hoursPerMonth)
                            .divide(BigDecimal.valueOf(hours), MathContext.DECIMAL128)))
                    .number("input_tokens", plain(row.averageInput()))
                    .number("output_tokens", plain(row.averageOutput()));
            long cached = row.cacheReadTokens() + row.cacheWriteTokens();
            if (cached > 0) {
                out.startMap("cache")
                        .number("prefix_tokens", plain(BigDecimal.valueOf(cached)
                                .divide(BigDecimal.valueOf(row.calls()), MathContext.DECIMAL128)))
                        .number("hit_rate", plain(BigDecimal.valueOf(row.cacheReadTokens())
                                .divide(BigDecimal.valueOf(cached), MathContext.DECIMAL128)))
                        .endMap();
            }
            out.number("growth", growthOf.growth(row.model(), row.tag()));
            out.endMap();
        }
        return out.endList().finish();
    }

    /** The hourly profile CSV that {@code breakeven --profile} reads. */
    public static String profile(UsageReport report) {
        UsageAnalysis.Hourly h = report.result().hourly();
        StringBuilder out = new StringBuilder("hour,tokens\n");
        for (int i = 0; i < h.hours(); i++) {
            out.append(HOUR.format(h.first().plusSeconds(3600L * i))).append(',')
                    .append(h.tokens().get(i).toPlainString()).append('\n');
        }
        return out.toString();
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal rounded = value.setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
