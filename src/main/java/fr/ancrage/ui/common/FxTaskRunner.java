package fr.ancrage.ui.common;

import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.StaleRecordException;
import fr.ancrage.domain.ValidationException;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Background tasks on a small pool of daemon threads, callbacks on the FX thread.
 *
 * <p>Cancelling is cooperative only: a worker is never interrupted, because an interrupt that
 * reaches H2 while it reads or writes closes the database file's channel, and every later
 * statement then fails until the application restarts. {@link Cancellable#cancel()} marks the
 * task: if it has not started it never runs, if it runs it finishes, and in both cases its result
 * and failure callbacks are not delivered (the busy flag still comes back). Work that may take
 * long checks a flag of its own (as {@code DocumentService.Progress.cancelled}).
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);
    private static final int CLOSE_WAIT_SECONDS = 60;

    private final ExecutorService executor;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final AtomicInteger running = new AtomicInteger();
    private final Predicate<Throwable> alsoExpected;
    private volatile boolean closed;

    public FxTaskRunner() {
        this(error -> false);
    }

    /**
     * @param alsoExpected failures the caller shows to the user itself besides the domain's business
     *                     exceptions (the composition root: the store that cannot be opened)
     */
    public FxTaskRunner(Predicate<Throwable> alsoExpected) {
        this.alsoExpected = alsoExpected;
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ancrage-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> Cancellable run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (closed) {
            // the window is closing: nothing would show the result
            LOG.debug("Task refused: the runner is closed");
            return () -> { };
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        started();
        try {
            executor.execute(() -> {
                if (cancelled.get()) {
                    deliver(cancelled, () -> { });
                    return;
                }
                T result;
                try {
                    result = work.call();
                } catch (Throwable error) {
                    if (!cancelled.get()) {
                        log(error);
                    }
                    deliver(cancelled, () -> onFailure.accept(error));
                    return;
                }
                deliver(cancelled, () -> onSuccess.accept(result));
            });
        } catch (RejectedExecutionException e) {
            // closed between the check above and now
            done();
            LOG.debug("Task refused: the runner is closed");
            return () -> { };
        }
        return () -> cancelled.set(true);
    }

    /** On the FX thread: the busy flag comes back, then the callback unless the task was cancelled. */
    private void deliver(AtomicBoolean cancelled, Runnable callback) {
        try {
            Platform.runLater(() -> {
                done();
                if (!cancelled.get() && !closed) {
                    callback.run();
                }
            });
        } catch (IllegalStateException toolkitGone) {
            // the FX toolkit has exited: no window to call back
            running.decrementAndGet();
        }
    }

    /**
     * A business refusal (a rule, a field, a record changed by someone else, a store that cannot be
     * opened) or a work the user stopped is expected and shown to the user; anything else is a
     * defect worth its stack trace.
     */
    private void log(Throwable error) {
        if (expected(error)) {
            LOG.info("Background task refused: {}", error.toString());
        } else {
            LOG.error("Background task failed", error);
        }
    }

    boolean expected(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof RuleViolationException || e instanceof ValidationException
                    || e instanceof StaleRecordException || e instanceof CancellationException
                    || alsoExpected.test(e)) {
                return true;
            }
        }
        return false;
    }

    private void started() {
        if (running.incrementAndGet() == 1) {
            setBusy();
        }
    }

    private void done() {
        if (running.decrementAndGet() == 0) {
            setBusy();
        }
    }

    private void setBusy() {
        if (Platform.isFxApplicationThread()) {
            busy.set(running.get() > 0);
        } else {
            Platform.runLater(() -> busy.set(running.get() > 0));
        }
    }

    @Override
    public void onFxThread(Runnable update) {
        if (Platform.isFxApplicationThread()) {
            update.run();
        } else {
            Platform.runLater(update);
        }
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * Refuses new tasks, drops the callbacks still to come, and waits for the running ones to end
     * (at most {@value #CLOSE_WAIT_SECONDS} s): never interrupts them. The workers are daemon threads,
     * so a task that never ends does not keep the application alive.
     */
    @Override
    public void close() {
        closed = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                // not interrupted even now; a daemon thread does not hold the application open
                LOG.warn("Background work still running after {} s; left to end on its own", CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
