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
            g.writeObjectFieldStart("matched");
            for (java.util.Map.Entry<String, String> m : diff.matched().entrySet()) {
                g.writeStringField(m.getKey(), m.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("changed");
            for (RateCardDiff.Change c : diff.changes()) {
                g.writeStartObject();
                g.writeStringField("model", c.model());
                g.writeStringField("field", c.field());
                g.writeStringField("unit", RateCardsRenderer.unitKey(c.unit()));
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
                g.writeStringField("kind", m.kind().key());
                if (m.kind() == ModelPrice.Kind.IMAGE) {
                    g.writeObjectFieldStart("images");
                    for (Map.Entry<String, BigDecimal> e : m.images().entrySet()) {
                        plain(g, e.getKey(), e.getValue());
                    }
                    g.writeEndObject();
                    g.writeEndObject();
                    continue;
                }
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
                if (m.custom() != null) {
                    g.writeObjectFieldStart("custom");
                    g.writeStringField("serving", m.custom().onDemand() ? "on_demand" : "provisioned_only");
                    if (m.custom().prices() != null) {
                        prices(g, "prices", m.custom().prices());
                    }
                    g.writeEndObject();
                }
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
            services(g, card.services());
            g.writeEndObject();
        });
    }

    /** The card's services with their exact prices, as the card gives them. */
    private static void services(JsonGenerator g, RateCard.Services s) throws IOException {
        g.writeObjectFieldStart("services");
        if (s.egress() != null) {
            g.writeObjectFieldStart("egress");
            plain(g, "free_gb", s.egress().freeGb());
            g.writeArrayFieldStart("tiers");
            for (RateCard.EgressTier tier : s.egress().tiers()) {
                g.writeStartObject();
                plain(g, "up_to_gb", tier.upToGb());
                plain(g, "per_gb", tier.perGb());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        if (s.interRegionPerGb() != null) {
            g.writeObjectFieldStart("inter_region");
            plain(g, "per_gb", s.interRegionPerGb());
            g.writeEndObject();
        }
        if (s.logging() != null) {
            g.writeObjectFieldStart("logging");
            plain(g, "ingest_per_gb", s.logging().ingestPerGb());
            plain(g, "storage_per_gb_month", s.logging().storagePerGbMonth());
            g.writeEndObject();
        }
        if (s.metricsPerMonth() != null) {
            g.writeObjectFieldStart("metrics");
            plain(g, "per_metric_month", s.metricsPerMonth());
            g.writeEndObject();
        }
        if (s.guardrailsPer1kTextUnits() != null) {
            g.writeObjectFieldStart("guardrails");
            plain(g, "per_1k_text_units", s.guardrailsPer1kTextUnits());
            g.writeEndObject();
        }
        if (s.knowledgeBase() != null) {
            g.writeObjectFieldStart("knowledge_base");
            plain(g, "monthly", s.knowledgeBase().monthly());
            plain(g, "ocu_hourly", s.knowledgeBase().ocuHourly());
            plain(g, "min_ocus", s.knowledgeBase().minOcus());
            plain(g, "index_storage_per_gb_month", s.knowledgeBase().indexStoragePerGbMonth());
            g.writeEndObject();
        }
        if (s.s3PerGbMonth() != null) {
            g.writeObjectFieldStart("s3");
            plain(g, "per_gb_month", s.s3PerGbMonth());
            g.writeEndObject();
        }
        if (s.fineTuningStoragePerModelMonth() != null) {
            g.writeObjectFieldStart("fine_tuning");
            plain(g, "storage_per_model_month", s.fineTuningStoragePerModelMonth());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void prices(JsonGenerator g, String name, TokenPrices p) throws IOException {
        g.writeObjectFieldStart(name);
        plain(g, "input", p.input());
        plain(g, "output", p.output());
        plain(g, "cache_write", p.cacheWrite());
        plain(g, "cache_read", p.cacheRead());
        plain(g, "cache_write_1h", p.cacheWrite1h());
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
