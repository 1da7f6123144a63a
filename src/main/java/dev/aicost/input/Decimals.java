package dev.aicost.input;

import java.math.BigDecimal;

/**
 * The one number parser for text from YAML, JSON and CSV: exact decimals only, and only in the
 * range real inputs reach. No price, volume, token count or commitment comes near 10^15 (a
 * quadrillion), and no non-zero one is below 10^-12; anything outside is a typo or an attack,
 * and an error that says the accepted range, never a 400-digit figure.
 */
public final class Decimals {
    /** The largest magnitude accepted. */
    public static final BigDecimal MAX = new BigDecimal("1e15");
    /** The smallest non-zero magnitude accepted. */
    public static final BigDecimal MIN = new BigDecimal("1e-12");
    /** The longest number text accepted (digits, sign, point and exponent). */
    static final int MAX_CHARS = 64;
    /** What {@link #check} says about a number out of range. */
    public static final String RANGE = "accepted numbers are 0 or between 1e-12 and 1e15 in magnitude";

    private Decimals() {
    }

    /** {@code text} as an exact decimal; a NumberFormatException that says why otherwise. */
    public static BigDecimal parse(String text) {
        if (text.length() > MAX_CHARS) {
            throw new NumberFormatException("a number of " + text.length() + " characters is out of range: " + RANGE);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("not a number: '" + text + "'");
        }
        String problem = check(value);
        if (problem != null) {
            throw new NumberFormatException(problem + ", got " + text);
        }
        return value;
    }

    /** Null when {@code value} is in range, else what is wrong with it. */
    public static String check(BigDecimal value) {
        if (value.signum() == 0) {
            return null;
        }
        BigDecimal magnitude = value.abs();
        if (magnitude.compareTo(MAX) > 0 || magnitude.compareTo(MIN) < 0) {
            return "out of range: " + RANGE;
        }
        return null;
    }
}
