package dev.aicost.ratecards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aicost.model.Mode;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.render.RateCardYaml;
import dev.aicost.input.JsonTree;
import dev.aicost.input.RateCardReader;
import dev.aicost.input.YamlLoader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The importers on the shared fixtures (copied to src/test/resources/import), prices checked exactly. */
class ImportersTest {
    private static final CardHeader HEADER = new CardHeader("t", "aws-bedrock", null, "USD", "2026-11-24", "2026-11-24",
            "https://example.test/prices");
    private static final Map<String, Object> LITELLM = JsonTree.readObject(
            Path.of("src/test/resources/import/litellm-extract.json"));

    private static RateCard roundTrip(RateCard card) {
        String yaml = RateCardYaml.write(card, List.of("test"));
        return RateCardReader.read(YamlLoader.load("card.yaml", new StringReader(yaml)), "card.yaml");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"aws-bedrock-us-east-1", "aws-bedrock-global",
        "anthropic-api", "openai-api", "azure-openai", "vertex-ai"})
    void theCardWriterWritesEveryFieldOfTheShippedCards(String id) {
        // tiers, image sizes, kinds, custom serving, 1-hour cache writes and every service survive a write
        // and a read: the record read back equals the card, price by price and scale by scale
        RateCard card = dev.aicost.input.RateCardRepository.fromSystem().load(id, null, "test");
        assertThat(roundTrip(card)).isEqualTo(card);
    }

    private static final Map<String, Object> LITELLM_JULY = JsonTree.readObject(
            Path.of("src/test/resources/import/litellm-2026-07-24.json"));

    @Test
    void azureDeploymentTypesAreKeptApartNeverFirstWins() {
        // the July 2026 map prices gpt-4o-2024-08-06 under azure/ and azure/global-standard/ at 2.5e-06/1e-05
        // ($2.50/$10.00 per 1M) and under azure/eu/ and azure/us/ (data zones) at 2.75e-06/1.1e-05 ($2.75/$11.00);
        // the eu key comes first in the file
        ImportResult all = LiteLlmImporter.importMap(LITELLM_JULY, "azure", null, null, HEADER);
        RateCard card = roundTrip(all.card());
        assertThat(card.models().get("gpt-4o-2024-08-06").standard().input()).isEqualByComparingTo("2.50");
        assertThat(card.models().get("global-standard/gpt-4o-2024-08-06").standard().output())
                .isEqualByComparingTo("10.00");
        assertThat(card.models().get("eu/gpt-4o-2024-08-06").standard().input()).isEqualByComparingTo("2.75");
        assertThat(card.models().get("us/gpt-4o-2024-08-06").standard().output()).isEqualByComparingTo("11.00");
        assertThat(card.find("azure/eu/gpt-4o-2024-08-06").orElseThrow().id()).isEqualTo("eu/gpt-4o-2024-08-06");
        // computer-use-preview and azure/computer-use-preview carry the same prices: one model, two names
        assertThat(all.skipped().stream().filter(s -> s.reason().startsWith("a second entry")).toList()).isEmpty();
        assertThat(card.models().get("computer-use-preview").aliases()).contains("azure/computer-use-preview");
        // Azure AI Foundry (azure_ai) is its own service: azure_ai/mistral-large-latest is ai/mistral-large-latest
        assertThat(card.models()).containsKey("ai/mistral-large-latest");
        assertThat(all.notes()).anySatisfy(n -> assertThat(n).contains("Azure deployment types kept apart")
                .contains("global-standard 3").contains("eu 22").contains("us 27"));

        // one type per card: azure/global-standard/gpt-4o-mini is 1.5e-07/6e-07 = $0.15/$0.60, where the
        // azure/ key (no type) carries the regional 1.65e-07/6.6e-07
        ImportResult global = LiteLlmImporter.importMap(LITELLM_JULY, "azure", null, null, "global-standard", HEADER);
        assertThat(global.card().models()).containsOnlyKeys("gpt-4o-mini", "gpt-4o-2024-08-06", "gpt-4o-2024-11-20");
        assertThat(global.card().models().get("gpt-4o-mini").standard().input()).isEqualByComparingTo("0.15");
        assertThat(global.card().models().get("gpt-4o-mini").standard().output()).isEqualByComparingTo("0.60");
        assertThat(global.skipped().stream().map(ImportResult.Skipped::reason).distinct().toList())
                .contains("deployment type eu (importing global-standard)");
    }

    @Test
    void perTokenPricesConvertExactly() {
        // 3e-06 per token is exactly 3 per 1M; binary-float noise is removed: 3.3000000000000003e-06 -> 3.3
        assertThat(Prices.perMillionFromPerToken(new BigDecimal("3e-06"))).isEqualTo(new BigDecimal("3"));
        assertThat(Prices.perMillionFromPerToken(new BigDecimal("3.3000000000000003e-06"))).isEqualTo(new BigDecimal("3.3"));
        assertThat(Prices.perMillionFromPerToken(new BigDecimal("4.8500000000000004e-07"))).isEqualTo(new BigDecimal("0.485"));
        assertThat(Prices.perMillion(new BigDecimal("0.0000600000"), 1000)).isEqualTo(new BigDecimal("0.06"));
    }

    @Test
    void liteLlmBedrockWithTheUsPrefix() {
        ImportResult result = LiteLlmImporter.importMap(LITELLM, "bedrock", "us.", null, HEADER);
        RateCard card = roundTrip(result.card());
        ModelPrice sonnet = card.find("us.anthropic.claude-sonnet-4-5-20250929-v1:0").orElseThrow();
        assertThat(sonnet.id()).isEqualTo("anthropic.claude-sonnet-4-5-20250929-v1:0");
        assertThat(sonnet.standard().input()).isEqualByComparingTo("3.3");
        assertThat(sonnet.standard().output()).isEqualByComparingTo("16.5");
        assertThat(sonnet.standard().cacheWrite()).isEqualByComparingTo("4.125");
        assertThat(sonnet.standard().cacheRead()).isEqualByComparingTo("0.33");
        assertThat(sonnet.longContext().aboveTokens()).isEqualTo(200_000);
        assertThat(sonnet.longContext().prices().input()).isEqualByComparingTo("6.6");
        assertThat(sonnet.longContext().prices().output()).isEqualByComparingTo("24.75");
        assertThat(card.find("anthropic.claude-haiku-4-5-20251001-v1:0").orElseThrow().standard().input())
                .isEqualByComparingTo("1.1");
        // bare keys and other profiles are reported, not silently dropped
        assertThat(result.skipped()).anySatisfy(s -> {
            assertThat(s.key()).isEqualTo("global.anthropic.claude-sonnet-4-5-20250929-v1:0");
            assertThat(s.reason()).isEqualTo("other inference profile");
        });
        assertThat(result.skipped()).anySatisfy(s -> assertThat(s.reason()).startsWith("provisioned throughput"));
    }

    @Test
    void liteLlmBareKeysWithBatchPrices() {
        RateCard card = roundTrip(LiteLlmImporter.importMap(LITELLM, "bedrock", null, null, HEADER).card());
        ModelPrice maverick = card.find("meta.llama4-maverick-17b-instruct-v1:0").orElseThrow();
        assertThat(maverick.standard().input()).isEqualByComparingTo("0.24");
        assertThat(maverick.standard().output()).isEqualByComparingTo("0.97");
        assertThat(maverick.modes().get(Mode.BATCH).input()).isEqualByComparingTo("0.12");
        assertThat(maverick.modes().get(Mode.BATCH).output()).isEqualByComparingTo("0.485");
        assertThat(card.find("amazon.nova-micro-v1:0").orElseThrow().standard().input()).isEqualByComparingTo("0.035");
        // the regional key is taken with --region and stands for the model id
        RateCard regional = LiteLlmImporter.importMap(LITELLM, "bedrock", null, "eu-west-1", HEADER).card();
        assertThat(regional.find("meta.llama3-70b-instruct-v1:0").orElseThrow().standard().input())
                .isEqualByComparingTo("2.65");
    }

    @Test
    void liteLlmOpenAiModesAndTheWholeMap() {
        RateCard openai = roundTrip(LiteLlmImporter.importMap(LITELLM, "openai", null, null, HEADER).card());
        ModelPrice gpt5 = openai.find("gpt-5").orElseThrow();
        assertThat(gpt5.modes().get(Mode.FLEX).input()).isEqualByComparingTo("0.625");
        assertThat(gpt5.modes().get(Mode.PRIORITY).output()).isEqualByComparingTo("20");
        assertThat(gpt5.modes().get(Mode.FLEX).cacheRead()).isEqualByComparingTo("0.0625");
        // every provider at once: the whole extract imports into a card that validates
        ImportResult all = LiteLlmImporter.importMap(LITELLM, "all", null, null, HEADER);
        RateCard whole = roundTrip(all.card());
        // every entry of the extract is either in the card or reported with a reason
        int entries = LiteLlmImporter.entries(LITELLM).size();
        assertThat(entries).isEqualTo(81);
        assertThat(whole.models().size() + all.skipped().size()).isEqualTo(entries);
        assertThat(whole.models()).hasSize(49);
        assertThat(whole.find("gemini-2.5-pro").orElseThrow().longContext().prices().output()).isEqualByComparingTo("15");
        assertThat(all.skipped()).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
    }

    @Test
    void litellmEmbeddingModelsImportAsEmbeddingsAndImageModelsAreReported() {
        ImportResult result = LiteLlmImporter.importMap(JsonTree.readObject(
                Path.of("src/test/resources/import/litellm-embeddings.json")), "bedrock", null, null, HEADER);
        RateCard card = roundTrip(result.card());
        // 2e-08 per token = 0.02 per 1M; 1.2e-07 = 0.12; no output price for an embedding model
        ModelPrice titan = card.find("amazon.titan-embed-text-v2:0").orElseThrow();
        assertThat(titan.kind()).isEqualTo(ModelPrice.Kind.EMBEDDING);
        assertThat(titan.standard().input()).isEqualByComparingTo("0.02");
        assertThat(titan.standard().output()).isNull();
        assertThat(card.find("cohere.embed-v4:0").orElseThrow().standard().input()).isEqualByComparingTo("0.12");
        assertThat(card.find("amazon.nova-micro-v1:0").orElseThrow().kind()).isEqualTo(ModelPrice.Kind.CHAT);
        // LiteLLM has one per-image price without a size: the importer says why it leaves Canvas out
        assertThat(card.find("amazon.nova-canvas-v1:0")).isEmpty();
        assertThat(result.skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                .contains("image_generation").contains("kind: image"));
    }

    @Test
    void awsPriceListPricesByExactTypeAndUnit() {
        ImportResult result = AwsPriceListImporter.importOffer(JsonTree.readObject(
                Path.of("src/test/resources/import/aws-pricelist-with-output.json")), "us-east-1", HEADER);
        RateCard card = roundTrip(result.card());
        ModelPrice lite = card.find("nova-lite").orElseThrow();
        // $0.00006 per 1K -> 0.06 per 1M; cache read $0.000015 per 1K -> 0.015; batch $0.00003 per 1K -> 0.03
        assertThat(lite.standard().input()).isEqualByComparingTo("0.06");
        assertThat(lite.standard().output()).isEqualByComparingTo("0.24");
        assertThat(lite.standard().cacheRead()).isEqualByComparingTo("0.015");
        assertThat(lite.modes().get(Mode.BATCH).input()).isEqualByComparingTo("0.03");
        assertThat(lite.provisioned().hourly()).containsEntry("1_month", new BigDecimal("55"));
        assertThat(lite.provisioned().modelUnitTpm()).isNull();
        // Nova Pro has only a flex input row: not a complete model, reported
        assertThat(card.find("nova-pro")).isEmpty();
        assertThat(result.skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                .contains("no on-demand input and output price").contains("USE1-NovaPro-input-tokens-flex"));
    }

    @Test
    void awsPriceListNeverFallsBackToAnotherRegion() {
        // the only Nova Lite output row is us-west-2's: the us-east-1 card gets no Nova Lite at all
        ImportResult result = AwsPriceListImporter.importOffer(JsonTree.readObject(
                Path.of("src/test/resources/import/aws-pricelist-other-region.json")), "us-east-1", HEADER);
        assertThat(result.card().models()).isEmpty();
        assertThat(result.skipped()).anySatisfy(s -> assertThat(s.reason()).isEqualTo("region us-west-2, not us-east-1"));
        // and the sample as shipped has no complete model either (no output rows)
        ImportResult sample = AwsPriceListImporter.importOffer(JsonTree.readObject(
                Path.of("src/test/resources/import/aws-pricelist-sample.json")), "us-east-1", HEADER);
        assertThat(sample.card().models()).isEmpty();
    }

    @Test
    void awsMarketplaceOfferForClaude() {
        // hand-made rows in the AmazonBedrockFoundationModels vocabulary (see the fixture's _note)
        ImportResult result = AwsPriceListImporter.importOffer(JsonTree.readObject(
                Path.of("src/test/resources/import/aws-pricelist-foundation-models.json")), "us-east-1", HEADER);
        RateCard card = roundTrip(result.card());
        ModelPrice sonnet = card.find("claude-sonnet-4-5").orElseThrow();
        assertThat(sonnet.name()).isEqualTo("Claude Sonnet 4.5");
        // "Units" priced per million (the description says "Million ... Tokens")
        assertThat(sonnet.standard().input()).isEqualByComparingTo("3.30");
        assertThat(sonnet.standard().output()).isEqualByComparingTo("16.50");
        assertThat(sonnet.standard().cacheRead()).isEqualByComparingTo("0.33");
        assertThat(sonnet.standard().cacheWrite()).isEqualByComparingTo("4.125");
        assertThat(sonnet.modes().get(Mode.BATCH).input()).isEqualByComparingTo("1.65");
        ModelPrice haiku = card.find("claude-haiku-4-5").orElseThrow();
        assertThat(haiku.standard().input()).isEqualByComparingTo("1.10");
        assertThat(haiku.modes().get(Mode.PRIORITY).input()).isEqualByComparingTo("1.925");
        // the global, long-context and 1-hour rows are reported, and the us-west-2 output row is never used
        assertThat(result.skipped()).extracting(ImportResult.Skipped::reason).contains(
                "global cross-region profile (import into a global card)",
                "long-context price (not imported from the price list; add long_context by hand)",
                "1-hour cache-write price (cards hold the 5-minute price)", "region us-west-2, not us-east-1");
        assertThat(sonnet.standard().output()).isNotEqualByComparingTo("99");
    }

    @Test
    void diffFindsAddedRemovedAndChangedPrices() {
        RateCard old = LiteLlmImporter.importMap(LITELLM, "openai", null, null, HEADER).card();
        Map<String, ModelPrice> models = new java.util.LinkedHashMap<>(old.models());
        ModelPrice gpt5 = models.get("gpt-5");
        models.put("gpt-5", ModelPrice.chat(gpt5.id(), gpt5.name(), gpt5.aliases(), 3, new dev.aicost.model.TokenPrices(
                new BigDecimal("1.00"), gpt5.standard().output(), gpt5.standard().cacheWrite(),
                gpt5.standard().cacheRead()), gpt5.modes(), null, null, null));
        models.remove("gpt-4.1");
        models.put("new-model", ModelPrice.chat("new-model", "n", List.of(), null, new dev.aicost.model.TokenPrices(
                BigDecimal.ONE, BigDecimal.ONE, null, null), Map.of(), null, null, null));
        RateCard now = new RateCard(old.id(), old.provider(), old.region(), old.currency(), old.effective(),
                old.checked(), old.source(), old.defaults(), models, old.services());
        RateCardDiff.Result diff = RateCardDiff.diff(old, now);
        assertThat(diff.added()).containsExactly("new-model");
        assertThat(diff.removed()).containsExactly("gpt-4.1");
        // gpt-5 input 1.25 -> 1.00 is -20%; its tier appeared
        assertThat(diff.changes()).anySatisfy(c -> {
            assertThat(c.model()).isEqualTo("gpt-5");
            assertThat(c.field()).isEqualTo("input");
            assertThat(c.percent()).isEqualByComparingTo("-20");
        });
        assertThat(diff.changes()).anySatisfy(c -> assertThat(c.field()).isEqualTo("tier"));
        assertThat(RateCardDiff.diff(old, old).isEmpty()).isTrue();
    }
}
