package dev.aicost.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.aicost.edp.EdpResult;
import dev.aicost.report.EdpReport;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The {@code aicost/edp-report/v1} JSON report with the docs/edp.md fields. */
final class EdpJson {
    private EdpJson() {
    }

    static BigDecimal ratio(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_EVEN);
    }

    static String render(EdpReport report) {
        return JsonText.write(g -> {
            g.writeStartObject();
            g.writeStringField("schema", "aicost/edp-report/v1");
            g.writeStringField("spec", report.spec());
            g.writeStringField("currency", report.currency());
            g.writeArrayFieldStart("scenarios");
            for (EdpResult result : report.results()) {
                g.writeStartObject();
                g.writeStringField("name", result.scenario().name());
                g.writeNumberField("term_years", result.scenario().termYears());
                g.writeNumberField("discount", result.discount());
                g.writeStringField("discount_source", result.discountSource());
                if (result.scenario().aiExtraDiscount() != null) {
                    g.writeNumberField("ai_extra_discount", result.scenario().aiExtraDiscount());
                }
                g.writeArrayFieldStart("years");
                for (EdpResult.Year y : result.years()) {
                    g.writeStartObject();
                    year(g, y);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeObjectFieldStart("totals");
                year(g, result.totals());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("recommendation");
            if (report.advice().recommended() == null) {
                g.writeNullField("scenario");
            } else {
                g.writeStringField("scenario", report.advice().recommended().scenario().name());
            }
            g.writeStringField("basis", report.advice().basis().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("text", EdpRenderer.recommendation(report));
            g.writeEndObject();
            JsonText.strings(g, "risks", EdpRenderer.risks(report));
            g.writeEndObject();
        });
    }

    private static void year(JsonGenerator g, EdpResult.Year y) throws IOException {
        if (y.year() > 0) {
            g.writeNumberField("year", y.year());
        }
        money(g, "list_spend", y.listSpend());
        money(g, "organic_spend", y.organicSpend());
        money(g, "ai_spend", y.aiSpend());
        money(g, "net_spend", y.netSpend());
        money(g, "commit", y.commit());
        money(g, "shortfall", y.shortfall());
        money(g, "support_fee", y.supportFee());
        money(g, "cost_with_edp", y.costWithEdp());
        money(g, "cost_without_edp", y.costWithoutEdp());
        money(g, "savings", y.savings());
        money(g, "cost_ai_direct", y.costAiDirect());
        money(g, "savings_vs_direct", y.savingsVsDirect());
        if (y.effectiveDiscount() == null) {
            g.writeNullField("effective_discount");
        } else {
            g.writeNumberField("effective_discount", ratio(y.effectiveDiscount()));
        }
        money(g, "commit_gap", y.commitGap());
        money(g, "ai_absorbed", y.aiAbsorbed());
        money(g, "incremental_ai_cost", y.incrementalAiCost());
        if (y.year() > 0) {
            money(g, "breakeven_commit", y.breakevenCommit());
        }
        if (y.shortfallProbability() != null) {
            g.writeNumberField("shortfall_probability", ratio(y.shortfallProbability()));
            money(g, "safe_commit", y.safeCommit());
        }
    }

    private static void money(JsonGenerator g, String field, BigDecimal amount) throws IOException {
        g.writeStringField(field, Numbers.money6(amount));
    }
}
