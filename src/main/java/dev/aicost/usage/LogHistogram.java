package dev.aicost.usage;

/**
 * Counts of non-negative values in fixed buckets: exact below 128, then 128 buckets per power of
 * two (relative bucket width under 0.8%). Memory is fixed whatever the number of values, which is
 * what lets percentiles of the call shape stream over logs of any size.
 */
public final class LogHistogram {
    private static final int SUB_BITS = 7;
    private static final int SUB = 1 << SUB_BITS;
    private final long[] counts = new long[SUB + (64 - SUB_BITS) * SUB];
    private long total;

    public void add(long value) {
        counts[index(Math.max(0, value))]++;
        total++;
    }

    public void merge(LogHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    public long count() {
        return total;
    }

    /**
     * The value at percentile {@code p} (0..100) by nearest rank, as the middle of its bucket
     * (exact below 128); 0 when empty.
     */
    public long percentile(int p) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return middle(i);
            }
        }
        return middle(counts.length - 1);
    }

    static int index(long value) {
        if (value < SUB) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        int shift = exponent - SUB_BITS;
        long mantissa = value >>> shift;
        return SUB + shift * SUB + (int) (mantissa - SUB);
    }

    static long middle(int index) {
        if (index < SUB) {
            return index;
        }
        int shift = (index - SUB) / SUB;
        long mantissa = SUB + (index - SUB) % SUB;
        long low = mantissa << shift;
        return low + ((1L << shift) - 1) / 2;
    }
}
