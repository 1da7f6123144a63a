package dev.aicost.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/** A progress line on stderr for long reads: bytes read of the total, redrawn a few times a second. */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    private final Thread thread;
    private final PrintStream err;
    private volatile boolean running = true;

    private ProgressBar(AtomicLong done, long total, PrintStream err) {
        this.err = err;
        this.thread = new Thread(() -> {
            while (running) {
                draw(done.get(), total);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "aicost-progress");
        thread.setDaemon(true);
        thread.start();
    }

    /** A bar when stderr is a terminal (the launcher sets AICOST_STDERR_TTY) and the input is large; else nothing. */
    static AutoCloseable start(AtomicLong done, long total, boolean enabled) {
        if (!enabled || total < 32L * 1024 * 1024 || System.getenv("AICOST_STDERR_TTY") == null) {
            return () -> { };
        }
        return new ProgressBar(done, total, System.err);
    }

    private void draw(long done, long total) {
        int filled = (int) Math.min(WIDTH, done * WIDTH / Math.max(1, total));
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + (done >> 20) + " / "
                + (total >> 20) + " MB");
        err.flush();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        err.print("\r" + " ".repeat(WIDTH + 30) + "\r");
        err.flush();
    }
}
