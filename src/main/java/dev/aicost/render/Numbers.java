package dev.aicost.render;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How numbers look in reports. JSON and CSV carry money as decimal strings with 6 places
 * (half-even); tables show cents with thousands separators; unit prices keep their
 * significant digits. Rounding happens only here.
 */
public final class Numbers {
    private Numbers() {
    }

    /** Money for JSON/CSV: {@code 1234.567890}. */
    public static String money6(BigDecimal amount) {
        return amount.setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A quantity for JSON/CSV: exact, at most 6 decimal places, no trailing zeros. */
    public static BigDecimal quantity(BigDecimal value) {
        BigDecimal rounded = value.setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    /** Money for tables: {@code $1,234.57}, {@code -$9.00}, {@code €12.00}, {@code CHF 3.10}. */
    public static String cents(BigDecimal amount, String currency) {
        BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_EVEN);
        String digits = grouped(rounded.abs(), 2);
        return (rounded.signum() < 0 ? "-" : "") + symbol(currency) + digits;
    }

    /** A unit price for tables: at least 2 decimals, all significant digits: {@code $3.30}, {@code $0.035}. */
    public static String rate(BigDecimal rate, String currency) {
        BigDecimal stripped = rate.stripTrailingZeros();
        int scale = Math.max(2, Math.min(stripped.scale(), 8));
        return symbol(currency) + grouped(rate, scale);
    }

    /**
     * A count for tables: {@code 2,000,000}; below 100, fractions keep 2 decimals ({@code 2.5});
     * at 100 and above they round to whole units (exact figures are in JSON and CSV).
     */
    public static String count(BigDecimal value) {
        BigDecimal rounded = value.setScale(value.abs().compareTo(BigDecimal.valueOf(100)) >= 0 ? 0 : 2,
                RoundingMode.HALF_EVEN);
        boolean whole = rounded.stripTrailingZeros().scale() <= 0;
        return grouped(rounded, whole ? 0 : 2);
    }

    /** A percentage with one decimal and a sign: {@code +12.5%}. */
    public static String signedPercent(BigDecimal percent) {
        BigDecimal rounded = percent.setScale(1, RoundingMode.HALF_EVEN);
        return (rounded.signum() > 0 ? "+" : "") + rounded.toPlainString() + "%";
    }

    /** A rate 0..1 as percent without trailing zeros: 0.05 -> {@code 5%}. */
    public static String percentOf(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** A large count for axes and summaries: {@code 950}, {@code 12.5K}, {@code 4.38B}, {@code 1.2T}. */
    public static String human(BigDecimal value) {
        BigDecimal abs = value.abs();
        String[] suffixes = {"", "K", "M", "B", "T"};
        int index = 0;
        while (index < suffixes.length - 1 && abs.compareTo(BigDecimal.valueOf(1000)) >= 0) {
            abs = abs.movePointLeft(3);
            index++;
        }
        int decimals = abs.compareTo(BigDecimal.valueOf(100)) >= 0 || index == 0 ? 0
                : abs.compareTo(BigDecimal.TEN) >= 0 ? 1 : 2;
        String digits = abs.setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        return (value.signum() < 0 ? "-" : "") + digits + suffixes[index];
    }

    /** A fraction as a percentage with one decimal: 0.6234 -> {@code 62.3%}. */
    public static String percent(BigDecimal fraction) {
        return grouped(fraction.movePointRight(2), 1) + "%";
    }

    public static String symbol(String currency) {
        return switch (currency) {
            case "USD" -> "$";
            case "EUR" -> "€";
            case "GBP" -> "£";
            case "JPY" -> "¥";
            default -> currency + " ";
        };
    }

    /**
     * {@code value} with {@code decimals} places (half-even) and a comma between thousands:
     * {@code -1,234,567.50}. Written out rather than through {@code java.text.DecimalFormat}, whose
     * first use starts the JDK's locale providers: about 8 ms of a one-shot estimate's start-up.
     */
    static String grouped(BigDecimal value, int decimals) {
        String plain = value.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        int sign = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        int end = point < 0 ? plain.length() : point;
        StringBuilder out = new StringBuilder(plain.length() + (end - sign) / 3);
        out.append(plain, 0, sign);
        for (int i = sign; i < end; i++) {
            if (i > sign && (end - i) % 3 == 0) {
                out.append(',');
            }
            out.append(plain.charAt(i));
        }
        return out.append(plain, end, plain.length()).toString();
    }
}
