package dev.aicost.render;

import dev.aicost.model.Mode;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.model.TokenPrices;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Writes a rate card as {@code aicost/ratecard/v1} YAML that the card reader reads back unchanged. */
public final class RateCardYaml {
    private RateCardYaml() {
    }

    /** The card's YAML, after {@code comments} as '#' lines. */
    public static String write(RateCard card, List<String> comments) {
        StringBuilder out = new StringBuilder();
        for (String comment : comments) {
            out.append("# ").append(comment).append('\n');
        }
        out.append("schema: aicost/ratecard/v1\n");
        scalar(out, "", "id", card.id());
        scalar(out, "", "provider", card.provider());
        if (card.region() != null) {
            scalar(out, "", "region", card.region());
        }
        scalar(out, "", "currency", card.currency());
        out.append("effective: ").append(card.effective()).append('\n');
        out.append("checked: ").append(card.checked()).append('\n');
        scalar(out, "", "source", card.source());
        RateCard.ModeDefaults d = card.defaults();
        if (d.batchDiscount() != null || d.priorityPremium() != null || d.flexDiscount() != null) {
            out.append("defaults:\n");
            number(out, "  ", "batch_discount", d.batchDiscount());
            number(out, "  ", "priority_premium", d.priorityPremium());
            number(out, "  ", "flex_discount", d.flexDiscount());
        }
        out.append("models:\n");
        for (ModelPrice m : card.models().values()) {
            out.append("  ").append(quote(m.id())).append(":\n");
            if (!m.name().equals(m.id())) {
                scalar(out, "    ", "name", m.name());
            }
            if (!m.aliases().isEmpty()) {
                out.append("    aliases: [").append(String.join(", ", m.aliases().stream().map(RateCardYaml::quote)
                        .toList())).append("]\n");
            }
            if (m.tier() != null) {
                out.append("    tier: ").append(m.tier()).append('\n');
            }
            if (m.kind() != ModelPrice.Kind.CHAT) {
                out.append("    kind: ").append(m.kind().key()).append('\n');
            }
            tokens(out, "    ", m.standard());
            if (!m.images().isEmpty()) {
                out.append("    images: {");
                int n = 0;
                for (Map.Entry<String, BigDecimal> size : m.images().entrySet()) {
                    out.append(n++ == 0 ? " " : ", ").append(quote(size.getKey())).append(": ")
                            .append(size.getValue().toPlainString());
                }
                out.append(" }\n");
            }
            for (Mode mode : List.of(Mode.BATCH, Mode.PRIORITY, Mode.FLEX)) {
                TokenPrices prices = m.modes().get(mode);
                if (prices != null) {
                    out.append("    ").append(mode.key()).append(": ").append(inline(prices)).append('\n');
                }
            }
            if (m.longContext() != null) {
                out.append("    long_context:\n      above_tokens: ").append(m.longContext().aboveTokens()).append('\n');
                tokens(out, "      ", m.longContext().prices());
            }
            number(out, "    ", "training", m.training());
            if (m.provisioned() != null) {
                out.append("    provisioned:\n");
                number(out, "      ", "model_unit_tpm", m.provisioned().modelUnitTpm());
                if (m.provisioned().tpmAssumed()) {
                    out.append("      tpm_assumed: true\n");
                }
                out.append("      hourly: {");
                int i = 0;
                for (Map.Entry<String, BigDecimal> term : m.provisioned().hourly().entrySet()) {
                    out.append(i++ == 0 ? " " : ", ").append(term.getKey()).append(": ")
                            .append(term.getValue().toPlainString());
                }
                out.append(" }\n");
            }
            if (m.custom() != null) {
                out.append("    custom: { serving: ").append(m.custom().onDemand() ? "on_demand" : "provisioned_only");
                String prices = m.custom().prices() == null ? "" : inline(m.custom().prices());
                out.append(prices.isEmpty() ? " }" : ", " + prices.substring(2)).append('\n');
            }
        }
        services(out, card.services());
        return out.toString();
    }

