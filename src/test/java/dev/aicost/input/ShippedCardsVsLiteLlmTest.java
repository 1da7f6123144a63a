package dev.aicost.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aicost.model.RateCard;
import dev.aicost.ratecards.CardHeader;
import dev.aicost.ratecards.LiteLlmImporter;
import dev.aicost.ratecards.RateCardDiff;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped cards against the LiteLLM map of 2026-07-24 they were refreshed from (2026-12-01):
 * every price both sides have is equal, except the differences the cards' headers explain, and
 * every LiteLLM model the cards leave out is one they say they leave out. A new difference, or a
 * card edit that drifts from its source, fails here until it is explained.
 */
class ShippedCardsVsLiteLlmTest {
    private static final Map<String, Object> JULY = JsonTree.readObject(
            Path.of("src/test/resources/import/litellm-2026-07-24.json"));
    private static final RateCardRepository SHIPPED = new RateCardRepository(Path.of(""));
    private static final CardHeader HEADER = new CardHeader("litellm", "x", null, "USD", "2026-07-24", "2026-12-01",
            "https://github.com/BerriAI/litellm");

    /** The changes where both cards have the field: prices that differ, not prices LiteLLM lacks. */
    private static List<String> moved(RateCardDiff.Result diff) {
        return diff.changes().stream().filter(c -> !c.model().equals("(card)") && c.after() != null
                && !c.field().equals("tier")).map(c -> c.model() + " " + c.field() + " " + (c.before() == null ? "-"
                        : c.before().toPlainString()) + " -> " + c.after().toPlainString()).toList();
    }

    @Test
    void theUsEast1CardMatchesLiteLlmsUsKeysButWhereItsHeaderSaysWhy() {
        RateCard shipped = SHIPPED.load("aws-bedrock-us-east-1", null, "t");
        RateCard litellm = LiteLlmImporter.importMap(JULY, "bedrock", "us.", null, HEADER).card();
        RateCardDiff.Result diff = RateCardDiff.diff(shipped, litellm);
        assertThat(moved(diff)).containsExactlyInAnyOrder(
                // the AWS page after its price cut; LiteLLM keeps the old prices
                "meta.llama3-1-405b-instruct (meta.llama3-1-405b-instruct-v1:0) input 2.40 -> 5.32",
                "meta.llama3-1-405b-instruct (meta.llama3-1-405b-instruct-v1:0) output 2.40 -> 16",
                "meta.llama3-1-70b-instruct (meta.llama3-1-70b-instruct-v1:0) input 0.72 -> 0.99",
                "meta.llama3-1-70b-instruct (meta.llama3-1-70b-instruct-v1:0) output 0.72 -> 0.99",
                // Bedrock's prompt caching does not cover Claude 3 Haiku
                "anthropic.claude-3-haiku (anthropic.claude-3-haiku-20240307-v1:0) cache_write - -> 0.3125",
                "anthropic.claude-3-haiku (anthropic.claude-3-haiku-20240307-v1:0) cache_read - -> 0.025");
        // Claude Sonnet 4.5 is matched through its alias; the new models (Opus 4.7 ...) under their own ids, at
        // LiteLLM's us. prices (global x 1.1), so they are neither added nor moved
        assertThat(diff.matched()).containsEntry("anthropic.claude-sonnet-4-5-20250929-v1:0",
                "anthropic.claude-sonnet-4-5");
        assertThat(diff.added()).containsExactlyInAnyOrder(
                // legacy Claude (3.x, Opus 4 of 2025-05) and models the card does not cover
                "anthropic.claude-3-5-haiku-20241022-v1:0", "anthropic.claude-3-5-sonnet-20240620-v1:0",
                "anthropic.claude-3-5-sonnet-20241022-v2:0", "anthropic.claude-3-7-sonnet-20250219-v1:0",
                "anthropic.claude-3-opus-20240229-v1:0", "anthropic.claude-3-sonnet-20240229-v1:0",
                "anthropic.claude-opus-4-20250514-v1:0", "writer.palmyra-x4-v1:0", "writer.palmyra-x5-v1:0",
                "amazon.nova-2-pro-preview-20251202-v1:0", "twelvelabs.marengo-embed-2-7-v1:0",
                "meta.llama3-2-11b-instruct-v1:0", "meta.llama3-2-1b-instruct-v1:0", "meta.llama3-2-3b-instruct-v1:0",
                "meta.llama3-2-90b-instruct-v1:0");
    }

    @Test
    void theUsEast1CardsNewModelsAreLiteLlmsBareKeysToo() {
        // DeepSeek V3 has only a bare key, and the bare Claude keys carry the global price: the bare import
        // shows the card's Opus 4.7 at 1.1x LiteLLM's bare price and DeepSeek V3 equal
        RateCard shipped = SHIPPED.load("aws-bedrock-us-east-1", null, "t");
        RateCard bare = LiteLlmImporter.importMap(JULY, "bedrock", null, null, HEADER).card();
        RateCardDiff.Result diff = RateCardDiff.diff(shipped, bare);
        assertThat(moved(diff)).doesNotContain("deepseek.v3 (deepseek.v3-v1:0) input 0.58 -> 0.58")
                .noneMatch(line -> line.startsWith("deepseek."))
                .contains("anthropic.claude-opus-4-7 input 5.50 -> 5", "anthropic.claude-opus-4-7 output 27.50 -> 25");
    }

    @Test
    void theGlobalCardMatchesLiteLlmsGlobalKeys() {
        RateCard shipped = SHIPPED.load("aws-bedrock-global", null, "t");
        RateCard litellm = LiteLlmImporter.importMap(JULY, "bedrock", "global.", null, HEADER).card();
        RateCardDiff.Result diff = RateCardDiff.diff(shipped, litellm);
        assertThat(moved(diff)).isEmpty();
        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
    }

    @Test
    void theAzureCardMatchesLiteLlmsGlobalStandardKeys() {
        RateCard shipped = SHIPPED.load("azure-openai", null, "t");
        RateCard litellm = LiteLlmImporter.importMap(JULY, "azure", null, null, "global-standard", HEADER).card();
        RateCardDiff.Result diff = RateCardDiff.diff(shipped, litellm);
        // gpt-4o-mini was the regional 0.165/0.66 before the refresh
        assertThat(moved(diff)).isEmpty();
        assertThat(diff.matched()).containsEntry("gpt-4o-2024-08-06", "gpt-4o");
        assertThat(shipped.models().get("gpt-4o-mini").standard().input()).isEqualByComparingTo("0.15");
        assertThat(diff.added()).containsExactly("gpt-4o-2024-11-20"); // not on the card
    }
}
