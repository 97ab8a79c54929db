package fr.ancrage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * What must be closed when the process ends, in order: the background workers first, the
 * database last. Runs once, from the application's own exit or from the JVM's shutdown hook
 * (SIGTERM, as a session logout sends, or Ctrl+C on the command line), whichever comes first.
 */
public final class ShutdownSequence {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSequence.class);

    private final List<AutoCloseable> steps = new ArrayList<>();
    private boolean done;

    /** Registers the JVM shutdown hook that runs {@link #run()}. */
    public static ShutdownSequence installed() {
        ShutdownSequence sequence = new ShutdownSequence();
        Runtime.getRuntime().addShutdownHook(new Thread(sequence::run, "ancrage-shutdown"));
        return sequence;
    }

    /** Adds a step, run after those added before it. */
    public synchronized void then(AutoCloseable step) {
        steps.add(step);
    }

    /** Closes every step in order, once; a failing step is logged and the next ones still run. */
    public synchronized void run() {
        if (done) {
            return;
        }
        done = true;
        for (AutoCloseable step : steps) {
            try {
                step.close();
            } catch (Exception e) {
                LOG.error("Closing {} at exit failed", step, e);
            }
        }
    }
}
