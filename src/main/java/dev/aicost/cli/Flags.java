package dev.aicost.cli;

import dev.aicost.input.InputException;
import java.math.BigDecimal;

/** Parsing of numeric flag values, exactly, with messages that name the flag. */
final class Flags {
    private Flags() {
    }

    /** A decimal within [min, max] (either may be null). */
    static BigDecimal decimal(String flag, String text, BigDecimal min, BigDecimal max) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip().replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw InputException.of(flag, "expected a number, got '" + text + "'");
        }
        String range = dev.aicost.input.Decimals.check(value);
        if (range != null || text.length() > 64) {
            throw InputException.of(flag, "is " + (range == null ? "out of range: " + dev.aicost.input.Decimals.RANGE
                    : range) + ", got " + text);
        }
        if ((min != null && value.compareTo(min) < 0) || (max != null && value.compareTo(max) > 0)) {
            throw InputException.of(flag, "must be " + (min != null && max != null ? "between "
                    + min.toPlainString() + " and " + max.toPlainString() : min != null ? "at least "
                    + min.toPlainString() : "at most " + max.toPlainString()) + ", got " + text);
        }
        return value;
    }

    /** A fraction 0..1, given as {@code 0.05} or {@code 5%}. */
    static BigDecimal fraction(String flag, String text) {
        String trimmed = text.strip();
        if (trimmed.endsWith("%")) {
            return decimal(flag, trimmed.substring(0, trimmed.length() - 1), BigDecimal.ZERO, BigDecimal.valueOf(100))
                    .movePointLeft(2);
        }
        return decimal(flag, trimmed, BigDecimal.ZERO, BigDecimal.ONE);
    }

    /** A percentage, given as {@code 10} or {@code 10%}. */
    static BigDecimal percent(String flag, String text) {
        String trimmed = text.strip();
        if (trimmed.endsWith("%")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return decimal(flag, trimmed, BigDecimal.ZERO, null);
    }
}
