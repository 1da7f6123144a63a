package dev.aicost.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aicost.model.Mode;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each model of the shipped aws-bedrock-us-east-1 card against the figure in the research, with its
 * source. "PDF" is shared/research/pricing-data-formats.md; "AWS page 2025-07" is the public
 * transcript of aws.amazon.com/bedrock/pricing dated 2025-07-20 (convo-lang bedrock-pricing.md).
 * Where they disagree, the card follows the vendor's page and the row says why.
 */
class ShippedPriceSourcesTest {
    private static final RateCard CARD = new RateCardRepository(Path.of("")).load("aws-bedrock-us-east-1", null, "t");

    @ParameterizedTest(name = "{0}: {1} / {2} ({5})")
    @CsvSource(delimiter = '|', textBlock = """
            anthropic.claude-sonnet-4-5 | 3.30  | 16.50 | 4.125  | 0.33    | PDF 1.5: us. entry (regional = global x 1.1)
            anthropic.claude-sonnet-4-6 | 3.30  | 16.50 | 4.125  | 0.33    | PDF 3.4: price list, regional
            anthropic.claude-haiku-4-5  | 1.10  | 5.50  | 1.375  | 0.11    | PDF 1.5 and 3.4: us./regional
            anthropic.claude-opus-4-5   | 5.50  | 27.50 | 6.875  | 0.55    | PDF 1.5: us. entry
            anthropic.claude-opus-4-6   | 5.50  | 27.50 | 6.875  | 0.55    | PDF 1.5: us./eu./au. entries
            anthropic.claude-opus-4-1   | 15.00 | 75.00 | 18.75  | 1.50    | PDF 1.5 and 3.4 (no global row)
            anthropic.claude-sonnet-4   | 3.00  | 15.00 | 3.75   | 0.30    | AWS page 2025-07: Claude Sonnet 4
            anthropic.claude-3-haiku    | 0.25  | 1.25  |        |         | PDF 1.5; AWS page 2025-07 (no cache)
            amazon.nova-micro           | 0.035 | 0.14  | 0.00   | 0.00875 | PDF 1.5; cache read 0.25x input (PDF 7.2)
            amazon.nova-lite            | 0.06  | 0.24  | 0.00   | 0.015   | PDF 1.5; price list fixture (PDF 3.2)
            amazon.nova-pro             | 0.80  | 3.20  | 0.00   | 0.20    | PDF 1.5; cache read PDF 7.2
            amazon.nova-premier         | 2.50  | 12.50 | 0.00   | 0.625   | PDF 1.5 (us. only); cache read PDF 7.2
            amazon.nova-2-lite          | 0.33  | 2.75  |        | 0.0825  | PDF 1.5: us. entry
            meta.llama3-1-8b-instruct   | 0.22  | 0.22  |        |         | AWS page 2025-07 (not in the research)
            meta.llama3-1-70b-instruct  | 0.72  | 0.72  |        |         | AWS page 2025-07; PDF 1.5 quotes LiteLLM's older 0.99
            meta.llama3-1-405b-instruct | 2.40  | 2.40  |        |         | AWS page 2025-07; PDF 1.5 quotes LiteLLM's older 5.32/16.00
            meta.llama3-3-70b-instruct  | 0.72  | 0.72  |        |         | PDF 1.5
            meta.llama4-maverick-17b-instruct | 0.24 | 0.97 |   |         | PDF 1.5
            meta.llama4-scout-17b-instruct    | 0.17 | 0.66 |   |         | PDF 1.5
            mistral.mistral-large-3     | 0.50  | 1.50  |        |         | PDF 1.5
            mistral.mistral-large-2407  | 3.00  | 9.00  |        |         | PDF 1.5
            mistral.pixtral-large-2502  | 2.00  | 6.00  |        |         | AWS page 2025-07
            cohere.command-r-plus       | 3.00  | 15.00 |        |         | PDF 1.5; AWS page 2025-07
            cohere.command-r            | 0.50  | 1.50  |        |         | PDF 1.5; AWS page 2025-07
            """)
    void pricesMatchTheirSource(String id, BigDecimal input, BigDecimal output, BigDecimal cacheWrite,
            BigDecimal cacheRead, String source) {
        ModelPrice model = CARD.find(id).orElseThrow();
        assertThat(model.standard().input()).as(source).isEqualByComparingTo(input);
        assertThat(model.standard().output()).as(source).isEqualByComparingTo(output);
        if (cacheWrite == null) {
            assertThat(model.standard().cacheWrite()).as(source).isNull();
        } else {
            assertThat(model.standard().cacheWrite()).as(source).isEqualByComparingTo(cacheWrite);
        }
        if (cacheRead == null) {
            assertThat(model.standard().cacheRead()).as(source).isNull();
        } else {
            assertThat(model.standard().cacheRead()).as(source).isEqualByComparingTo(cacheRead);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            amazon.nova-lite        | provisioned 1_month | 55.00  | PDF 7.1: price list, USE1-NovaLite-ProvisionedThroughput-1month
            amazon.nova-2-lite      | provisioned no_commit | 60.50 | PDF 7.1
            amazon.nova-2-lite      | provisioned 1_month | 55.00  | PDF 7.1
            amazon.nova-micro       | batch output        | 0.07   | advisory-figures.md: Nova Micro batch $0.07 output
            meta.llama4-maverick-17b-instruct | batch output | 0.485 | PDF 1.5: LiteLLM _batches
            """)
    void otherPricesMatchTheirSource(String id, String what, BigDecimal expected, String source) {
        ModelPrice model = CARD.find(id).orElseThrow();
        BigDecimal actual = what.startsWith("provisioned") ? model.provisioned().hourly().get(what.split(" ")[1])
                : model.modes().get(Mode.BATCH).output();
        assertThat(actual).as(source).isEqualByComparingTo(expected);
    }
}
