package dev.aicost.usage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The readers' parts run at once on daemon threads, their results and failures taken in part order. */
final class Parallel {
    private Parallel() {
    }

    /**
     * Runs {@code tasks} on up to {@code threads} threads named {@code name} (in this thread when
     * that is one) and returns their results in task order. A failure is thrown as the first task
     * in order that failed threw it, so it is the one reading the parts one after another would
     * meet first. Tasks that wait on one another need as many threads as there are tasks.
     */
    static <T> List<T> run(String name, int threads, List<Callable<T>> tasks) throws IOException {
        List<T> results = new ArrayList<>();
        int size = Math.min(threads, tasks.size());
        if (size <= 1) {
            for (Callable<T> task : tasks) {
                try {
                    results.add(task.call());
                } catch (Exception e) {
                    throw rethrown(e);
                }
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(size, r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
            for (Future<T> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    throw rethrown(e.getCause());
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static IOException rethrown(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure instanceof IOException io) {
            return io;
        }
        throw new IllegalStateException(failure);
    }
}
