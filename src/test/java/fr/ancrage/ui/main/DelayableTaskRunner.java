package fr.ancrage.ui.main;

import fr.ancrage.ui.common.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The application's task runner, whose background work a test can hold back for a while: to see
 * what the screen does between the start of a task and its result, as on a slow laptop.
 */
public final class DelayableTaskRunner implements TaskRunner {

    private final TaskRunner delegate;
    private volatile long delayMillis;

    DelayableTaskRunner(TaskRunner delegate) {
        this.delegate = delegate;
    }

    /** Tasks started from now on wait this long before working; 0 for no wait. */
    public void delay(long millis) {
        delayMillis = millis;
    }

    @Override
    public <T> Cancellable run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        long wait = delayMillis;
        return delegate.run(() -> {
            if (wait > 0) {
                Thread.sleep(wait);
            }
            return work.call();
        }, onSuccess, onFailure);
    }

    @Override
    public void onFxThread(Runnable update) {
        delegate.onFxThread(update);
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return delegate.busyProperty();
    }
}
