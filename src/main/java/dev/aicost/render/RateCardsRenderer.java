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
        Csv out = new Csv("model", "mode", "above_tokens", "input", "output", "cache_write", "cache_read");
        for (ModelPrice m : models) {
            for (boolean longContext : contexts(m)) {
                for (Mode mode : Mode.values()) {
                    TokenPrices p = ModeRates.resolve(m, card.defaults(), mode, longContext);
                    out.row(m.id(), mode.key(), longContext ? String.valueOf(m.longContext().aboveTokens()) : "",
                            plain(p.input()), plain(p.output()), plain(p.cacheWrite()), plain(p.cacheRead()));
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
            for (ModelPrice each : card.models().values()) {
                TokenPrices batch = ModeRates.resolve(each, card.defaults(), Mode.BATCH, false);
                table.row(each.id(), each.tier() == null ? "" : String.valueOf(each.tier()),
                        price(each.standard().input(), cur), price(each.standard().output(), cur),
                        price(each.standard().cacheWrite(), cur), price(each.standard().cacheRead(), cur),
                        batch.input() == null ? "" : price(batch.input(), cur) + " / " + price(batch.output(), cur),
                        each.provisioned() == null ? "" : String.join(" ", each.provisioned().hourly().entrySet()
                                .stream().map(e -> e.getKey() + " " + price(e.getValue(), cur)).toList()));
            }
            return doc.table(table);
        }
        List<String> about = new java.util.ArrayList<>(List.of(m.id() + " (" + m.name() + ")"
                + (m.tier() == null ? "" : ", tier " + m.tier())));
        if (!m.aliases().isEmpty()) {
            about.add("aliases: " + String.join(", ", m.aliases()));
        }
        TextTable table = new TextTable(List.of(new Column("MODE", false, 9), new Column("INPUT", true, 8),
                new Column("OUTPUT", true, 8), new Column("CACHE WRITE", true, 6), new Column("CACHE READ", true, 6)));
        for (boolean longContext : contexts(m)) {
            for (Mode mode : Mode.values()) {
                TokenPrices p = ModeRates.resolve(m, card.defaults(), mode, longContext);
                table.row(mode.key() + (longContext ? " (above " + m.longContext().aboveTokens() + ")" : ""),
                        price(p.input(), cur), price(p.output(), cur), price(p.cacheWrite(), cur),
                        price(p.cacheRead(), cur));
            }
        }
        List<String> after = new java.util.ArrayList<>();
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

    private static String price(BigDecimal value, String cur) {
        return value == null ? "—" : Numbers.rate(value, cur);
    }

    /** {@code ratecards diff}. */
    public static String diff(RateCard old, RateCard now, RateCardDiff.Result diff, Format format, int width,
            boolean color) {
        return Document.render(format, () -> diffDocument(old, now, diff), () -> diffCsv(diff),
                () -> RateCardsJson.diff(old, now, diff), width, color);
    }

    private static String diffCsv(RateCardDiff.Result diff) {
        Csv csv = new Csv("model", "change", "field", "old", "new", "pct");
        diff.added().forEach(id -> csv.row(id, "added", "", "", "", ""));
        diff.removed().forEach(id -> csv.row(id, "removed", "", "", "", ""));
        for (RateCardDiff.Change c : diff.changes()) {
            csv.row(c.model(), "changed", c.field(), plain(c.before()), plain(c.after()),
                    c.percent() == null ? "" : c.percent().setScale(2, RoundingMode.HALF_EVEN).toPlainString());
        }
        return csv.toString();
    }

    private static Document diffDocument(RateCard old, RateCard now, RateCardDiff.Result diff) {
        String cur = now.currency();
        List<String> summary = new java.util.ArrayList<>(List.of(old.id() + " -> " + now.id() + ": "
                + diff.added().size() + " added, " + diff.removed().size() + " removed, " + diff.changes().size()
                + " prices changed"));
        diff.added().forEach(id -> summary.add("+ " + id));
        diff.removed().forEach(id -> summary.add("- " + id));
        Document doc = Document.untitled().lines(summary, TextTable.Style.PLAIN, Document.Markdown.PLAIN, false,
                Document.In.BOTH);
        if (!diff.changes().isEmpty()) {
            TextTable table = new TextTable(List.of(new Column("MODEL", false, 9), new Column("FIELD", false, 8),
                    new Column("OLD", true, 7), new Column("NEW", true, 7), new Column("CHANGE", true, 6)));
            for (RateCardDiff.Change c : diff.changes()) {
                table.row(c.model(), c.field(), c.before() == null ? "—" : Numbers.rate(c.before(), cur),
                        c.after() == null ? "—" : Numbers.rate(c.after(), cur),
                        c.percent() == null ? "" : Numbers.signedPercent(c.percent()));
            }
            doc.table(table);
        }
        return doc;
    }
}
