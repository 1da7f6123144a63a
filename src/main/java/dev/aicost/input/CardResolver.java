package dev.aicost.input;

import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.model.Workload;
import dev.aicost.pricing.CostEstimator;
import dev.aicost.pricing.EstimateInput;
import dev.aicost.pricing.PricingIssue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Card, model and currency resolution for the pricing commands, beside the card repository: the
 * card of each workload (the flag's, the workload's own, or the spec's), converted into the
 * report's currency with the {@code --fx} rates, the model on it, and whether the card can price
 * the workload at all. Every problem is collected, each at the key of the spec that caused it.
 */
public final class CardResolver {
    private final RateCardRepository repository;
    private final Map<String, BigDecimal> fxRates;

    /** @param fxRates units of the report currency per unit of each other currency */
    public CardResolver(RateCardRepository repository, Map<String, BigDecimal> fxRates) {
        this.repository = repository;
        this.fxRates = fxRates;
    }

    /**
     * The workloads of {@code spec} with their cards and models; {@code flagCard} (a {@code --ratecard}
     * value, or null) prices every workload when given.
     */
    public List<EstimateInput> workloads(WorkloadSpec spec, String flagCard) {
        return workloads(spec, flagCard, null);
    }

    /** As above; {@code fallback} (a configured default card, or null) prices workloads the spec gives no card. */
    public List<EstimateInput> workloads(WorkloadSpec spec, String flagCard, DefaultCard fallback) {
        List<Problem> problems = new ArrayList<>();
        List<EstimateInput> inputs = new ArrayList<>();
        String currency = null;
        for (int i = 0; i < spec.workloads().size(); i++) {
            Workload w = spec.workloads().get(i);
            String reference = flagCard != null ? flagCard : w.ratecard() != null ? w.ratecard() : spec.ratecard();
            boolean fromDefault = reference == null && fallback != null;
            if (fromDefault) {
                reference = fallback.reference();
            }
            if (reference == null) {
                problems.add(spec.problemAt(i, "ratecard", "no rate card: add 'ratecard:' to the spec or pass "
                        + "--ratecard ID"));
                continue;
            }
            RateCard card;
            try {
                card = fromDefault ? fallback.load(repository) : repository.load(reference,
                        flagCard != null ? null : spec.directory(), flagCard != null ? "--ratecard" : spec.file());
            } catch (InputException e) {
                int index = i;
                problems.addAll(flagCard != null ? e.problems()
                        : e.placed(message -> spec.ratecardProblem(index, message)).problems());
                break;
            }
            if (currency == null) {
                currency = card.currency();
            } else if (!card.currency().equals(currency)) {
                RateCard converted = inCurrency(card, currency);
                if (converted == null) {
                    problems.add(spec.problemAt(i, "ratecard", needsFx(card, currency)));
                    continue;
                }
                card = converted;
            }
            ModelPrice model = card.find(w.model()).orElse(null);
            if (model == null) {
                problems.add(spec.problemAt(i, "model", Suggest.unknownModel(w.model(), card)));
                continue;
            }
            List<PricingIssue> issues = CostEstimator.issues(w, model, card);
            for (PricingIssue issue : issues) {
                problems.add(spec.problemAt(i, issue.field(), issue.message()));
            }
            if (issues.isEmpty()) {
                inputs.add(new EstimateInput(w.outputTokens() == null ? w.withOutputTokens(BigDecimal.ZERO) : w, card,
                        model));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return inputs;
    }

    /** The cards named by {@code --compare} (ids or paths), in the report's currency. */
    public List<RateCard> compared(List<String> references, String currency) {
        List<RateCard> cards = new ArrayList<>();
        for (String reference : references) {
            RateCard card = repository.load(reference.strip(), null, "--compare");
            RateCard converted = inCurrency(card, currency);
            if (converted == null) {
                throw InputException.of("--compare", needsFx(card, currency));
            }
            cards.add(converted);
        }
        return cards;
    }

    /** {@code card} in {@code currency}: as it is, converted at its --fx rate, or null without one. */
    private RateCard inCurrency(RateCard card, String currency) {
        if (card.currency().equals(currency)) {
            return card;
        }
        BigDecimal rate = fxRates.get(card.currency());
        return rate == null ? null : card.converted(currency, rate);
    }

    private static String needsFx(RateCard card, String currency) {
        return card.id() + " is priced in " + card.currency() + " but the report is in " + currency + "; pass --fx "
                + card.currency() + "=RATE";
    }
}
