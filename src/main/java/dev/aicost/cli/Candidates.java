package dev.aicost.cli;

import dev.aicost.model.RateCard;
import dev.aicost.input.InputException;
import dev.aicost.input.RateCardRepository;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/** Completion candidates for option values: rate-card ids, model ids, formats. */
final class Candidates {
    private Candidates() {
    }

    /** Ids of the cards aicost finds. */
    static final class CardIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return RateCardRepository.fromSystem().builtInIds().iterator();
        }
    }

    /** Model ids (not aliases) of every card aicost finds. */
    static final class ModelIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return models(null).iterator();
        }
    }

    /** Model ids of one card, or of every card when {@code card} is null or unknown. */
    static List<String> models(String card) {
        RateCardRepository repository = RateCardRepository.fromSystem();
        TreeSet<String> ids = new TreeSet<>();
        List<String> cards = card == null ? repository.builtInIds() : List.of(card);
        for (String id : cards) {
            try {
                RateCard rateCard = repository.load(id, null, id);
                ids.addAll(rateCard.models().keySet());
            } catch (InputException e) {
                if (card != null) {
                    return models(null);
                }
            }
        }
        return new ArrayList<>(ids);
    }
}
