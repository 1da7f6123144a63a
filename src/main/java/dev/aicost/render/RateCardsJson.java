package dev.aicost.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.aicost.model.Mode;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.model.TokenPrices;
import dev.aicost.pricing.ModeRates;
import dev.aicost.ratecards.RateCardDiff;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** {@code ratecards list}, {@code show} and {@code diff} as JSON, through Jackson's streaming generator. */
final class RateCardsJson {
    private RateCardsJson() {
    }

    static String list(List<RateCardsRenderer.Listed> cards) {
        return JsonText.write(g -> {
            g.writeStartObject();
            g.writeStringField("schema", "aicost/ratecards/v1");
            g.writeArrayFieldStart("cards");
            for (RateCardsRenderer.Listed l : cards) {
                g.writeStartObject();
                g.writeStringField("id", l.id());
                g.writeStringField("file", String.valueOf(l.file()));
                RateCard c = l.card();
                if (c != null) {
                    g.writeStringField("provider", c.provider());
                    g.writeStringField("region", c.region());
                    g.writeStringField("currency", c.currency());
                    g.writeNumberField("models", c.models().size());
                    g.writeStringField("effective", c.effective());
                    g.writeStringField("checked", c.checked());
                }
                g.writeStringField("status", l.status());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static String diff(RateCard old, RateCard now, RateCardDiff.Result diff) {
        return JsonText.write(g -> {
            g.writeStartObject();
            g.writeStringField("schema", "aicost/ratecard-diff/v1");
            g.writeStringField("old", old.id());
            g.writeStringField("new", now.id());
            JsonText.strings(g, "added", diff.added());
            JsonText.strings(g, "removed", diff.removed());
            g.writeArrayFieldStart("changed");
            for (RateCardDiff.Change c : diff.changes()) {
                g.writeStartObject();
                g.writeStringField("model", c.model());
                g.writeStringField("field", c.field());
                plain(g, "old", c.before());
                plain(g, "new", c.after());
                if (c.percent() == null) {
                    g.writeNullField("pct");
                } else {
                    g.writeNumberField("pct", c.percent().setScale(2, RoundingMode.HALF_EVEN));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static String show(RateCard card, List<ModelPrice> models) {
        return JsonText.write(g -> {
            g.writeStartObject();
            g.writeStringField("schema", "aicost/ratecard-prices/v1");
            g.writeStringField("ratecard", card.id());
            g.writeStringField("provider", card.provider());
            g.writeStringField("region", card.region());
            g.writeStringField("currency", card.currency());
            g.writeStringField("unit", "per 1M tokens");
            g.writeStringField("effective", card.effective());
            g.writeStringField("checked", card.checked());
            g.writeStringField("source", card.source());
            g.writeArrayFieldStart("models");
            for (ModelPrice m : models) {
                g.writeStartObject();
                g.writeStringField("id", m.id());
                g.writeStringField("name", m.name());
                if (m.tier() == null) {
                    g.writeNullField("tier");
                } else {
                    g.writeNumberField("tier", m.tier());
                }
                JsonText.strings(g, "aliases", m.aliases());
                g.writeObjectFieldStart("modes");
                for (Mode mode : Mode.values()) {
                    prices(g, mode.key(), ModeRates.resolve(m, card.defaults(), mode, false));
                }
                g.writeEndObject();
                if (m.longContext() != null) {
                    g.writeObjectFieldStart("long_context");
                    g.writeNumberField("above_tokens", m.longContext().aboveTokens());
                    for (Mode mode : Mode.values()) {
                        prices(g, mode.key(), ModeRates.resolve(m, card.defaults(), mode, true));
                    }
                    g.writeEndObject();
                }
                plain(g, "training", m.training());
                if (m.provisioned() != null) {
                    g.writeObjectFieldStart("provisioned");
                    g.writeObjectFieldStart("hourly");
                    for (Map.Entry<String, BigDecimal> e : m.provisioned().hourly().entrySet()) {
                        plain(g, e.getKey(), e.getValue());
                    }
                    g.writeEndObject();
                    plain(g, "model_unit_tpm", m.provisioned().modelUnitTpm());
                    g.writeBooleanField("tpm_assumed", m.provisioned().tpmAssumed());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void prices(JsonGenerator g, String name, TokenPrices p) throws IOException {
        g.writeObjectFieldStart(name);
        plain(g, "input", p.input());
        plain(g, "output", p.output());
        plain(g, "cache_write", p.cacheWrite());
        plain(g, "cache_read", p.cacheRead());
        g.writeEndObject();
    }

    private static void plain(JsonGenerator g, String name, BigDecimal value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value.toPlainString());
        }
    }
}
