package dev.aicost.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.aicost.report.RouteReport;
import dev.aicost.routing.Routing;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** The {@code aicost/route-report/v1} JSON report. */
final class RouteJson {
    private RouteJson() {
    }

    static String render(RouteReport report) {
        return JsonText.write(g -> {
            g.writeStartObject();
            g.writeStringField("schema", "aicost/route-report/v1");
            g.writeStringField("spec", report.spec());
            if (report.routeSpec().maxCostPerRequest() != null) {
                g.writeStringField("max_cost_per_request", Numbers.money6(report.routeSpec().maxCostPerRequest()));
                g.writeStringField("over_ceiling",
                        report.routeSpec().overCeiling().name().toLowerCase(java.util.Locale.ROOT));
            }
            routing(g, report.routing());
            if (!report.comparisons().isEmpty()) {
                g.writeArrayFieldStart("comparisons");
                for (RouteReport.Compared compared : report.comparisons()) {
                    g.writeStartObject();
                    if (compared.routing() == null) {
                        g.writeStringField("ratecard", compared.ratecard());
                    } else {
                        routing(g, compared.routing());
                    }
                    if (compared.note() != null) {
                        g.writeStringField("note", compared.note());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            JsonText.strings(g, "warnings", report.warnings());
            g.writeEndObject();
        });
    }

    private static void routing(JsonGenerator g, Routing r) throws IOException {
        g.writeStringField("ratecard", r.ratecard());
        g.writeStringField("currency", r.currency());
        g.writeStringField("baseline", r.baseline().id());
        g.writeNumberField("requests_per_month", Numbers.quantity(r.requestsPerMonth()));
        g.writeArrayFieldStart("classes");
        for (Routing.Assignment a : r.assignments()) {
            g.writeStartObject();
            g.writeStringField("name", a.routeClass().name());
            g.writeNumberField("share", a.routeClass().share());
            g.writeNumberField("min_tier", a.routeClass().minTier());
            if (a.model() == null) {
                g.writeNullField("model");
                g.writeNullField("tier");
                g.writeNullField("cost_per_request");
            } else {
                g.writeStringField("model", a.model().id());
                g.writeNumberField("tier", a.model().tier());
                g.writeStringField("cost_per_request", Numbers.money6(a.costPerRequest()));
            }
            g.writeNumberField("requests", Numbers.quantity(a.requests()));
            g.writeStringField("monthly_cost", Numbers.money6(a.monthlyCost()));
            if (a.flag() == Routing.Flag.ROUTED) {
                g.writeNullField("flag");
            } else {
                g.writeStringField("flag", a.flag().key());
            }
            g.writeStringField("cheapest_sufficient_model", a.cheapestSufficient().id());
            g.writeStringField("baseline_cost_per_request", Numbers.money6(a.baselineCostPerRequest()));
            g.writeStringField("baseline_monthly_cost", Numbers.money6(a.baselineMonthlyCost()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("baseline_monthly_cost", Numbers.money6(r.baselineMonthlyCost()));
        g.writeStringField("routed_monthly_cost", Numbers.money6(r.routedMonthlyCost()));
        g.writeStringField("savings", Numbers.money6(r.savings()));
        if (r.savingsPercent() == null) {
            g.writeNullField("savings_pct");
        } else {
            g.writeNumberField("savings_pct", r.savingsPercent().setScale(4, RoundingMode.HALF_EVEN));
        }
        g.writeNumberField("rejected_requests", Numbers.quantity(r.rejectedRequests()));
        g.writeObjectFieldStart("mix");
        for (Map.Entry<String, BigDecimal> entry : r.mix().entrySet()) {
            g.writeNumberField(entry.getKey(), entry.getValue());
        }
        g.writeEndObject();
    }
}
