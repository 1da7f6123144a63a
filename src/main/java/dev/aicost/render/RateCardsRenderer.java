package dev.aicost.render;

import dev.aicost.model.Mode;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.model.TokenPrices;
import dev.aicost.pricing.ModeRates;
import dev.aicost.ratecards.RateCardDiff;
import dev.aicost.render.TextTable.Column;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ratecards list}, {@code show} and {@code diff} in every format. Prices in JSON and CSV are
 * the card's exact decimals (per 1M tokens, per hour for provisioned throughput), as text in JSON.
 */
public final class RateCardsRenderer {
    private RateCardsRenderer() {
    }

    /** One row of {@code ratecards list}: the card, or null where it failed to load. */
    public record Listed(String id, Path file, RateCard card, String status) {
        boolean ok() {
            return status.equals("ok");
        }
    }

    public static String list(List<Listed> cards, List<Path> folders, Format format, int width, boolean color) {
        TextTable table = new TextTable(List.of(new Column("ID", false, 9), new Column("PROVIDER", false, 6),
                new Column("REGION", false, 5), new Column("CURRENCY", false, 3), new Column("MODELS", true, 7),
                new Column("EFFECTIVE", false, 6), new Column("CHECKED", false, 8), new Column("STATUS", false, 9)));
        Csv csv = new Csv("id", "file", "provider", "region", "currency", "models", "effective", "checked", "status");
        for (Listed l : cards) {
            RateCard c = l.card();
            String[] cells = {l.id(), c == null ? "" : c.provider(), c == null || c.region() == null ? "" : c.region(),
                c == null ? "" : c.currency(), c == null ? "" : String.valueOf(c.models().size()),
                c == null ? "" : c.effective(), c == null ? "" : c.checked(), l.status()};
            table.row(l.ok() ? TextTable.Style.PLAIN : TextTable.Style.WARN, cells);
            csv.row(l.id(), String.valueOf(l.file()), cells[1], cells[2], cells[3], cells[4], cells[5], cells[6],
                    l.status());
        }
        Document doc = Document.untitled().table(table).lines(List.of("Folders searched: "
                + String.join(", ", folders.stream().map(Path::toString).toList())), TextTable.Style.PLAIN,
                Document.Markdown.PLAIN, false, Document.In.TABLE);
        return Document.render(format, () -> doc, csv::toString, () -> RateCardsJson.list(cards), width, color);
    }

    /** {@code ratecards show}: every model's prices, or one model's ({@code model} not null) in every mode. */
    public static String show(RateCard card, ModelPrice model, Format format, int width, boolean color) {
        List<ModelPrice> models = model == null ? List.copyOf(card.models().values()) : List.of(model);
        return Document.render(format, () -> showDocument(card, model), () -> showCsv(card, models),
                () -> RateCardsJson.show(card, models), width, color);
    }

    private static boolean[] contexts(ModelPrice m) {
        return m.longContext() == null ? new boolean[] {false} : new boolean[] {false, true};
    }

