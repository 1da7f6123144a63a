package dev.aicost.usage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte searches eight bytes at a time (SWAR), for the hot loops of the log reader. */
final class Bytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = ONES * '\n';
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';
    private static final long SPACES = ONES * ' ';

    private Bytes() {
    }

    /** The index of the first '\n' in {@code [from, to)}, or -1. */
    static int newline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long match = zeroBytes((long) LONGS.get(b, i) ^ NEWLINES);
            if (match != 0) {
                return i + firstFlagged(match);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the first '"', '\\' or control character (below 0x20: a newline, and the
     * others JSON does not allow unescaped in a string) in {@code [from, to)}, or {@code to}.
     */
    static int quoteBackslashOrControl(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long match = stringStops((long) LONGS.get(b, i));
            if (match != 0) {
                return i + firstFlagged(match);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '"' || b[i] == '\\' || (b[i] >= 0 && b[i] < 0x20)) {
                return i;
            }
        }
        return to;
    }

    /**
     * The index (0-7) of the lowest byte of {@code match} whose high bit is set, the others' being
     * clear below it: {@code Long.numberOfTrailingZeros(match) >>> 3}, which C1 does not compile
     * to an instruction (it called the Java code, 6% of a two-thread run's samples). The lowest set
     * bit, 1 << (8k + 7), moved down to 1 << 8k, shifts the constant's byte 7 - k, which is k, to the top.
     */
    static int firstFlagged(long match) {
        return (int) ((((match & -match) >>> 7) * 0x0001020304050607L) >>> 56);
    }

    /**
     * The high bit set in the bytes of {@code word} that are a quote, a backslash or a control
     * character, exactly so in the lowest one flagged (higher ones may be false positives); 0 when
     * there is none. Bytes below 0x20: (word - 0x20..) borrows out of exactly those (and of none at
     * or above 0x80, which ~word clears).
     */
    static long stringStops(long word) {
        return zeroBytes(word ^ QUOTES) | zeroBytes(word ^ BACKSLASHES) | ((word - SPACES) & ~word & HIGHS);
    }

    /** High bit set in the lowest byte of {@code x} that is zero (higher bytes may be false positives). */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    /** Where {@code a} or {@code b2} (needles with the same first byte) first occurs in {@code [from, to)}, or -1. */
    static int indexOfEither(byte[] b, int from, int to, byte[] a, byte[] b2) {
        byte first = a[0];
        for (int i = from; i < to; i++) {
            if (b[i] == first && (startsWith(b, i, to, a) || startsWith(b, i, to, b2))) {
                return i;
            }
        }
        return -1;
    }

    /** The eight bytes at {@code at}, little-endian; {@code at + 8} must be within {@code b}. */
    static long longAt(byte[] b, int at) {
        return (long) LONGS.get(b, at);
    }

    static boolean startsWith(byte[] b, int at, int to, byte[] needle) {
        return at + needle.length <= to && java.util.Arrays.equals(b, at, at + needle.length, needle, 0, needle.length);
    }

    /** The offset of the first byte in {@code [from, to)} that is not part of valid UTF-8, or -1. */
    static int invalidUtf8(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int length = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
            if (length == 0 || i + length > to) {
                return i;
            }
            for (int k = 1; k < length; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            int second = b[i + 1] & 0xff;
            if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second > 0x9F) || (c == 0xF0 && second < 0x90)
                    || (c == 0xF4 && second > 0x8F)) {
                return i; // overlong, surrogate or beyond U+10FFFF
            }
            i += length;
        }
        return -1;
    }
}
