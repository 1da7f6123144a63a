package dev.aicost.pricing;

import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.model.Workload;

/** A workload with the card and model it is priced against. */
public record EstimateInput(Workload workload, RateCard card, ModelPrice model) {
}
