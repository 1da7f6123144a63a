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
}
