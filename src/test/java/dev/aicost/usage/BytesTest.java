package dev.aicost.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The eight-at-a-time searches against a byte-by-byte loop and the JDK's own bit counts. */
class BytesTest {
    @Test
    void firstFlaggedIsTheLowestFlaggedBytesIndex() {
        Random random = new Random(15);
        for (int k = 0; k < 8; k++) {
            for (int trial = 0; trial < 1000; trial++) {
                // byte k flagged, bytes below clear, bytes above anything (false positives of the search)
                long above = k == 7 ? 0 : random.nextLong() << (8 * (k + 1));
                long match = (0x80L << (8 * k)) | (above & 0x8080808080808080L);
                assertThat(Bytes.firstFlagged(match)).isEqualTo(Long.numberOfTrailingZeros(match) >>> 3).isEqualTo(k);
            }
        }
    }

    @Test
    void searchesFindWhatALoopFinds() {
        Random random = new Random(16);
        byte[] alphabet = "ab \"\\\n\t\u0001{}é".getBytes(StandardCharsets.UTF_8);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] b = new byte[1 + random.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                // mostly plain letters, so that the stops fall at every offset of a word
                b[i] = random.nextInt(6) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) 'x';
            }
            int from = random.nextInt(b.length);
            int newline = -1;
            int stop = b.length;
            for (int i = b.length - 1; i >= from; i--) {
                if (b[i] == '\n') {
                    newline = i;
                }
                if (b[i] == '"' || b[i] == '\\' || (b[i] >= 0 && b[i] < 0x20)) {
                    stop = i;
                }
            }
            assertThat(Bytes.newline(b, from, b.length)).isEqualTo(newline);
            assertThat(Bytes.quoteBackslashOrControl(b, from, b.length)).isEqualTo(stop);
        }
    }
}
