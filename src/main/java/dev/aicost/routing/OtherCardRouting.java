package dev.aicost.routing;

import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.pricing.CardComparison;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The same routing on another card: the baseline and candidates mapped onto it (an explicit map
 * first, then ids and aliases), routed by the same rules. Plain Java, no I/O.
 */
public final class OtherCardRouting {
    private OtherCardRouting() {
    }

    /** The routing on the other card (null when it cannot be routed) and what is missing or why not. */
    public record Result(String ratecard, Routing routing, String note) {
    }

    /**
     * @param candidates the candidates on the spec's card, or null when the spec lists none (then every
     *                   model of {@code other} with a tier)
     */
    public static Result route(RouteSpec spec, ModelPrice baseline, List<ModelPrice> candidates, RateCard other,
            Map<String, String> explicit) {
        Optional<ModelPrice> otherBaseline = CardComparison.map(spec.baseline(), baseline, other, explicit);
        if (otherBaseline.isEmpty()) {
            return new Result(other.id(), null, "no equivalent of the baseline " + baseline.id() + " (add one with --map)");
        }
        LinkedHashSet<ModelPrice> otherCandidates = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        if (candidates == null) {
            other.models().values().stream().filter(m -> m.tier() != null).forEach(otherCandidates::add);
        } else {
            for (ModelPrice candidate : candidates) {
                Optional<ModelPrice> mapped = CardComparison.map(candidate.id(), candidate, other, explicit);
                if (mapped.isPresent() && mapped.get().tier() != null) {
                    otherCandidates.add(mapped.get());
                } else {
                    missing.add(candidate.id());
                }
            }
        }
        try {
            Routing routing = Router.route(spec, other, otherBaseline.get(), new ArrayList<>(otherCandidates));
            return new Result(other.id(), routing, missing.isEmpty() ? null : "no equivalent of " + String.join(", ",
                    missing));
        } catch (RoutingException e) {
            return new Result(other.id(), null, "class " + spec.classes().get(e.classIndex()).name() + ": "
                    + e.getMessage());
        }
    }
}
