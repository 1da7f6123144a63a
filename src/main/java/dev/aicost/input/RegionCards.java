package dev.aicost.input;

import dev.aicost.model.RateCard;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which card prices a call made in a region: a card given on the command line for that region,
 * else the shipped Bedrock card for it ({@code aws-bedrock-REGION}), else the default card (the
 * first one given, or the shipped default) — the last only a fallback when the default card is
 * for another region. A default card without a region, or for {@code global} profiles, prices
 * every region.
 */
public final class RegionCards {
    /** The card used when none is given. */
    public static final String DEFAULT_CARD = "aws-bedrock-us-east-1";
    private final RateCardRepository repository;
    private final List<RateCard> given;
    private final RateCard defaultCard;
    private final Map<String, RateCard> byRegion = new HashMap<>();

    public RegionCards(RateCardRepository repository, List<String> references, String where) {
        this(repository, references, where, null);
    }

    /** As above; {@code fallback} (a configured default, or null for the built-in card) when none is given. */
    public RegionCards(RateCardRepository repository, List<String> references, String where, DefaultCard fallback) {
        this.repository = repository;
        this.given = references.isEmpty() ? List.of(DefaultCard.orBuiltIn(fallback).load(repository))
                : references.stream().map(reference -> repository.load(reference, null, where)).toList();
        this.defaultCard = given.get(0);
        for (int i = 0; i < given.size(); i++) {
            for (int j = i + 1; j < given.size(); j++) {
                if (given.get(i).region() != null && given.get(i).region().equals(given.get(j).region())) {
                    throw InputException.of(where, "two cards for region " + given.get(i).region() + " ("
                            + given.get(i).id() + ", " + given.get(j).id() + "): give one card per region");
                }
            }
        }
    }

    public RateCard defaultCard() {
        return defaultCard;
    }

    /** The card for calls made in {@code region} (null: calls that named no region). */
    public RateCard forRegion(String region) {
        if (region == null || defaultCard.region() == null || defaultCard.region().equals("global")) {
            return defaultCard;
        }
        return byRegion.computeIfAbsent(region, this::find);
    }

    /** True when calls made in {@code region} are priced on the default card for want of theirs. */
    public boolean fallback(String region) {
        RateCard card = forRegion(region);
        return region != null && card == defaultCard && card.region() != null && !card.region().equals(region)
                && !card.region().equals("global");
    }

    private RateCard find(String region) {
        for (RateCard card : given) {
            if (region.equals(card.region())) {
                return card;
            }
        }
        String shipped = "aws-bedrock-" + region;
        if (shipped.matches("[A-Za-z0-9._-]+") && (repository.locate(shipped) != null
                || RateCardRepository.class.getResource("/ratecards/" + shipped + ".yaml") != null)) {
            return repository.load(shipped, null, "--ratecard");
        }
        return defaultCard;
    }
}
