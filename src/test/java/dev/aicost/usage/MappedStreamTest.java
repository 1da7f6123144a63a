package dev.aicost.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A range of a file read through mapped windows is the range's bytes, whatever the JDK. */
class MappedStreamTest {
    @TempDir
    Path dir;

    @Test
    void rangesAcrossWindowsReadAsTheFilesBytes() throws IOException {
        // long enough to be mapped, and windows and a half more, so that reads cross window ends
        byte[] content = new byte[(int) (MappedStream.MAP_FROM + MappedStream.WINDOW * 5 / 2)];
        new Random(22).nextBytes(content);
        Path file = Files.write(dir.resolve("log.jsonl"), content);
        long w = MappedStream.WINDOW;
        long[][] ranges = {{0, content.length}, {1, content.length - 3}, {w - 5, content.length - w - 7},
            {content.length, content.length}, {12_345, 12_346}}; // the last two too short to map
        for (long[] range : ranges) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                    InputStream in = MappedStream.open(channel, range[0], range[1], range[1] - range[0])) {
                // the ordinary stream (an older JDK) reads to the file's end; the caller stops at the range's
                int length = (int) (range[1] - range[0]);
                ByteArrayOutputStream read = new ByteArrayOutputStream();
                for (int i = 0; i < Math.min(3, length); i++) {
                    read.write(in.read()); // a byte at a time, then in blocks
                }
                read.write(readAtMost(in, length - read.size()));
                assertThat(read.toByteArray()).isEqualTo(Arrays.copyOfRange(content, (int) range[0], (int) range[1]));
                if (MappedStream.maps() && range[1] - range[0] >= MappedStream.MAP_FROM) {
                    assertThat(in).isInstanceOf(MappedStream.class);
                    assertThat(in.read()).isEqualTo(-1);
                }
            }
        }
    }

    @Test
    void aFileCutShortWhileItIsReadIsAnIoErrorNotACrash() throws IOException {
        // on JDK 17 read(2) just ends early, and the reader's own checks see the cut record
        assumeTrue(MappedStream.maps(), "this JDK reads files the ordinary way");
        byte[] content = new byte[(int) MappedStream.MAP_FROM];
        Arrays.fill(content, (byte) 'x');
        Path file = Files.write(dir.resolve("cut.jsonl"), content);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                InputStream in = MappedStream.open(channel, 0, content.length, content.length)) {
            byte[] some = new byte[1000];
            assertThat(in.read(some, 0, some.length)).isEqualTo(1000);
            channel.truncate(100); // the mapped window now reaches past the file's end
            assertThatThrownBy(() -> readAtMost(in, content.length)).isInstanceOf(IOException.class)
                    .hasMessage("the file got shorter while it was read");
        }
    }

    @Test
    void aPartReadWithReadCallsThatEndsEarlyIsTheSameIoError() throws IOException {
        // several threads read their ranges with read(2), not mapped: a file cut short under them
        // must not read as a shorter range with fewer records and exit 0
        byte[] content = new byte[1000];
        Arrays.fill(content, (byte) 'x');
        Path file = Files.write(dir.resolve("cut-read.jsonl"), content);
        java.util.concurrent.atomic.AtomicLong counted = new java.util.concurrent.atomic.AtomicLong();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                InputStream in = new InvocationLogReader.CountingStream(java.nio.channels.Channels.newInputStream(
                        channel), content.length, counted)) {
            assertThat(in.read(new byte[100], 0, 100)).isEqualTo(100);
            channel.truncate(300); // 200 bytes left of the 900 the range still expects
            assertThatThrownBy(() -> readAtMost(in, content.length)).isInstanceOf(IOException.class)
                    .hasMessage("the file got shorter while it was read");
        }
        // a range read to its end is no error: 1000 bytes, then -1
        try (FileChannel channel = FileChannel.open(Files.write(dir.resolve("whole.jsonl"), content));
                InputStream in = new InvocationLogReader.CountingStream(java.nio.channels.Channels.newInputStream(
                        channel), content.length, counted)) {
            assertThat(readAtMost(in, 2 * content.length)).hasSize(content.length);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[100_000]; // not a divisor of the window
        while (out.size() < limit) {
            int n = in.read(buffer, 0, Math.min(buffer.length, limit - out.size()));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
