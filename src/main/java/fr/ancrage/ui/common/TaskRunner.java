package fr.ancrage.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work (database, files) away from the FX thread and calls back on it. Injected so
 * that view-model tests can run the work synchronously.
 */
public interface TaskRunner {

    <T> Cancellable run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * Runs {@code update} on the FX thread, soon; for the progress a running task reports. The
     * synchronous runners of the tests run it at once.
     */
    default void onFxThread(Runnable update) {
        update.run();
    }

    /** True while at least one task runs: drives the progress indicator of the status bar. */
    ReadOnlyBooleanProperty busyProperty();

    interface Cancellable {
        /**
         * Drops the task's result and failure callbacks, and skips the task if it has not started.
         * Never interrupts a running task (an interrupt inside H2 closes the database file): work
         * that may take long checks a cancel flag of its own.
         */
        void cancel();
    }
}
