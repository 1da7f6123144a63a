package dev.aicost.input;

import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.routing.RouteSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The card a routing spec routes on, with its baseline and candidate models found there (every
 * model with a tier when the spec lists none); what cannot be found is bad input at its key.
 */
public record RouteCard(RateCard card, ModelPrice baseline, List<ModelPrice> candidates) {

    /** The card of {@code loaded} ({@code flagCard}, a {@code --ratecard} value, wins when given). */
    public static RouteCard of(RouteSpecReader.Loaded loaded, RouteSpec spec, String flagCard,
            RateCardRepository repository) {
        return of(loaded, spec, flagCard, null, repository);
    }

    /** As above; {@code fallback} (a configured default card, or null) when neither the flag nor the spec names one. */
    public static RouteCard of(RouteSpecReader.Loaded loaded, RouteSpec spec, String flagCard, DefaultCard fallback,
            RateCardRepository repository) {
        String reference = flagCard != null ? flagCard : spec.ratecard();
        String flagWhere = "--ratecard";
        if (reference == null && fallback != null) {
            flagCard = fallback.reference();
            reference = flagCard;
            flagWhere = fallback.where();
        }
        if (reference == null) {
            throw new InputException(loaded.problemAt(-1, "ratecard",
                    "no rate card: add 'ratecard:' to the spec or pass --ratecard ID"));
        }
        RateCard card;
        try {
            card = repository.load(reference, flagCard == null ? loaded.directory() : null,
                    flagCard == null ? loaded.file() : flagWhere);
        } catch (InputException e) {
            throw flagCard == null ? e.placed(message -> loaded.problemAt(-1, "ratecard", message)) : e;
        }
        List<Problem> problems = new ArrayList<>();
        ModelPrice baseline = card.find(spec.baseline()).orElse(null);
        if (baseline == null) {
            problems.add(loaded.problemAt(-1, "baseline", Suggest.unknownModel(spec.baseline(), card)));
        }
        List<ModelPrice> candidates = new ArrayList<>();
        if (spec.candidates() == null) {
            card.models().values().stream().filter(m -> m.tier() != null).forEach(candidates::add);
        } else {
            for (int i = 0; i < spec.candidates().size(); i++) {
                String name = spec.candidates().get(i);
                Optional<ModelPrice> found = card.find(name);
                if (found.isEmpty()) {
                    problems.add(loaded.candidateProblem(i, Suggest.unknownModel(name, card)));
                } else if (found.get().tier() == null) {
                    problems.add(loaded.candidateProblem(i, found.get().id() + " has no capability tier on "
                            + card.id() + ", so it cannot be routed to"));
                } else if (!candidates.contains(found.get())) {
                    candidates.add(found.get());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new RouteCard(card, baseline, List.copyOf(candidates));
    }
}
