package dev.aicost.usage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A stream read on a thread of its own, a few buffers ahead of its reader: for a gzip'd log, the
 * inflating runs on one core while the records are scanned on another, so the read takes about as
 * long as the inflating alone instead of the inflating plus the scan. The reader sees the same
 * bytes in the same order, and a failure (a truncated or corrupt gzip stream) after every byte
 * that came before it, as the same exception, so what the reader says of the break does not
 * change. Only used where a thread of {@code --threads} would otherwise be idle.
 */
final class InflatingStream extends InputStream {
    private static final int BUFFERS = 4;

    /** A filled buffer; or the end of the stream ({@code length} -1); or the failure that ended it. */
    private record Chunk(byte[] data, int length, IOException failure) {
    }

    private final BlockingQueue<byte[]> empty = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final Thread producer;
    private Chunk current;
    private int position;
    private boolean ended;

    InflatingStream(InputStream in, int bufferSize, String name) {
        for (int i = 0; i < BUFFERS; i++) {
            empty.add(new byte[bufferSize]);
        }
        producer = new Thread(() -> fill(in), name);
        producer.setDaemon(true);
        producer.start();
    }

    /** On the producer's thread: fills buffers until the end or a failure, then closes {@code in}. */
    private void fill(InputStream in) {
        try (in) {
            while (true) {
                byte[] buffer = empty.take();
                int n = 0;
                IOException failure = null;
                try {
                    while (n < buffer.length) {
                        int read = in.read(buffer, n, buffer.length - n);
                        if (read < 0) {
                            break;
                        }
                        n += read;
                    }
                } catch (IOException e) {
                    failure = e;
                } catch (RuntimeException e) {
                    failure = new IOException(e.getMessage(), e);
                }
                if (n > 0) {
                    full.put(new Chunk(buffer, n, null)); // what came before a failure, too
                }
                if (failure != null || n < buffer.length) {
                    full.put(new Chunk(null, failure == null ? -1 : 0, failure));
                    return;
                }
            }
        } catch (InterruptedException e) {
            // the reader closed the stream: stop
        } catch (IOException e) {
            // closing the input after its end: nothing the reader needs
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (current == null || position == current.length()) {
            if (!next()) {
                return -1;
            }
        }
        int n = Math.min(len, current.length() - position);
        System.arraycopy(current.data(), position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int read() throws IOException {
        if ((current == null || position == current.length()) && !next()) {
            return -1;
        }
        return current.data()[position++] & 0xff;
    }

    /** Moves to the next filled buffer; false at the end; throws the producer's failure where it came. */
    private boolean next() throws IOException {
        if (ended) {
            return false;
        }
        if (current != null) {
            empty.add(current.data());
            current = null;
        }
        Chunk chunk;
        try {
            chunk = full.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading");
        }
        if (chunk.failure() != null) {
            ended = true;
            throw chunk.failure();
        }
        if (chunk.length() < 0) {
            ended = true;
            return false;
        }
        current = chunk;
        position = 0;
        return true;
    }

    @Override
    public void close() {
        ended = true;
        producer.interrupt();
    }
}
