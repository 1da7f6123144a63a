package dev.aicost.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped cards load strictly, carry their provenance, and agree with each other where they must. */
class ShippedRateCardsTest {
    private static final RateCardRepository REPOSITORY = new RateCardRepository(Path.of(""));

    static Stream<String> ids() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("ratecards"))) {
            return files.map(p -> p.getFileName().toString().replace(".yaml", "")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("ids")
    void loadsWithSourceAndDates(String id) {
        RateCard card = REPOSITORY.load(id, null, "test");
        assertThat(card.id()).isEqualTo(id);
        assertThat(card.source()).startsWith("https://");
        assertThat(card.effective()).isNotBlank();
        assertThat(card.checked()).isNotBlank();
        assertThat(card.models()).isNotEmpty();
        // every chat model has a routing tier; embedding and image models are not routed
        assertThat(card.models().values()).filteredOn(m -> m.kind() == dev.aicost.model.ModelPrice.Kind.CHAT)
                .allSatisfy(m -> assertThat(m.tier()).as(m.id() + " tier").isNotNull());
        assertThat(card.models().values()).filteredOn(m -> m.kind() != dev.aicost.model.ModelPrice.Kind.CHAT)
                .allSatisfy(m -> assertThat(m.tier()).as(m.id() + " tier").isNull());
    }

    @Test
    void theBedrockCardCoversTheFamiliesTheIssueNames() {
        RateCard card = REPOSITORY.load("aws-bedrock-us-east-1", null, "test");
        for (String id : List.of("anthropic.claude-opus-4-5", "anthropic.claude-sonnet-4-5", "anthropic.claude-haiku-4-5",
                "amazon.nova-micro", "amazon.nova-lite", "amazon.nova-pro", "amazon.nova-premier", "amazon.nova-2-lite",
                "meta.llama3-1-8b-instruct", "meta.llama3-1-70b-instruct", "meta.llama3-1-405b-instruct",
                "meta.llama3-3-70b-instruct", "meta.llama4-maverick-17b-instruct", "mistral.mistral-large-3",
                "cohere.command-r")) {
            assertThat(card.find(id)).as(id).isPresent();
        }
        // inference-profile ids resolve through aliases
        assertThat(card.find("us.anthropic.claude-sonnet-4-5-20250929-v1:0").orElseThrow().id())
                .isEqualTo("anthropic.claude-sonnet-4-5");
        assertThat(card.services().egress().freeGb()).isEqualByComparingTo("100");
    }

    @Test
    void inRegionClaudeIsTheGlobalPriceTimesOnePointOne() {
        // AWS: global cross-region profiles save ~10%; the price lists give regional = global x 1.1
        RateCard region = REPOSITORY.load("aws-bedrock-us-east-1", null, "test");
        RateCard global = REPOSITORY.load("aws-bedrock-global", null, "test");
        for (ModelPrice globalModel : global.models().values()) {
            ModelPrice regional = region.find(globalModel.id()).orElseThrow();
            // Claude before 4.5 (Sonnet 4) has one price for every profile (pricing-data-formats.md 1.5)
            BigDecimal factor = globalModel.id().equals("anthropic.claude-sonnet-4") ? BigDecimal.ONE
                    : new BigDecimal("1.1");
            assertThat(regional.standard().input()).as(regional.id() + " input")
                    .isEqualByComparingTo(globalModel.standard().input().multiply(factor));
            assertThat(regional.standard().output()).as(regional.id() + " output")
                    .isEqualByComparingTo(globalModel.standard().output().multiply(factor));
            assertThat(regional.standard().cacheRead()).as(regional.id() + " cache read")
                    .isEqualByComparingTo(globalModel.standard().cacheRead().multiply(factor));
        }
    }

    @Test
    void claudeCachePricesFollowTheDocumentedMultipliers() {
        // Anthropic and Bedrock: 5-minute cache write = 1.25 x input, cache read = 0.1 x input
        for (String id : List.of("aws-bedrock-us-east-1", "aws-bedrock-global", "anthropic-api")) {
            RateCard card = REPOSITORY.load(id, null, "test");
            card.models().values().stream().filter(m -> m.id().contains("claude") && m.standard().cacheRead() != null)
                    .forEach(m -> {
                        assertThat(m.standard().cacheWrite()).as(id + " " + m.id())
                                .isEqualByComparingTo(m.standard().input().multiply(new BigDecimal("1.25")));
                        assertThat(m.standard().cacheRead()).as(id + " " + m.id())
                                .isEqualByComparingTo(m.standard().input().multiply(new BigDecimal("0.1")));
                    });
        }
    }

    @Test
    void advisoryFiguresReproduce() {
        // advisory-figures.md: "Nova Micro $0.035 / $0.14 per 1M, batch $0.018 / $0.07" (the article rounds
        // 0.0175 up); "Nova Micro $0.14 vs Sonnet 4.5 $15 per 1M output" is the global Sonnet price.
        RateCard region = REPOSITORY.load("aws-bedrock-us-east-1", null, "test");
        ModelPrice micro = region.find("amazon.nova-micro").orElseThrow();
        assertThat(micro.standard().input()).isEqualByComparingTo("0.035");
        assertThat(micro.standard().output()).isEqualByComparingTo("0.14");
        assertThat(micro.modes().get(dev.aicost.model.Mode.BATCH).output()).isEqualByComparingTo("0.07");
        RateCard global = REPOSITORY.load("aws-bedrock-global", null, "test");
        assertThat(global.find("anthropic.claude-sonnet-4-5").orElseThrow().standard().output())
                .isEqualByComparingTo("15");
    }
}
