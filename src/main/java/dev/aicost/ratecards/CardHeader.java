package dev.aicost.ratecards;

/** What an importer writes into the card's identity: id, provider, region, dates and source. */
public record CardHeader(String id, String provider, String region, String currency, String effective, String checked,
        String source) {
}
