package dev.aicost.input;

import dev.aicost.breakeven.BreakevenSolver;
import dev.aicost.breakeven.CallShape;
import dev.aicost.model.Mode;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.model.Workload;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code aicost breakeven} is asked, loaded and checked: the card, the model on it and the
 * call shape (from a workload of a spec, or given by flags), and the commitment terms to compare.
 * Whatever makes a break-even meaningless (no provisioned prices, no unit throughput, calls that
 * cost nothing, a term the model lacks) is bad input here, said at {@code where} it came from.
 */
public record BreakevenQuestion(RateCard card, ModelPrice model, CallShape shape, String where, List<String> terms) {

    /** The question of workload {@code name} (null: the only one) of the spec at {@code file}. */
    public static BreakevenQuestion fromWorkload(RateCardRepository repository, Path file, String name,
            String flagCard, BigDecimal hoursPerMonth, List<String> terms) {
        return fromWorkload(repository, file, name, flagCard, null, hoursPerMonth, terms);
    }

    /**
     * As above; {@code defaultCard} (a configured default, or null for the built-in
     * {@link RegionCards#DEFAULT_CARD}) prices a workload whose spec names no card.
     */
    public static BreakevenQuestion fromWorkload(RateCardRepository repository, Path file, String name,
            String flagCard, DefaultCard defaultCard, BigDecimal hoursPerMonth, List<String> terms) {
        WorkloadSpec spec = WorkloadSpecReader.read(YamlLoader.load(file), file.toString(), hoursPerMonth);
        Workload w = pick(spec, file, name);
        String reference = flagCard != null ? flagCard : w.ratecard() != null ? w.ratecard() : spec.ratecard();
        RateCard card;
        try {
            card = reference == null ? DefaultCard.orBuiltIn(defaultCard).load(repository)
                    : repository.load(reference, flagCard == null ? spec.directory() : null,
                            flagCard == null ? file.toString() : "--ratecard");
        } catch (InputException e) {
            int index = spec.workloads().indexOf(w);
            throw flagCard == null && reference != null ? e.placed(message -> spec.ratecardProblem(index, message)) : e;
        }
        CallShape shape = new CallShape(w.inputTokens(), w.outputTokens() == null ? BigDecimal.ZERO : w.outputTokens(),
                w.cache() == null ? BigDecimal.ZERO : w.cache().prefixTokens(),
                w.cache() == null ? BigDecimal.ZERO : w.cache().hitRate());
        return checked(card, w.model(), shape, file + ": workload " + w.name(), terms);
    }

    /** The question given by {@code --model} and the call-shape flags. */
    public static BreakevenQuestion fromFlags(RateCardRepository repository, String flagCard, String model,
            CallShape shape, List<String> terms) {
        return fromFlags(repository, flagCard, null, model, shape, terms);
    }

    /** As above, with {@code defaultCard} (or the built-in one) when there is no {@code --ratecard}. */
    public static BreakevenQuestion fromFlags(RateCardRepository repository, String flagCard, DefaultCard defaultCard,
            String model, CallShape shape, List<String> terms) {
        RateCard card = flagCard == null ? DefaultCard.orBuiltIn(defaultCard).load(repository)
                : repository.load(flagCard, null, "--ratecard");
        return checked(card, model, shape, "--model", terms);
    }

    private static Workload pick(WorkloadSpec spec, Path file, String name) {
        List<Workload> workloads = spec.workloads();
        if (name == null) {
            if (workloads.size() == 1) {
                return workloads.get(0);
            }
            throw InputException.of("--name", file + " has " + workloads.size() + " workloads; pick one: "
                    + String.join(", ", workloads.stream().map(Workload::name).toList()));
        }
        return workloads.stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> InputException.of("--name", "no workload named '" + name + "' in " + file
                        + "; it has " + String.join(", ", workloads.stream().map(Workload::name).toList())));
    }

    private static BreakevenQuestion checked(RateCard card, String modelName, CallShape shape, String where,
            List<String> terms) {
        if (shape.tokens().signum() == 0) {
            throw InputException.of(where, "a call of zero tokens has no break-even");
        }
        ModelPrice model = card.find(modelName)
                .orElseThrow(() -> InputException.of(where, Suggest.unknownModel(modelName, card)));
        if (model.provisioned() == null) {
            List<String> withUnits = card.models().values().stream().filter(m -> m.provisioned() != null)
                    .map(ModelPrice::id).toList();
            throw InputException.of(where, model.id() + " has no provisioned-throughput prices on " + card.id()
                    + (withUnits.isEmpty() ? "" : "; models with them: " + String.join(", ", withUnits)));
        }
        if (model.provisioned().modelUnitTpm() == null) {
            throw InputException.of(where, model.id() + " has no model_unit_tpm on " + card.id()
                    + ": add the throughput of one model unit to the card (AWS does not publish it; measure it)");
        }
        List<String> chosen = BreakevenSolver.terms(model, terms);
        if (chosen.isEmpty() || chosen.size() < terms.size()) {
            throw InputException.of("--term", model.id() + " has no " + String.join("/", terms) + " term on "
                    + card.id() + "; it has " + String.join(", ", BreakevenSolver.terms(model, List.of())));
        }
        BigDecimal perCall = BreakevenSolver.perCallCost(card, model, shape, Mode.ON_DEMAND);
        if (perCall == null) {
            throw InputException.of(where, model.id() + " has no on-demand " + (shape.cached() ? "cache " : "")
                    + "prices on " + card.id() + " for this call shape");
        }
        if (perCall.signum() == 0) {
            throw InputException.of(where, "on-demand calls of this shape cost nothing on " + card.id()
                    + ": provisioned throughput cannot break even");
        }
        return new BreakevenQuestion(card, model, shape, where, chosen);
    }
}
