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

    /** An amount of at least 0: a budget, tokens, a cost ceiling. */
    static final class Amount implements picocli.CommandLine.ITypeConverter<BigDecimal> {
        @Override
        public BigDecimal convert(String value) {
            try {
                return decimal("", value, BigDecimal.ZERO, null);
            } catch (InputException e) {
                throw conversion(e);
            }
        }
    }

    /** A fraction from 0 to 1, given as 0.05 or 5%. */
    static final class Fraction implements picocli.CommandLine.ITypeConverter<BigDecimal> {
        @Override
        public BigDecimal convert(String value) {
            try {
                return fraction("", value);
            } catch (InputException e) {
                throw conversion(e);
            }
        }
    }

    /** A percentage of at least 0, given as 10 or 10%. */
    static final class Percent implements picocli.CommandLine.ITypeConverter<BigDecimal> {
        @Override
        public BigDecimal convert(String value) {
            try {
                return percent("", value);
            } catch (InputException e) {
                throw conversion(e);
            }
        }
    }

    /** Hours in a month: 1 to 744. */
    static final class HoursPerMonth implements picocli.CommandLine.ITypeConverter<BigDecimal> {
        @Override
        public BigDecimal convert(String value) {
            try {
                return decimal("", value, BigDecimal.ONE, BigDecimal.valueOf(744));
            } catch (InputException e) {
                throw conversion(e);
            }
        }
    }

    /** A currency conversion: CUR=RATE, RATE units of the report currency per CUR. */
    record Fx(String currency, BigDecimal rate) {
    }

    static final class FxRate implements picocli.CommandLine.ITypeConverter<Fx> {
        @Override
        public Fx convert(String value) {
            String[] parts = value.split("=", 2);
            if (parts.length != 2 || !parts[0].strip().matches("[A-Z]{3}")) {
                throw new picocli.CommandLine.TypeConversionException("expected CUR=RATE such as EUR=1.08, got '"
                        + value + "'");
            }
            try {
                return new Fx(parts[0].strip(), decimal("", parts[1], new BigDecimal("0.000001"), null));
            } catch (InputException e) {
                throw conversion(e);
            }
        }
    }

    /** The value, or picocli's conversion error with the message the flag parser gave. */
    /**
     * A bad value as picocli's conversion error, in the words of its first problem. (No lambda
     * here: a class that implements a picocli interface cannot go into the class-data archive,
     * so a lambda in one is spun at run time, which starts the JDK's lambda machinery.)
     */
    private static picocli.CommandLine.TypeConversionException conversion(InputException e) {
        return new picocli.CommandLine.TypeConversionException(e.problems().get(0).message());
    }
}
