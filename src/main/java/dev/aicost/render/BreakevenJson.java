package dev.aicost.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.aicost.breakeven.Breakeven;
import dev.aicost.breakeven.ProfileSizing;
import dev.aicost.breakeven.TermBreakeven;
import dev.aicost.report.BreakevenReport;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The {@code aicost/breakeven/v1} JSON report. With one term its fields stand at the top level;
 * with several, a {@code terms} list holds one object per term (docs/breakeven.md).
 */
final class BreakevenJson {
    private BreakevenJson() {
    }

    static String render(BreakevenReport report) {
        return JsonText.write(g -> write(g, report));
    }

    private static void write(JsonGenerator g, BreakevenReport report) throws IOException {
        Breakeven b = report.breakeven();
        g.writeStartObject();
        g.writeStringField("schema", "aicost/breakeven/v1");
        g.writeStringField("ratecard", b.ratecard());
        g.writeStringField("currency", b.currency());
        g.writeStringField("model", b.model());
        g.writeNumberField("hours_per_month", Numbers.quantity(b.hoursPerMonth()));
        g.writeObjectFieldStart("call_shape");
        g.writeNumberField("input_tokens", Numbers.quantity(b.shape().inputTokens()));
        g.writeNumberField("output_tokens", Numbers.quantity(b.shape().outputTokens()));
        g.writeNumberField("cache_prefix_tokens", Numbers.quantity(b.shape().prefixTokens()));
        g.writeNumberField("cache_hit_rate", b.shape().hitRate());
        g.writeEndObject();
        g.writeStringField("on_demand_cost_per_call", Numbers.money6(b.onDemandPerCall()));
        g.writeStringField("on_demand_cost_per_1m_tokens", Numbers.money6(b.onDemandPerToken().movePointRight(6)));
        if (b.batchPerToken() == null) {
            g.writeNullField("batch_cost_per_1m_tokens");
        } else {
            g.writeStringField("batch_cost_per_1m_tokens", Numbers.money6(b.batchPerToken().movePointRight(6)));
        }
        g.writeNumberField("model_unit_tpm", Numbers.quantity(b.modelUnitTpm()));
        g.writeBooleanField("model_unit_tpm_assumed", b.tpmAssumed());
        if (b.terms().size() == 1) {
            term(g, report, 0);
        } else {
            g.writeArrayFieldStart("terms");
            for (int i = 0; i < b.terms().size(); i++) {
                g.writeStartObject();
                term(g, report, i);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeArrayFieldStart("sensitivity");
        for (Breakeven.Sensitivity row : b.sensitivity()) {
            g.writeStartObject();
            g.writeStringField("variable", row.variable());
            g.writeNumberField("value", row.value());
            g.writeObjectFieldStart("breakeven_utilization");
            for (int i = 0; i < b.terms().size(); i++) {
                g.writeNumberField(b.terms().get(i).term(), ratio(row.utilization().get(i)));
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        JsonText.strings(g, "warnings", report.warnings());
        g.writeEndObject();
    }

    private static void term(JsonGenerator g, BreakevenReport report, int index) throws IOException {
        Breakeven b = report.breakeven();
        TermBreakeven term = b.terms().get(index);
        g.writeStringField("term", term.term());
        g.writeStringField("model_unit_hourly", Numbers.money6(term.hourly()));
        g.writeStringField("model_unit_monthly_cost", Numbers.money6(term.unitMonthlyCost()));
        g.writeNumberField("model_unit_monthly_capacity_tokens", Numbers.quantity(term.unitMonthlyCapacity()));
        g.writeNumberField("breakeven_utilization", ratio(term.utilization()));
        g.writeNumberField("breakeven_tokens_per_month", term.tokensPerMonth().setScale(0, RoundingMode.HALF_EVEN));
        g.writeBooleanField("provisioned_never_wins", term.neverWins());
        g.writeArrayFieldStart("curve");
        for (Breakeven.CurvePoint point : b.curve()) {
            g.writeStartObject();
            g.writeNumberField("tokens_per_month", Numbers.quantity(point.tokens()));
            g.writeStringField("on_demand", Numbers.money6(point.onDemand()));
            if (point.batch() == null) {
                g.writeNullField("batch");
            } else {
                g.writeStringField("batch", Numbers.money6(point.batch()));
            }
            g.writeStringField("provisioned", Numbers.money6(point.provisioned().get(index)));
            g.writeNumberField("model_units", point.modelUnits());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (!b.sizing().isEmpty()) {
            ProfileSizing sizing = b.sizing().get(index);
            g.writeStringField("profile", report.profileFile());
            g.writeNumberField("profile_hours", sizing.hours());
            g.writeObjectFieldStart("percentiles");
            g.writeNumberField("p50", Numbers.quantity(sizing.percentiles().p50()));
            g.writeNumberField("p75", Numbers.quantity(sizing.percentiles().p75()));
            g.writeNumberField("p95", Numbers.quantity(sizing.percentiles().p95()));
            g.writeNumberField("max", Numbers.quantity(sizing.percentiles().max()));
            g.writeEndObject();
            g.writeNumberField("recommended_model_units", sizing.recommended());
            g.writeNumberField("cover_p50_model_units", sizing.coverP50());
            g.writeNumberField("cover_p95_model_units", sizing.coverP95());
            g.writeArrayFieldStart("sizing");
            for (ProfileSizing.Option option : sizing.options()) {
                g.writeStartObject();
                g.writeNumberField("model_units", option.units());
                g.writeStringField("provisioned_cost", Numbers.money6(option.provisionedCost()));
                g.writeStringField("spill_cost", Numbers.money6(option.spillCost()));
                g.writeStringField("monthly_cost", Numbers.money6(option.total()));
                if (option.utilization() == null) {
                    g.writeNullField("utilization");
                } else {
                    g.writeNumberField("utilization", ratio(option.utilization()));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    private static BigDecimal ratio(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_EVEN);
    }
}