    private static String showCsv(RateCard card, List<ModelPrice> models) {
        Csv out = new Csv("model", "mode", "above_tokens", "input", "output", "cache_write", "cache_read",
                "cache_write_1h", "kind", "size", "per_image");
        for (ModelPrice m : models) {
            if (m.kind() == ModelPrice.Kind.IMAGE) {
                m.images().forEach((size, price) -> out.row(m.id(), Mode.ON_DEMAND.key(), "", "", "", "", "", "",
                        m.kind().key(), size, price.toPlainString()));
                continue;
            }
            for (boolean longContext : contexts(m)) {
                for (Mode mode : Mode.values()) {
                    TokenPrices p = ModeRates.resolve(m, card.defaults(), mode, longContext);
                    out.row(m.id(), mode.key(), longContext ? String.valueOf(m.longContext().aboveTokens()) : "",
                            plain(p.input()), plain(p.output()), plain(p.cacheWrite()), plain(p.cacheRead()),
                            plain(p.cacheWrite1h()), m.kind().key(), "", "");
                }
            }
        }
        return out.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static Document showDocument(RateCard card, ModelPrice m) {
        String cur = card.currency();
        Document doc = Document.untitled().lines(List.of(card.id() + " · " + card.provider()
                + (card.region() == null ? "" : " · " + card.region()) + " · " + cur + " per 1M tokens"
                + " · effective " + card.effective() + " · checked " + card.checked(), "source: " + card.source()),
                TextTable.Style.PLAIN, Document.Markdown.PLAIN, false, Document.In.BOTH).blank(Document.In.BOTH);
        if (m == null) {
            TextTable table = new TextTable(List.of(new Column("MODEL", false, 9), new Column("TIER", true, 5),
                    new Column("INPUT", true, 8), new Column("OUTPUT", true, 8), new Column("CACHE WRITE", true, 4),
                    new Column("CACHE READ", true, 4), new Column("BATCH IN/OUT", true, 3),
                    new Column("PROVISIONED /h", false, 2)));
            List<String> images = new java.util.ArrayList<>();
            for (ModelPrice each : card.models().values()) {
                if (each.kind() == ModelPrice.Kind.IMAGE) {
                    images.add(each.id() + ": " + perImage(each, cur));
                    continue;
                }
                TokenPrices batch = ModeRates.resolve(each, card.defaults(), Mode.BATCH, false);
                table.row(each.id() + (each.kind() == ModelPrice.Kind.EMBEDDING ? " (embedding)" : ""),
                        each.tier() == null ? "" : String.valueOf(each.tier()),
                        price(each.standard().input(), cur), price(each.standard().output(), cur),
                        price(each.standard().cacheWrite(), cur), price(each.standard().cacheRead(), cur),
                        batch.input() == null ? "" : price(batch.input(), cur) + " / " + price(batch.output(), cur),
                        each.provisioned() == null ? "" : String.join(" ", each.provisioned().hourly().entrySet()
                                .stream().map(e -> e.getKey() + " " + price(e.getValue(), cur)).toList()));
            }
            doc.table(table);
            List<String> after = new java.util.ArrayList<>();
            if (!images.isEmpty()) {
                after.add("Image models, per image:");
                images.forEach(line -> after.add("  " + line));
            }
            List<String> services = services(card);
            if (!services.isEmpty()) {
                after.add("Services:");
                services.forEach(line -> after.add("  " + line));
            }
            if (!after.isEmpty()) {
                doc.blank(Document.In.BOTH).lines(after, TextTable.Style.PLAIN, Document.Markdown.PLAIN, false,
                        Document.In.BOTH);
            }
            return doc;
        }
        List<String> about = new java.util.ArrayList<>(List.of(m.id() + " (" + m.name() + ")"
                + (m.tier() == null ? "" : ", tier " + m.tier())
                + (m.kind() == ModelPrice.Kind.CHAT ? "" : ", " + m.kind().key() + " model")));
        if (!m.aliases().isEmpty()) {
            about.add("aliases: " + String.join(", ", m.aliases()));
        }
        if (m.kind() == ModelPrice.Kind.IMAGE) {
            return doc.lines(about, TextTable.Style.PLAIN, Document.Markdown.PLAIN, false, Document.In.BOTH)
                    .lines(List.of("per image: " + perImage(m, cur)), TextTable.Style.PLAIN, Document.Markdown.PLAIN,
                            false, Document.In.BOTH);
        }
        boolean oneHour = m.standard().cacheWrite1h() != null
                || m.longContext() != null && m.longContext().prices().cacheWrite1h() != null;
        List<Column> columns = new java.util.ArrayList<>(List.of(new Column("MODE", false, 9),
                new Column("INPUT", true, 8), new Column("OUTPUT", true, 8), new Column("CACHE WRITE", true, 6),
                new Column("CACHE READ", true, 6)));
        if (oneHour) {
            columns.add(new Column("CACHE WRITE 1H", true, 5));
        }
        TextTable table = new TextTable(columns);
        for (boolean longContext : contexts(m)) {
            for (Mode mode : Mode.values()) {
                TokenPrices p = ModeRates.resolve(m, card.defaults(), mode, longContext);
                List<String> cells = new java.util.ArrayList<>(List.of(mode.key() + (longContext ? " (above "
                        + m.longContext().aboveTokens() + ")" : ""), price(p.input(), cur), price(p.output(), cur),
                        price(p.cacheWrite(), cur), price(p.cacheRead(), cur)));
                if (oneHour) {
                    cells.add(price(p.cacheWrite1h(), cur));
                }
                table.row(cells.toArray(String[]::new));
            }
        }
        List<String> after = new java.util.ArrayList<>();
        if (m.custom() != null) {
            after.add("fine-tuned variants: " + (m.custom().onDemand() ? "on demand at input "
                    + price(m.custom().prices().input(), cur) + ", output " + price(m.custom().prices().output(), cur)
                    + " per 1M tokens" : "provisioned throughput only"));
        }
        if (m.training() != null) {
            after.add("training: " + price(m.training(), cur) + " per 1M tokens");
        }
        if (m.provisioned() != null) {
            after.add("provisioned: " + String.join(", ", m.provisioned().hourly().entrySet().stream()
                    .map(e -> e.getKey() + " " + price(e.getValue(), cur) + "/h").toList()) + "; one unit "
                    + (m.provisioned().modelUnitTpm() == null ? "unknown" : m.provisioned().modelUnitTpm().toPlainString())
                    + " tokens/min" + (m.provisioned().tpmAssumed() ? " (assumed)" : ""));
        }
        return doc.lines(about, TextTable.Style.PLAIN, Document.Markdown.PLAIN, false, Document.In.BOTH).table(table)
                .lines(after, TextTable.Style.PLAIN, Document.Markdown.PLAIN, false, Document.In.BOTH);
    }

    private static String perImage(ModelPrice m, String cur) {
        return String.join(", ", m.images().entrySet().stream().map(e -> e.getKey() + " " + price(e.getValue(), cur))
                .toList());
    }

    /** One line per service the card prices, in words. */
    static List<String> services(RateCard card) {
        String cur = card.currency();
        RateCard.Services s = card.services();
        List<String> lines = new java.util.ArrayList<>();
        if (s.egress() != null) {
            StringBuilder text = new StringBuilder("egress: ");
            if (s.egress().freeGb() != null) {
                text.append(s.egress().freeGb().toPlainString()).append(" GB a month free, then ");
            }
            List<String> tiers = new java.util.ArrayList<>();
            for (RateCard.EgressTier tier : s.egress().tiers()) {
                tiers.add(price(tier.perGb(), cur) + "/GB" + (tier.upToGb() == null ? ""
                        : " to " + Numbers.count(tier.upToGb()) + " GB"));
            }
            lines.add(text.append(String.join(", ", tiers)).toString());
        }
        if (s.interRegionPerGb() != null) {
            lines.add("inter-region transfer: " + price(s.interRegionPerGb(), cur) + "/GB");
        }
        if (s.logging() != null) {
            lines.add("invocation logging: " + price(s.logging().ingestPerGb(), cur) + "/GB ingested, "
                    + price(s.logging().storagePerGbMonth(), cur) + "/GB-month stored");
        }
        if (s.metricsPerMonth() != null) {
            lines.add("metrics: " + price(s.metricsPerMonth(), cur) + " per metric-month");
        }
        if (s.guardrailsPer1kTextUnits() != null) {
            lines.add("guardrails: " + price(s.guardrailsPer1kTextUnits(), cur) + " per 1K text units");
        }
        if (s.knowledgeBase() != null) {
            RateCard.KnowledgeBase kb = s.knowledgeBase();
            lines.add("knowledge base: " + (kb.perOcu() ? price(kb.ocuHourly(), cur) + " per OCU-hour, at least "
                    + kb.minOcus().toPlainString() + " OCUs" + (kb.indexStoragePerGbMonth() == null ? ""
                            : ", index " + price(kb.indexStoragePerGbMonth(), cur) + "/GB-month")
                    : price(kb.monthly(), cur) + " a month"));
        }
        if (s.s3PerGbMonth() != null) {
            lines.add("document storage (S3): " + price(s.s3PerGbMonth(), cur) + "/GB-month");
        }
        if (s.fineTuningStoragePerModelMonth() != null) {
            lines.add("custom-model storage: " + price(s.fineTuningStoragePerModelMonth(), cur) + " per model-month");
        }
        return lines;
    }

    private static String price(BigDecimal value, String cur) {
        return value == null ? "—" : Numbers.rate(value, cur);
    }

    /** {@code ratecards diff}. */
    public static String diff(RateCard old, RateCard now, RateCardDiff.Result diff, Format format, int width,
            boolean color) {
        return Document.render(format, () -> diffDocument(old, now, diff), () -> diffCsv(diff),
                () -> RateCardsJson.diff(old, now, diff), width, color);
    }

    /** The unit's name in CSV and JSON: money (the card's currency), number, fraction, gb, tokens. */
    static String unitKey(RateCardDiff.Unit unit) {
        return unit.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String diffCsv(RateCardDiff.Result diff) {
        Csv csv = new Csv("model", "change", "field", "unit", "old", "new", "pct");
        diff.added().forEach(id -> csv.row(id, "added", "", "", "", "", ""));
        diff.removed().forEach(id -> csv.row(id, "removed", "", "", "", "", ""));
        for (RateCardDiff.Change c : diff.changes()) {
            csv.row(c.model(), "changed", c.field(), unitKey(c.unit()), plain(c.before()), plain(c.after()),
                    c.percent() == null ? "" : c.percent().setScale(2, RoundingMode.HALF_EVEN).toPlainString());
        }
        return csv.toString();
    }

    /** A diff value in its own unit: {@code $3.00}, {@code 50%}, {@code 100 GB}, {@code 200,000}, {@code 3}. */
    static String inUnit(BigDecimal value, RateCardDiff.Unit unit, String currency) {
        if (value == null) {
            return "—";
        }
        return switch (unit) {
            case MONEY -> Numbers.rate(value, currency);
            case FRACTION -> Numbers.percentOf(value);
            case GB -> Numbers.count(value) + " GB";
            case TOKENS, NUMBER -> Numbers.count(value);
        };
    }

    private static Document diffDocument(RateCard old, RateCard now, RateCardDiff.Result diff) {
        String cur = now.currency();
        List<String> summary = new java.util.ArrayList<>(List.of(old.id() + " -> " + now.id() + ": "
                + diff.added().size() + " added, " + diff.removed().size() + " removed, " + diff.changes().size()
                + " prices changed" + (diff.matched().isEmpty() ? "" : "; " + diff.matched().size()
                + " models matched through aliases, shown as OLD-ID (NEW-ID)")));
        diff.added().forEach(id -> summary.add("+ " + id));
        diff.removed().forEach(id -> summary.add("- " + id));
        Document doc = Document.untitled().lines(summary, TextTable.Style.PLAIN, Document.Markdown.PLAIN, false,
                Document.In.BOTH);
        if (!diff.changes().isEmpty()) {
            TextTable table = new TextTable(List.of(new Column("MODEL", false, 9), new Column("FIELD", false, 8),
                    new Column("OLD", true, 7), new Column("NEW", true, 7), new Column("CHANGE", true, 6)));
            for (RateCardDiff.Change c : diff.changes()) {
                table.row(c.model(), c.field(), inUnit(c.before(), c.unit(), cur), inUnit(c.after(), c.unit(), cur),
                        c.percent() == null ? "" : Numbers.signedPercent(c.percent()));
            }
            doc.table(table);
        }
        return doc;
    }
}
