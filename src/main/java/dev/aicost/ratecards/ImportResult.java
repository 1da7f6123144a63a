package dev.aicost.ratecards;

import dev.aicost.model.RateCard;
import java.util.List;

/** An imported card, what was left out and why, and notes on what the card cannot hold. */
public record ImportResult(RateCard card, List<Skipped> skipped, List<String> notes) {

    /** An entry of the source that is not in the card. */
    public record Skipped(String key, String reason) {
    }
}
