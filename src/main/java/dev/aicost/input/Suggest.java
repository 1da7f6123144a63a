package dev.aicost.input;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean": the closest candidates to a misspelt key or model id. */
public final class Suggest {
    private Suggest() {
    }

    /** "unknown model 'x' on card-id; closest: a, b": the message for a model a card does not price. */
    public static String unknownModel(String name, dev.aicost.model.RateCard card) {
        List<String> close = closest(name, card.names(), 3);
        return "unknown model '" + name + "' on " + card.id()
                + (close.isEmpty() ? "" : "; closest: " + String.join(", ", close));
    }

    /** Up to {@code limit} candidates, nearest first, that are plausibly what was meant. */
    public static List<String> closest(String wanted, Collection<String> candidates, int limit) {
        String w = wanted.toLowerCase(Locale.ROOT);
        record Scored(String value, int score) {
        }
        return candidates.stream()
                .map(c -> new Scored(c, score(w, c.toLowerCase(Locale.ROOT))))
                .filter(s -> s.score <= Math.max(3, w.length() / 2))
                .sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::value))
                .limit(limit)
                .map(Scored::value)
                .toList();
    }

    private static int score(String wanted, String candidate) {
        if (candidate.contains(wanted) || wanted.contains(candidate)) {
            return Math.min(1, Math.abs(candidate.length() - wanted.length()));
        }
        return distance(wanted, candidate);
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
