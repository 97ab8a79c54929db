package fr.ancrage.ui.common;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Background tasks on a small pool of daemon threads, callbacks on the FX thread. */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ExecutorService executor;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final AtomicInteger running = new AtomicInteger();

    public FxTaskRunner() {
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ancrage-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> Cancellable run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> {
            done();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            done();
            LOG.debug("Background task failed", task.getException());
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> done());
        started();
        executor.execute(task);
        return () -> task.cancel(true);
    }

    private void started() {
        if (running.incrementAndGet() == 1) {
            setBusy(true);
        }
    }

    private void done() {
        if (running.decrementAndGet() == 0) {
            setBusy(false);
        }
    }

    private void setBusy(boolean value) {
        if (Platform.isFxApplicationThread()) {
            busy.set(value);
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

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
