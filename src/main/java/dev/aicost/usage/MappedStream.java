package dev.aicost.usage;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/**
 * The bytes of a range of a file, read through windows mapped into memory and unmapped as soon as
 * they are read, where the JDK can unmap them (JDK 22 and later, whose file mappings belong to an
 * {@code Arena} that is closed). A {@code read} system call copies the page cache into a buffer of
 * the JDK's and the JDK copies that into the array; a mapped window is copied once, straight from
 * the page cache (400 MB log, one thread: 330-360 ms of reading against 200-235 ms, most of it the
 * kernel's copy). One window at a time is mapped, so the resident memory stays flat as files grow.
 * Java 17 bytecode cannot name the foreign-memory API, so it is found by name; on an older JDK the
 * file is read the ordinary way. Only where one thread reads: each unmapping flushes the translation
 * caches of every core that runs a thread of the process, by interrupt (see InvocationLogReader).
 */
final class MappedStream extends InputStream {
    /**
     * The bytes one window maps, resident at the peak beside the 1 MB read buffer (400 MB log, 2
     * threads: peak 71 MB with 4 MB windows, 79 with 8, 125 with 32; 2 MB windows were slower).
     */
    static final long WINDOW = 4L << 20;

    /**
     * Files shorter than this are read the ordinary way: finding the foreign-memory API by name
     * takes 20 ms of a start on this machine (its method handles are spun at run time), more than
     * mapping saves on a small log. The ranges of a larger file are mapped however short they are.
     */
    static final long MAP_FROM = 32L << 20;

    /** The foreign-memory API's handles, looked up the first time a range is long enough to map. */
    private static final class Api {
        static final MethodHandle OF_CONFINED; // () -> Arena
        static final MethodHandle MAP; // (FileChannel, MapMode, long, long, Arena) -> MemorySegment
        static final MethodHandle AS_BYTE_BUFFER; // (MemorySegment) -> ByteBuffer

        static {
            MethodHandle ofConfined = null;
            MethodHandle map = null;
            MethodHandle asByteBuffer = null;
            if (Runtime.version().feature() >= 22) { // a preview API before 22
                try {
                    Class<?> arena = Class.forName("java.lang.foreign.Arena");
                    Class<?> segment = Class.forName("java.lang.foreign.MemorySegment");
                    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                    ofConfined = lookup.findStatic(arena, "ofConfined", MethodType.methodType(arena))
                            .asType(MethodType.methodType(AutoCloseable.class));
                    map = lookup.findVirtual(FileChannel.class, "map", MethodType.methodType(segment,
                            FileChannel.MapMode.class, long.class, long.class, arena))
                            .asType(MethodType.methodType(Object.class, FileChannel.class, FileChannel.MapMode.class,
                                    long.class, long.class, AutoCloseable.class));
                    asByteBuffer = lookup.findVirtual(segment, "asByteBuffer", MethodType.methodType(ByteBuffer.class))
                            .asType(MethodType.methodType(ByteBuffer.class, Object.class));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    ofConfined = null; // an unusual JDK: read the ordinary way
                }
            }
            OF_CONFINED = ofConfined;
            MAP = map;
            AS_BYTE_BUFFER = asByteBuffer;
        }
    }

    static final String SHORTER = "the file got shorter while it was read";

    private final FileChannel channel;
    private final long end;
    private long position;
    private AutoCloseable arena;
    private ByteBuffer window;

    private MappedStream(FileChannel channel, long start, long end) {
        this.channel = channel;
        this.position = start;
        this.end = end;
    }

    /** Whether this JDK maps windows (else {@link #open} reads the ordinary way). */
    static boolean maps() {
        return Api.OF_CONFINED != null;
    }

    /**
     * The bytes of {@code channel} from {@code start} to {@code end}, a range of a file of
     * {@code fileSize} bytes: mapped a window at a time where the JDK allows and the file is
     * {@link #MAP_FROM} or longer (however short the range), else read from the channel (moved to
     * {@code start}; the caller stops at {@code end}). Reads must come from the thread that makes
     * the first one; closing the stream unmaps its window and leaves the channel open.
     */
    static InputStream open(FileChannel channel, long start, long end, long fileSize) throws IOException {
        if ((fileSize >= MAP_FROM || InvocationLogReader.TRAINING) && maps()) {
            return new MappedStream(channel, start, end);
        }
        channel.position(start);
        return Channels.newInputStream(channel);
    }

    @Override
    public int read() throws IOException {
        if (!ready()) {
            return -1;
        }
        try {
            return window.get() & 0xff;
        } catch (InternalError e) {
            throw new IOException(SHORTER, e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!ready()) {
            return -1;
        }
        int n = Math.min(len, window.remaining());
        try {
            window.get(b, off, n);
        } catch (InternalError e) {
            // the JDK's word for a SIGBUS: the mapped pages are past the file's end now
            throw new IOException(SHORTER, e);
        }
        return n;
    }

    /** Whether the window has bytes left, after mapping the next one if it had none; false at the end. */
    private boolean ready() throws IOException {
        return window != null && window.hasRemaining() || next();
    }

    /** Unmaps the window read and maps the next; false at the end of the range. */
    private boolean next() throws IOException {
        unmap();
        if (position >= end) {
            return false;
        }
        long size = Math.min(WINDOW, end - position);
        if (position + size > channel.size()) {
            throw new IOException(SHORTER);
        }
        try {
            arena = (AutoCloseable) Api.OF_CONFINED.invokeExact();
            Object segment = (Object) Api.MAP.invokeExact(channel, FileChannel.MapMode.READ_ONLY, position, size, arena);
            window = (ByteBuffer) Api.AS_BYTE_BUFFER.invokeExact(segment);
        } catch (IOException | RuntimeException | Error e) {
            unmap();
            throw e;
        } catch (Throwable e) {
            unmap();
            throw new IOException(e);
        }
        position += size;
        return true;
    }

    private void unmap() throws IOException {
        window = null;
        if (arena != null) {
            AutoCloseable closing = arena;
            arena = null;
            try {
                closing.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        unmap();
    }
}
