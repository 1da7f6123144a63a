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
            tokens(out, "    ", m.standard());
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
        }
        RateCard.Services s = card.services();
        if (s.egressPerGb() != null || s.guardrailsPer1kTextUnits() != null || s.knowledgeBaseMonthly() != null
                || s.fineTuningStoragePerModelMonth() != null) {
            out.append("services:\n");
            if (s.egressPerGb() != null) {
                out.append("  egress: { per_gb: ").append(s.egressPerGb().toPlainString())
                        .append(s.egressFreeGb() == null ? "" : ", free_gb: " + s.egressFreeGb().toPlainString())
                        .append(" }\n");
            }
            if (s.guardrailsPer1kTextUnits() != null) {
                out.append("  guardrails: { per_1k_text_units: ").append(s.guardrailsPer1kTextUnits().toPlainString())
                        .append(" }\n");
            }
            if (s.knowledgeBaseMonthly() != null) {
                out.append("  knowledge_base: { monthly: ").append(s.knowledgeBaseMonthly().toPlainString())
                        .append(" }\n");
            }
            if (s.fineTuningStoragePerModelMonth() != null) {
                out.append("  fine_tuning: { storage_per_model_month: ")
                        .append(s.fineTuningStoragePerModelMonth().toPlainString()).append(" }\n");
            }
        }
        return out.toString();
    }

    private static void tokens(StringBuilder out, String indent, TokenPrices prices) {
        number(out, indent, "input", prices.input());
        number(out, indent, "output", prices.output());
        number(out, indent, "cache_write", prices.cacheWrite());
        number(out, indent, "cache_read", prices.cacheRead());
    }

    private static String inline(TokenPrices prices) {
        StringBuilder out = new StringBuilder("{");
        String[] names = {"input", "output", "cache_write", "cache_read"};
        BigDecimal[] values = {prices.input(), prices.output(), prices.cacheWrite(), prices.cacheRead()};
        int written = 0;
        for (int i = 0; i < 4; i++) {
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
