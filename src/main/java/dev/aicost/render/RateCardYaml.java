package dev.aicost.render;

import dev.aicost.model.Mode;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.model.TokenPrices;
import java.util.List;

/**
 * Writes a rate card as {@code aicost/ratecard/v1} YAML that the card reader reads back unchanged,
 * through jackson-dataformat-yaml's generator ({@link YamlOut}): ids such as {@code on} or
 * {@code 1e3} and names with colons are quoted exactly where the reader needs them to be.
 */
public final class RateCardYaml {
    private RateCardYaml() {
    }

    /** The card's YAML, after {@code comments} as '#' lines. */
    public static String write(RateCard card, List<String> comments) {
        YamlOut out = new YamlOut(comments)
                .string("schema", "aicost/ratecard/v1")
                .string("id", card.id())
                .string("provider", card.provider())
                .string("region", card.region())
                .string("currency", card.currency())
                .plain("effective", card.effective())
                .plain("checked", card.checked())
                .string("source", card.source());
        RateCard.ModeDefaults d = card.defaults();
        if (d.batchDiscount() != null || d.priorityPremium() != null || d.flexDiscount() != null) {
            out.startMap("defaults")
                    .number("batch_discount", d.batchDiscount())
                    .number("priority_premium", d.priorityPremium())
                    .number("flex_discount", d.flexDiscount())
                    .endMap();
        }
        out.startMap("models");
        for (ModelPrice m : card.models().values()) {
            model(out, m);
        }
        out.endMap();
        services(out, card.services());
        return out.finish();
    }

    private static void model(YamlOut out, ModelPrice m) {
        out.startMap(m.id());
        if (!m.name().equals(m.id())) {
            out.string("name", m.name());
        }
        if (!m.aliases().isEmpty()) {
            out.strings("aliases", m.aliases());
        }
        if (m.tier() != null) {
            out.number("tier", m.tier());
        }
        if (m.kind() != ModelPrice.Kind.CHAT) {
            out.string("kind", m.kind().key());
        }
        tokens(out, m.standard());
        if (!m.images().isEmpty()) {
            out.numbers("images", m.images());
        }
        for (Mode mode : List.of(Mode.BATCH, Mode.PRIORITY, Mode.FLEX)) {
            TokenPrices prices = m.modes().get(mode);
            if (prices != null) {
                tokens(out.startMap(mode.key()), prices);
                out.endMap();
            }
        }
        if (m.longContext() != null) {
            out.startMap("long_context").number("above_tokens", m.longContext().aboveTokens());
            tokens(out, m.longContext().prices());
            out.endMap();
        }
        out.number("training", m.training());
        if (m.provisioned() != null) {
            out.startMap("provisioned").number("model_unit_tpm", m.provisioned().modelUnitTpm());
            if (m.provisioned().tpmAssumed()) {
                out.bool("tpm_assumed", true);
            }
            out.numbers("hourly", m.provisioned().hourly()).endMap();
        }
        if (m.custom() != null) {
            out.startMap("custom").string("serving", m.custom().onDemand() ? "on_demand" : "provisioned_only");
            if (m.custom().prices() != null) {
                tokens(out, m.custom().prices());
            }
            out.endMap();
        }
        if (!m.history().isEmpty()) {
            out.startList("history");
            for (ModelPrice.PriceEra era : m.history()) {
                tokens(out.startItem().plain("until", era.until()), era.prices());
                out.endMap();
            }
            out.endList();
        }
        out.endMap();
    }

    private static void services(YamlOut out, RateCard.Services s) {
        if (s.equals(RateCard.Services.NONE)) {
            return;
        }
        out.startMap("services");
        if (s.egress() != null) {
            RateCard.Egress egress = s.egress();
            out.startMap("egress");
            if (egress.tiers().size() == 1) {
                out.number("per_gb", egress.firstRate()).number("free_gb", egress.freeGb());
            } else {
                out.number("free_gb", egress.freeGb()).startList("tiers");
                for (RateCard.EgressTier tier : egress.tiers()) {
                    out.startItem().number("up_to_gb", tier.upToGb()).number("per_gb", tier.perGb()).endMap();
                }
                out.endList();
            }
            out.endMap();
        }
        if (s.guardrailsPer1kTextUnits() != null) {
            out.startMap("guardrails").number("per_1k_text_units", s.guardrailsPer1kTextUnits()).endMap();
        }
        if (s.knowledgeBase() != null) {
            RateCard.KnowledgeBase kb = s.knowledgeBase();
            out.startMap("knowledge_base");
            if (kb.perOcu()) {
                out.number("ocu_hourly", kb.ocuHourly()).number("min_ocus", kb.minOcus())
                        .number("index_storage_per_gb_month", kb.indexStoragePerGbMonth());
            } else {
                out.number("monthly", kb.monthly());
            }
            out.endMap();
        }
        if (s.fineTuningStoragePerModelMonth() != null) {
            out.startMap("fine_tuning").number("storage_per_model_month", s.fineTuningStoragePerModelMonth()).endMap();
        }
        if (s.interRegionPerGb() != null) {
            out.startMap("inter_region").number("per_gb", s.interRegionPerGb()).endMap();
        }
        if (s.logging() != null) {
            out.startMap("logging").number("ingest_per_gb", s.logging().ingestPerGb())
                    .number("storage_per_gb_month", s.logging().storagePerGbMonth()).endMap();
        }
        if (s.metricsPerMonth() != null) {
            out.startMap("metrics").number("per_metric_month", s.metricsPerMonth()).endMap();
        }
        if (s.s3PerGbMonth() != null) {
            out.startMap("s3").number("per_gb_month", s.s3PerGbMonth()).endMap();
        }
        out.endMap();
    }

    private static void tokens(YamlOut out, TokenPrices prices) {
        out.number("input", prices.input())
                .number("output", prices.output())
                .number("cache_write", prices.cacheWrite())
                .number("cache_read", prices.cacheRead())
                .number("cache_write_1h", prices.cacheWrite1h());
    }
}
