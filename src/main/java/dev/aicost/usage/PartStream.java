package dev.aicost.usage;

import java.io.IOException;
import java.io.InputStream;

/** The bytes of a stream up to an offset a subclass names, which it may learn only as reading goes on. */
abstract class PartStream extends InputStream {
    private final InputStream in;
    private long position;

    /** @param position the offset {@code in} is at */
    PartStream(InputStream in, long position) {
        this.in = in;
        this.position = position;
    }

    /** The offset reads stop at, asked each time a read reaches the last one given. */
    abstract long limit(long position);

    /** The offset reached so far. */
    long position() {
        return position;
    }

    /** Called with the count of each read that got bytes. */
    void counted(int bytes) {
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        long stop = limit(position);
        if (position >= stop) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, stop - position));
        if (n > 0) {
            position += n;
            counted(n);
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
