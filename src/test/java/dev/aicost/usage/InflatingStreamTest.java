package dev.aicost.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

/** The stream read ahead on its own thread hands on the same bytes, then the same failure, in order. */
class InflatingStreamTest {

    /** An input that hands out at most {@code step} bytes a read, then fails with {@code failure} if not null. */
    private static InputStream source(byte[] data, int step, IOException failure) {
        return new InputStream() {
            private int at;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (at == data.length) {
                    if (failure != null) {
                        throw failure;
                    }
                    return -1;
                }
                int n = Math.min(Math.min(len, step), data.length - at);
                System.arraycopy(data, at, b, off, n);
                at += n;
                return n;
            }
        };
    }

    private static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new SplittableRandom(seed).nextBytes(data);
        return data;
    }

    /** Reads all of {@code in} in reads of {@code step} bytes; what was read before a failure is in {@code out}. */
    private static void drain(InputStream in, int step, ByteArrayOutputStream out) throws IOException {
        byte[] buffer = new byte[step];
        int n;
        while ((n = in.read(buffer, 0, step)) >= 0) {
            out.write(buffer, 0, n);
        }
    }

    @Test
    void handsOnEveryByteInOrderWhateverTheBufferAndReadSizes() throws IOException {
        // sizes around the 64-byte buffers (one less, exactly, one more, four buffers and a bit),
        // read a byte at a time (read()) and in steps of 7 and 100 bytes from a source that gives 13 bytes at a time
        for (int size : new int[] {0, 1, 63, 64, 65, 256, 257, 1000}) {
            byte[] data = random(size, size);
            for (int step : new int[] {1, 7, 100}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (InputStream in = new InflatingStream(source(data, 13, null), 64, "test-inflate")) {
                    if (step == 1) {
                        for (int c = in.read(); c >= 0; c = in.read()) { // the one-byte read
                            out.write(c);
                        }
                    } else {
                        drain(in, step, out);
                    }
                    assertThat(in.read(new byte[4], 0, 4)).isEqualTo(-1); // and stays at its end
                    assertThat(in.read()).isEqualTo(-1);
                }
                assertThat(out.toByteArray()).as("size %d, step %d", size, step).isEqualTo(data);
            }
        }
    }

    @Test
    void aFailureComesAfterEveryByteBeforeItAsTheSameException() throws IOException {
        // 150 good bytes (two full 64-byte buffers and 22 bytes of a third), then a corrupt stream
        byte[] data = random(150, 7);
        ZipException corrupt = new ZipException("invalid stored block lengths");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new InflatingStream(source(data, 50, corrupt), 64, "test-inflate")) {
            assertThatThrownBy(() -> drain(in, 10, out)).isSameAs(corrupt);
        }
        assertThat(out.toByteArray()).isEqualTo(data);
    }

    @Test
    void closingBeforeTheEndStopsTheReadAhead() throws Exception {
        byte[] data = random(10_000, 3);
        InputStream in = new InflatingStream(new ByteArrayInputStream(data), 64, "test-inflate-close");
        byte[] first = new byte[10];
        assertThat(in.read(first, 0, 10)).isEqualTo(10);
        in.close(); // the producer is blocked with every buffer full: closing must end its thread
        Thread producer = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("test-inflate-close")).findFirst().orElse(null);
        if (producer != null) {
            producer.join(10_000);
            assertThat(producer.isAlive()).isFalse();
        }
        assertThat(first).isEqualTo(java.util.Arrays.copyOf(data, 10));
    }
}
