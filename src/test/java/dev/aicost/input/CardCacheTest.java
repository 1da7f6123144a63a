package dev.aicost.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aicost.model.RateCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The start-up cache of the shipped cards gives back exactly what the YAML gives, or nothing. */
class CardCacheTest {
    @TempDir
    Path dir;

    @AfterEach
    void noCache() {
        System.clearProperty("aicost.cardCache");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws-bedrock-us-east-1", "aws-bedrock-global", "anthropic-api", "openai-api",
        "azure-openai", "vertex-ai"})
    void everyShippedCardSurvivesTheCodec(String id) throws IOException {
        // tiers, image sizes, kinds, custom serving, 1-hour cache writes, long context, provisioned hourly prices:
        // the record decoded equals the record read from YAML, scale by scale
        RateCard card = new RateCardRepository(Path.of("")).load(id, null, "test");
        assertThat(CardCache.decode(CardCache.encode(card))).isEqualTo(card);
    }

    @Test
    void priceHistorySurvivesTheCodec() throws IOException {
        RateCard card = RateCardReader.read(YamlLoader.load("card.yaml", new java.io.StringReader(
                dev.aicost.cli.PriceHistoryTest.CARD)), "card.yaml");
        assertThat(card.models().get("m").history()).hasSize(2);
        assertThat(CardCache.decode(CardCache.encode(card))).isEqualTo(card);
    }

    private RateCardRepository home(String card) throws IOException {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("ratecards"));
        Files.copy(Path.of("ratecards/" + card + ".yaml"), home.resolve("ratecards/" + card + ".yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new RateCardRepository(home);
    }

    @Test
    void aCachedCardIsUsedOnlyForTheBytesItWasMadeFrom() throws IOException {
        RateCardRepository repository = home("anthropic-api");
        Path cache = dir.resolve("cards.cache");
        repository.writeCache(cache);
        System.setProperty("aicost.cardCache", cache.toString());
        RateCard fromYaml = new RateCardRepository(Path.of("")).load("anthropic-api", null, "test");
        RateCard fromCache = new RateCardRepository(dir.resolve("home")).load("anthropic-api", null, "test");
        assertThat(fromCache).isEqualTo(fromYaml);
        assertThat(CardCache.fromSystem().lookup("anthropic-api", Files.readAllBytes(
                dir.resolve("home/ratecards/anthropic-api.yaml")))).as("the cache holds the card").isEqualTo(fromYaml);

        // the card file changes after the cache was written: its new price is read, not the cached one
        Path file = dir.resolve("home/ratecards/anthropic-api.yaml");
        Files.writeString(file, Files.readString(file).replaceFirst("(?m)^    input: 5.00$", "    input: 4.00"));
        RateCard changed = new RateCardRepository(dir.resolve("home")).load("anthropic-api", null, "test");
        assertThat(changed.models().values().iterator().next().standard().input()).isEqualByComparingTo("4.00");
    }

    @Test
    void aDamagedOrMissingCacheIsIgnored() throws IOException {
        RateCardRepository repository = home("openai-api");
        Path cache = dir.resolve("cards.cache");
        repository.writeCache(cache);
        byte[] bytes = Files.readAllBytes(cache);
        Files.write(cache, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // truncated
        System.setProperty("aicost.cardCache", cache.toString());
        RateCard expected = new RateCardRepository(Path.of("")).load("openai-api", null, "test");
        assertThat(new RateCardRepository(dir.resolve("home")).load("openai-api", null, "test")).isEqualTo(expected);
        System.setProperty("aicost.cardCache", dir.resolve("none").toString());
        assertThat(new RateCardRepository(dir.resolve("home")).load("openai-api", null, "test")).isEqualTo(expected);
    }

    @Test
    void aCardThatExtendsAnotherIsNotCached() throws IOException {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("ratecards"));
        Files.copy(Path.of("ratecards/openai-api.yaml"), home.resolve("ratecards/openai-api.yaml"));
        Files.writeString(home.resolve("ratecards/mine.yaml"), "extends: openai-api\nid: mine\n");
        Path cache = dir.resolve("cards.cache");
        new RateCardRepository(home).writeCache(cache);
        CardCache read = CardCache.read(Files.readAllBytes(cache));
        assertThat(read.lookup("mine", Files.readAllBytes(home.resolve("ratecards/mine.yaml")))).isNull();
        assertThat(read.lookup("openai-api", Files.readAllBytes(home.resolve("ratecards/openai-api.yaml"))))
                .isNotNull();
    }
}
