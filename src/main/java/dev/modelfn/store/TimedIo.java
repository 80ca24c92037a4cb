package dev.modelfn.store;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.modelfn.problem.StoreUnavailableException;

/**
 * File operations with a time limit. A read on a hung network mount blocks in the kernel and ignores
 * interrupts, so each operation runs on a small pool of its own and the caller stops waiting at the
 * limit; a hung operation keeps its thread. As many calls as there are threads may wait for one; once
 * every thread is held and as many calls wait, the next call fails at once rather than queueing.
 */
final class TimedIo {

    /** Work done under the limit; may throw {@link IOException}. */
    interface Operation<T> {
        T run() throws IOException;
    }

    private final ThreadPoolExecutor pool;
    private final long timeoutMillis;

    TimedIo(Duration timeout, int threads) {
        this.timeoutMillis = timeout.toMillis();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(threads),
                task -> {
                    Thread thread = new Thread(task, "modelfn-store-io");
                    thread.setDaemon(true);
                    return thread;
                });
        // idle threads end, so a store nobody calls holds none and needs no shutdown
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code operation}; its IOException comes back as is, no answer within the limit as a timed-out
     * {@link StoreUnavailableException} naming {@code what}.
     */
    <T> T call(String what, Operation<T> operation) throws IOException {
        Future<T> result;
        try {
            result = pool.submit(operation::run);
        } catch (RejectedExecutionException e) {
            throw StoreUnavailableException.timedOut("Cannot " + what + ": every file operation thread is waiting "
                    + "on the store (modelfn.store.io-threads=" + pool.getMaximumPoolSize() + ")", e);
        }
        try {
            return result.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            // a call that never started leaves the queue, so that only live waits count against it
            pool.remove((Runnable) result);
            throw StoreUnavailableException.timedOut("Cannot " + what + ": no answer within " + timeoutMillis
                    + " ms (modelfn.store.timeout)", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while waiting to " + what, e);
        }
    }
}
