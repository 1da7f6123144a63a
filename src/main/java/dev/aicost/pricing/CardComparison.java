package dev.aicost.pricing;

import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Prices already-checked workloads on another card, mapping their models across cards. */
public final class CardComparison {
    private CardComparison() {
    }

    /**
     * @param explicitMap model (as written in the spec, or its id or alias on the primary card)
     *     to model id on {@code other}; consulted before the aliases
     */
    public static Comparison compare(List<EstimateInput> primary, RateCard other, Map<String, String> explicitMap,
            BigDecimal hoursPerMonth) {
        List<Comparison.Row> rows = new ArrayList<>();
        List<WorkloadMonth> priced = new ArrayList<>();
        for (EstimateInput input : primary) {
            String workload = input.workload().name();
            Optional<ModelPrice> mapped = map(input.workload().model(), input.model(), other, explicitMap);
            if (mapped.isEmpty()) {
                rows.add(new Comparison.Row(workload, null, null,
                        "no equivalent of " + input.model().id() + " (add one with --map)"));
                continue;
            }
            ModelPrice model = mapped.get();
            List<String> borrowed = new ArrayList<>();
            RateCard target = withServicesFrom(other, input.card(), input.workload(), borrowed);
            dev.aicost.model.Workload w = input.workload();
            dev.aicost.model.Workload.KnowledgeBaseUse kb = w.knowledgeBase();
            if (kb != null && kb.embeddingModel() != null) {
                ModelPrice embedding = input.card().find(kb.embeddingModel()).orElseThrow();
                Optional<ModelPrice> there = map(kb.embeddingModel(), embedding, target, explicitMap);
                if (there.isPresent()) {
                    w = w.withKnowledgeBase(kb.withEmbeddingModel(there.get().id()));
                } else {
                    target = withModel(target, embedding);
                    borrowed.add("knowledge-base embeddings (" + embedding.id() + ")");
                }
            }
            List<PricingIssue> issues = CostEstimator.issues(w, model, target);
            if (!issues.isEmpty()) {
                rows.add(new Comparison.Row(workload, model.id(), null, issues.get(0).message()));
                continue;
            }
            WorkloadMonth month = CostEstimator.priceMonth(new EstimateInput(w, target, model), hoursPerMonth, 1);
            priced.add(month);
            rows.add(new Comparison.Row(workload, model.id(), month.monthlyCost(), borrowed.isEmpty() ? null
                    : String.join(", ", borrowed) + " at " + input.card().id() + " prices (" + other.id()
                            + " does not price " + (borrowed.size() == 1 ? "it" : "them") + ")"));
        }
        List<ReportLine> reportLines = CostEstimator.egressLines(priced);
        BigDecimal total = BigDecimal.ZERO;
        for (WorkloadMonth month : priced) {
            total = total.add(month.monthlyCost());
        }
        for (ReportLine line : reportLines) {
            total = total.add(line.cost());
        }
        return new Comparison(other.id(), other.currency(), rows, reportLines, total,
                priced.size() == primary.size());
    }

    /**
     * {@code card} with the services {@code workload} uses but {@code card} lacks taken from
     * {@code from}, so that a comparison stays like for like; {@code borrowed} receives their names.
     */
    static RateCard withServicesFrom(RateCard card, RateCard from, dev.aicost.model.Workload workload,
            List<String> borrowed) {
        RateCard.Services services = card.services();
        for (String service : workload.services()) {
            if (!services.has(service) && from.services().has(service)) {
                services = services.with(service, from.services());
                borrowed.add(CostEstimator.SERVICE_USES.get(service).name());
            }
        }
        if (borrowed.isEmpty()) {
            return card;
        }
        return new RateCard(card.id(), card.provider(), card.region(), card.currency(), card.effective(),
                card.checked(), card.source(), card.defaults(), card.models(), services);
    }

    /** {@code card} with {@code model} added (the primary card's embedding model, when the other has none). */
    private static RateCard withModel(RateCard card, ModelPrice model) {
        Map<String, ModelPrice> models = new java.util.LinkedHashMap<>(card.models());
        models.putIfAbsent(model.id(), model);
        return new RateCard(card.id(), card.provider(), card.region(), card.currency(), card.effective(),
                card.checked(), card.source(), card.defaults(), models, card.services());
    }

    /**
     * The model on {@code target} that stands for {@code primaryModel}: an explicit mapping of the
     * name as written, the id or an alias; else the first of those names that {@code target}
     * knows as an id or alias.
     */
    public static Optional<ModelPrice> map(String asWritten, ModelPrice primaryModel, RateCard target,
            Map<String, String> explicitMap) {
        List<String> names = new ArrayList<>();
        names.add(asWritten);
        names.add(primaryModel.id());
        names.addAll(primaryModel.aliases());
        for (String name : names) {
            String to = explicitMap.get(name);
            if (to != null) {
                return target.find(to);
            }
        }
        for (String name : names) {
            Optional<ModelPrice> found = target.find(name);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