    private static void services(StringBuilder out, RateCard.Services s) {
        StringBuilder body = new StringBuilder();
        if (s.egress() != null) {
            RateCard.Egress egress = s.egress();
            if (egress.tiers().size() == 1) {
                body.append("  egress: { per_gb: ").append(egress.firstRate().toPlainString())
                        .append(egress.freeGb() == null ? "" : ", free_gb: " + egress.freeGb().toPlainString())
                        .append(" }\n");
            } else {
                body.append("  egress:\n");
                if (egress.freeGb() != null) {
                    body.append("    free_gb: ").append(egress.freeGb().toPlainString()).append('\n');
                }
                body.append("    tiers:\n");
                for (RateCard.EgressTier tier : egress.tiers()) {
                    body.append("      - { ").append(tier.upToGb() == null ? ""
                            : "up_to_gb: " + tier.upToGb().toPlainString() + ", ").append("per_gb: ")
                            .append(tier.perGb().toPlainString()).append(" }\n");
                }
            }
        }
        if (s.guardrailsPer1kTextUnits() != null) {
            body.append("  guardrails: { per_1k_text_units: ").append(s.guardrailsPer1kTextUnits().toPlainString())
                    .append(" }\n");
        }
        if (s.knowledgeBase() != null) {
            RateCard.KnowledgeBase kb = s.knowledgeBase();
            body.append("  knowledge_base: { ").append(kb.perOcu() ? "ocu_hourly: " + kb.ocuHourly().toPlainString()
                    + ", min_ocus: " + kb.minOcus().toPlainString() + (kb.indexStoragePerGbMonth() == null ? ""
                            : ", index_storage_per_gb_month: " + kb.indexStoragePerGbMonth().toPlainString())
                    : "monthly: " + kb.monthly().toPlainString()).append(" }\n");
        }
        if (s.fineTuningStoragePerModelMonth() != null) {
            body.append("  fine_tuning: { storage_per_model_month: ")
                    .append(s.fineTuningStoragePerModelMonth().toPlainString()).append(" }\n");
        }
        if (s.interRegionPerGb() != null) {
            body.append("  inter_region: { per_gb: ").append(s.interRegionPerGb().toPlainString()).append(" }\n");
        }
        if (s.logging() != null) {
            body.append("  logging: { ingest_per_gb: ").append(s.logging().ingestPerGb().toPlainString())
                    .append(", storage_per_gb_month: ").append(s.logging().storagePerGbMonth().toPlainString())
                    .append(" }\n");
        }
        if (s.metricsPerMonth() != null) {
            body.append("  metrics: { per_metric_month: ").append(s.metricsPerMonth().toPlainString()).append(" }\n");
        }
        if (s.s3PerGbMonth() != null) {
            body.append("  s3: { per_gb_month: ").append(s.s3PerGbMonth().toPlainString()).append(" }\n");
        }
        if (body.length() > 0) {
            out.append("services:\n").append(body);
        }
    }

    private static void tokens(StringBuilder out, String indent, TokenPrices prices) {
        number(out, indent, "input", prices.input());
        number(out, indent, "output", prices.output());
        number(out, indent, "cache_write", prices.cacheWrite());
        number(out, indent, "cache_read", prices.cacheRead());
        number(out, indent, "cache_write_1h", prices.cacheWrite1h());
    }

    private static String inline(TokenPrices prices) {
        StringBuilder out = new StringBuilder("{");
        String[] names = {"input", "output", "cache_write", "cache_read", "cache_write_1h"};
        BigDecimal[] values = {prices.input(), prices.output(), prices.cacheWrite(), prices.cacheRead(),
            prices.cacheWrite1h()};
        int written = 0;
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null) {
                out.append(written++ == 0 ? " " : ", ").append(names[i]).append(": ").append(values[i].toPlainString());
            }
        }
        return out.append(" }").toString();
    }

    private static void number(StringBuilder out, String indent, String key, BigDecimal value) {
        if (value != null) {
            out.append(indent).append(key).append(": ").append(value.toPlainString()).append('\n');
        }
    }

    private static void scalar(StringBuilder out, String indent, String key, String value) {
        out.append(indent).append(key).append(": ").append(quote(value)).append('\n');
    }

    /** Single-quoted YAML, so ids like {@code us.anthropic...-v1:0} stay strings. */
    static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
