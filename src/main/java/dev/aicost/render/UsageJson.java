package dev.aicost.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.aicost.report.UsageReport;
import dev.aicost.usage.UsageAggregator;
import dev.aicost.usage.UsageAnalysis;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The usage report as JSON ({@code schema: aicost/usage/v1}), through Jackson's streaming generator. */
final class UsageJson {
    private UsageJson() {
    }

    static String render(UsageReport report) {
        return render(report, g -> { });
    }

    /** The report, with {@code more} writing further fields (the trend) before the warnings. */
    static String render(UsageReport report, JsonText.Body more) {
        UsageAnalysis.Result r = report.result();
        return JsonText.write(g -> {
            g.writeStartObject();
            g.writeStringField("schema", "aicost/usage/v1");
            JsonText.strings(g, "inputs", report.inputs());
            g.writeStringField("format", report.format());
            g.writeStringField("ratecard", report.ratecard());
            g.writeStringField("currency", report.currency());
            g.writeNumberField("records", r.records());
            g.writeNumberField("malformed_records", r.malformed());
            g.writeArrayFieldStart("malformed_samples");
            for (UsageAggregator.Malformed sample : r.samples()) {
                g.writeStartObject();
                g.writeStringField("file", sample.file());
                g.writeNumberField("line", sample.line());
                g.writeStringField("message", sample.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            rows(g, "models", r.models());
            if (!r.groups().isEmpty()) {
                g.writeStringField("by", report.tagKey());
                rows(g, "groups", r.groups());
            }
            UsageAnalysis.Hourly h = r.hourly();
            g.writeObjectFieldStart("hourly");
            g.writeNumberField("hours", h.hours());
            if (h.first() != null) {
                g.writeStringField("first_hour", UsageRenderer.HOUR.format(h.first()));
            }
            g.writeNumberField("p50", Numbers.quantity(h.p50()));
            g.writeNumberField("p75", Numbers.quantity(h.p75()));
            g.writeNumberField("p95", Numbers.quantity(h.p95()));
            g.writeNumberField("max", Numbers.quantity(h.max()));
            g.writeEndObject();
            g.writeStringField("total_cost", Numbers.money6(r.totalCost()));
            if (r.billing() != null) {
                billingJson(g, r.billing());
            } else {
                regionsJson(g, r.regions());
            }
            more.write(g);
            JsonText.strings(g, "warnings", UsageRenderer.warnings(report));
            g.writeEndObject();
        });
    }

    private static void billingJson(JsonGenerator g, UsageAnalysis.Billing billing) throws IOException {
        g.writeNumberField("token_rows", billing.tokenRows());
        g.writeStringField("billed_total", Numbers.money6(billing.billedTokens()));
        g.writeStringField("billed_priced_rows", Numbers.money6(billing.billedPriced()));
        g.writeStringField("gap_total", Numbers.money6(billing.gap()));
        if (billing.gapPercent() == null) {
            g.writeNullField("gap_total_percent");
        } else {
            g.writeStringField("gap_total_percent", UsageRenderer.percent(billing.gapPercent()));
        }
        g.writeStringField("billed_all_rows", Numbers.money6(billing.billedAll()));
        BigDecimal credited = BigDecimal.ZERO;
        for (UsageAnalysis.OtherLine line : billing.credits()) {
            credited = credited.add(line.billed());
        }
        linesJson(g, "credits", "kind", billing.credits(), false);
        g.writeStringField("credits_total", Numbers.money6(credited));
        linesJson(g, "other_ai_lines", "meter", billing.otherLines(), true);
    }

    /** Lines of a billing export by provider, service and meter (or kind), with their billed cost. */
    private static void linesJson(JsonGenerator g, String field, String meterField, List<UsageAnalysis.OtherLine> lines,
            boolean quantities) throws IOException {
        g.writeArrayFieldStart(field);
        for (UsageAnalysis.OtherLine line : lines) {
            g.writeStartObject();
            g.writeStringField("provider", line.provider());
            g.writeStringField("service", line.service());
            g.writeStringField(meterField, line.meter());
            if (quantities) {
                g.writeStringField("unit", line.unit());
            }
            g.writeNumberField("rows", line.rows());
            if (quantities) {
                g.writeStringField("quantity", line.quantity().stripTrailingZeros().toPlainString());
            }
            g.writeStringField("billed_cost", Numbers.money6(line.billed()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void regionsJson(JsonGenerator g, List<UsageAnalysis.RegionUse> regions) throws IOException {
        g.writeArrayFieldStart("regions");
        for (UsageAnalysis.RegionUse region : regions) {
            g.writeStartObject();
            g.writeStringField("region", region.region());
            g.writeNumberField("calls", region.calls());
            g.writeNumberField("share", region.share().setScale(4, RoundingMode.HALF_EVEN));
            g.writeStringField("ratecard", region.ratecard());
            g.writeBooleanField("priced_on_default_card", region.fallback());
            g.writeObjectFieldStart("inference_regions");
            for (var entry : region.inferenceRegions().entrySet()) {
                g.writeNumberField(entry.getKey(), entry.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void rows(JsonGenerator g, String field, List<UsageAnalysis.Row> rows) throws IOException {
        g.writeArrayFieldStart(field);
        for (UsageAnalysis.Row row : rows) {
            g.writeStartObject();
            if (row.tag() != null) {
                g.writeStringField("tag", row.tag());
            }
            g.writeStringField("model", row.model());
            g.writeBooleanField("mapped", row.mapped());
            JsonText.strings(g, "logged_ids", row.loggedIds());
            if (row.billedCost() == null) {
                g.writeNumberField("calls", row.calls());
            } else {
                g.writeNullField("calls");
            }
            g.writeNumberField("input_tokens", row.inputTokens());
            g.writeNumberField("cache_read_tokens", row.cacheReadTokens());
            g.writeNumberField("cache_write_tokens", row.cacheWriteTokens());
            g.writeNumberField("output_tokens", row.outputTokens());
            g.writeNumberField("long_context_calls", row.longContextCalls());
            g.writeNumberField("avg_input_tokens", row.averageInput().setScale(2, RoundingMode.HALF_EVEN));
            g.writeNumberField("avg_output_tokens", row.averageOutput().setScale(2, RoundingMode.HALF_EVEN));
            if (row.p50Input() < 0) {
                g.writeNullField("call_shape_percentiles"); // sums from a SQL result: no call was seen
            } else {
                g.writeObjectFieldStart("call_shape_percentiles");
                g.writeNumberField("input_p50", row.p50Input());
                g.writeNumberField("input_p95", row.p95Input());
                g.writeNumberField("output_p50", row.p50Output());
                g.writeNumberField("output_p95", row.p95Output());
                g.writeEndObject();
            }
            JsonText.money(g, "cost", row.cost());
            if (row.billedCost() != null) {
                g.writeStringField("billed_cost", Numbers.money6(row.billedCost()));
                JsonText.money(g, "gap", row.gap());
                if (row.gap() == null || row.gapPercent() == null) {
                    g.writeNullField("gap_percent");
                } else {
                    g.writeStringField("gap_percent", UsageRenderer.percent(row.gapPercent()));
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
