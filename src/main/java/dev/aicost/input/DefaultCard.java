package dev.aicost.input;

/**
 * The card to use when neither {@code --ratecard} nor the input names one: a user's default (from
 * {@code AICOST_RATECARD} or the config file, {@code where} saying which) or the built-in one.
 */
public record DefaultCard(String reference, String where) {
    public static final DefaultCard BUILT_IN = new DefaultCard(RegionCards.DEFAULT_CARD, "--ratecard");

    /** {@code card}, or the built-in default when it is null. */
    public static DefaultCard orBuiltIn(DefaultCard card) {
        return card == null ? BUILT_IN : card;
    }

    public dev.aicost.model.RateCard load(RateCardRepository repository) {
        return repository.load(reference, null, where);
    }
}
