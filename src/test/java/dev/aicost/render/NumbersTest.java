package dev.aicost.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void moneyRoundsHalfEvenOnlyAtOutput() {
        assertThat(Numbers.money6(new BigDecimal("0.0000005"))).isEqualTo("0.000000");
        assertThat(Numbers.money6(new BigDecimal("0.0000015"))).isEqualTo("0.000002");
        assertThat(Numbers.money6(new BigDecimal("-9"))).isEqualTo("-9.000000");
        assertThat(Numbers.cents(new BigDecimal("2.345"), "USD")).isEqualTo("$2.34");
        assertThat(Numbers.cents(new BigDecimal("2.355"), "USD")).isEqualTo("$2.36");
        assertThat(Numbers.cents(new BigDecimal("-1234567.891"), "USD")).isEqualTo("-$1,234,567.89");
        assertThat(Numbers.cents(new BigDecimal("12"), "EUR")).isEqualTo("€12.00");
        assertThat(Numbers.cents(new BigDecimal("3.1"), "CHF")).isEqualTo("CHF 3.10");
    }

    @Test
    void unitPricesKeepTheirSignificantDigits() {
        assertThat(Numbers.rate(new BigDecimal("3.3"), "USD")).isEqualTo("$3.30");
        assertThat(Numbers.rate(new BigDecimal("0.035"), "USD")).isEqualTo("$0.035");
        assertThat(Numbers.rate(new BigDecimal("4.1250"), "USD")).isEqualTo("$4.125");
        assertThat(Numbers.rate(new BigDecimal("0.00875"), "USD")).isEqualTo("$0.00875");
    }

    @Test
    void countsAndQuantities() {
        assertThat(Numbers.count(new BigDecimal("1200000000"))).isEqualTo("1,200,000,000");
        assertThat(Numbers.count(new BigDecimal("608333333.333"))).isEqualTo("608,333,333");
        assertThat(Numbers.count(new BigDecimal("2.5"))).isEqualTo("2.50");
        assertThat(Numbers.quantity(new BigDecimal("1.2E+9")).toPlainString()).isEqualTo("1200000000");
        assertThat(Numbers.quantity(new BigDecimal("30416.66666666666")).toPlainString()).isEqualTo("30416.666667");
    }

    @Test
    void groupingAgreesWithTheJdksDecimalFormat() {
        // the independent route: java.text.DecimalFormat with the pattern the renderer used before
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 5000; i++) {
            BigDecimal value = BigDecimal.valueOf(random.nextLong(-10_000_000_000L, 10_000_000_000L),
                    random.nextInt(0, 9));
            int decimals = random.nextInt(0, 9);
            java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0",
                    java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
            format.setMinimumFractionDigits(decimals);
            format.setMaximumFractionDigits(decimals);
            format.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
            String expected = format.format(value);
            // DecimalFormat writes a negative value that rounds to zero as "-0": we write "0"
            if (expected.matches("-0(\\.0+)?")) {
                expected = expected.substring(1);
            }
            assertThat(Numbers.grouped(value, decimals)).as("%s to %d places", value, decimals).isEqualTo(expected);
        }
        assertThat(Numbers.grouped(new BigDecimal("999.995"), 2)).isEqualTo("1,000.00");
        assertThat(Numbers.grouped(new BigDecimal("-1000"), 0)).isEqualTo("-1,000");
        assertThat(Numbers.grouped(new BigDecimal("100"), 1)).isEqualTo("100.0");
    }
}
