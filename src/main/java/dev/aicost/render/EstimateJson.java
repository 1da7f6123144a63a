package dev.aicost.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.aicost.pricing.Comparison;
import dev.aicost.pricing.Estimate;
import dev.aicost.pricing.Guardrails;
import dev.aicost.pricing.LineItem;
import dev.aicost.pricing.ReportLine;
import dev.aicost.pricing.WorkloadMonth;
import dev.aicost.report.EstimateReport;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/** The {@code aicost/estimate/v1} JSON report: money as 6-decimal strings, quantities as numbers. */
final class EstimateJson {
    static final String SCHEMA = "aicost/estimate/v1";

    private EstimateJson() {
    }

    static String render(EstimateReport report) {
        return JsonText.write(g -> write(g, report));
    }

    private static void write(JsonGenerator g, EstimateReport report) throws IOException {
        Estimate estimate = report.estimate();
        g.writeStartObject();
        g.writeStringField("schema", SCHEMA);
        g.writeStringField("spec", report.spec());
        g.writeStringField("currency", report.currency());
        g.writeNumberField("hours_per_month", Numbers.quantity(report.hoursPerMonth()));
        g.writeNumberField("months", report.months());
        g.writeArrayFieldStart("workloads");
        for (int i = 0; i < estimate.workloads().size(); i++) {
            WorkloadMonth month = estimate.workloads().get(i);
            g.writeStartObject();
            g.writeStringField("name", month.input().workload().name());
            g.writeStringField("ratecard", month.input().card().id());
            g.writeStringField("model", month.input().model().id());
            g.writeNumberField("requests_per_month", Numbers.quantity(month.requests()));
            g.writeNumberField("calls_per_month", Numbers.quantity(month.calls()));
            g.writeNumberField("tokens_per_month", Numbers.quantity(month.tokens()));
            g.writeStringField("monthly_cost", Numbers.money6(month.monthlyCost()));
            g.writeStringField("monthly_cost_low", Numbers.money6(estimate.ranges().get(i).low()));
            g.writeStringField("monthly_cost_high", Numbers.money6(estimate.ranges().get(i).high()));
            ranges(g, month.input().workload().ranges());
            JsonText.money(g, "cost_per_1k_requests", month.costPer1kRequests());
            JsonText.money(g, "cost_per_1m_tokens", month.costPer1mTokens());
            lines(g, "lines", month.lines());
            lines(g, "one_time", month.oneTime());
            g.writeStringField("one_time_cost", Numbers.money6(month.oneTimeCost()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("report_lines");
        for (ReportLine line : estimate.reportLines()) {
            g.writeStartObject();
            g.writeStringField("component", line.component());
            g.writeStringField("ratecard", line.ratecard());
            priced(g, line.quantity(), line.unit(), line.rate(), line.rateUnit(), line.cost());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("monthly_total", Numbers.money6(estimate.monthlyTotal()));
        g.writeStringField("monthly_total_low", Numbers.money6(estimate.totalRange().low()));
        g.writeStringField("monthly_total_high", Numbers.money6(estimate.totalRange().high()));
        g.writeStringField("one_time_total", Numbers.money6(estimate.oneTimeTotal()));
        g.writeArrayFieldStart("forecast");
        for (Estimate.MonthTotal month : estimate.forecast()) {
            g.writeStartObject();
            g.writeNumberField("month", month.month());
            g.writeStringField("total", Numbers.money6(month.total()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("horizon_total", Numbers.money6(estimate.horizonTotal()));
        if (report.discount() != null) {
            g.writeObjectFieldStart("discount");
            g.writeNumberField("rate", report.discount());
            g.writeStringField("net_monthly_total", Numbers.money6(Guardrails.net(estimate.monthlyTotal(),
                    report.discount())));
            g.writeStringField("net_horizon_total", Numbers.money6(Guardrails.net(estimate.horizonTotal(),
                    report.discount())));
            g.writeEndObject();
        }
        if (!report.comparisons().isEmpty()) {
            comparisons(g, report.comparisons());
        }
        if (report.baseline() != null) {
            EstimateReport.Baseline baseline = report.baseline();
            g.writeObjectFieldStart("baseline");
            g.writeStringField("file", baseline.file());
            g.writeStringField("previous_monthly_total", Numbers.money6(baseline.change().previous()));
            g.writeStringField("change", Numbers.money6(baseline.change().amount()));
            if (baseline.change().percent() == null) {
                g.writeNullField("change_pct");
            } else {
                g.writeNumberField("change_pct", baseline.change().percent().setScale(4,
                        java.math.RoundingMode.HALF_EVEN));
            }
            if (baseline.failAbovePercent() != null) {
                g.writeNumberField("fail_on_increase_pct", baseline.failAbovePercent());
            }
            g.writeBooleanField("tripped", baseline.tripped());
            g.writeEndObject();
        }
        if (report.budget() != null) {
            g.writeObjectFieldStart("budget");
            g.writeStringField("amount", Numbers.money6(report.budget()));
            g.writeStringField("judged_total", Numbers.money6(report.guardedTotal()));
            g.writeBooleanField("exceeded", report.overBudget());
            g.writeStringField("judged_high", Numbers.money6(report.guardedHigh()));
            g.writeBooleanField("high_exceeds", Guardrails.overBudget(report.guardedHigh(), report.budget()));
            g.writeEndObject();
        }
        JsonText.strings(g, "warnings", report.warnings());
        g.writeEndObject();
    }

    private static void comparisons(JsonGenerator g, List<Comparison> comparisons) throws IOException {
        g.writeArrayFieldStart("comparisons");
        for (Comparison comparison : comparisons) {
            g.writeStartObject();
            g.writeStringField("ratecard", comparison.ratecard());
            g.writeStringField("currency", comparison.currency());
            g.writeArrayFieldStart("workloads");
            for (Comparison.Row row : comparison.rows()) {
                g.writeStartObject();
                g.writeStringField("name", row.workload());
                if (row.model() == null) {
                    g.writeNullField("model");
                } else {
                    g.writeStringField("model", row.model());
                }
                JsonText.money(g, "monthly_cost", row.monthlyCost());
                if (row.note() != null) {
                    g.writeStringField("note", row.note());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            BigDecimal credit = BigDecimal.ZERO;
            for (ReportLine line : comparison.reportLines()) {
                credit = credit.add(line.cost());
            }
            g.writeStringField("egress_free_tier", Numbers.money6(credit));
            g.writeStringField("monthly_total", Numbers.money6(comparison.monthlyTotal()));
            g.writeBooleanField("complete", comparison.complete());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void lines(JsonGenerator g, String field, List<LineItem> lines) throws IOException {
        g.writeArrayFieldStart(field);
        for (LineItem line : lines) {
            g.writeStartObject();
            g.writeStringField("component", line.component());
            if (line.mode() == null) {
                g.writeNullField("mode");
            } else {
                g.writeStringField("mode", line.mode().key());
            }
            priced(g, line.quantity(), line.unit(), line.rate(), line.rateUnit(), line.cost());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** The ranged fields of a workload and their ends: {@code { "input_tokens": { "low": .., "high": .. } }}. */
    private static void ranges(JsonGenerator g, java.util.Map<String, dev.aicost.model.Workload.Range> ranges)
            throws IOException {
        g.writeObjectFieldStart("ranges");
        for (var entry : ranges.entrySet()) {
            g.writeObjectFieldStart(entry.getKey());
            g.writeNumberField("low", Numbers.quantity(entry.getValue().low()));
            g.writeNumberField("high", Numbers.quantity(entry.getValue().high()));
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** The priced quantity of a line: how much, in what unit, at what rate, for what cost. */
    private static void priced(JsonGenerator g, BigDecimal quantity, String unit, BigDecimal rate,
            String rateUnit, BigDecimal cost) throws IOException {
        g.writeNumberField("quantity", Numbers.quantity(quantity));
        g.writeStringField("unit", unit);
        g.writeStringField("rate", Numbers.money6(rate));
        g.writeStringField("rate_unit", rateUnit);
        g.writeStringField("cost", Numbers.money6(cost));
    }
}
