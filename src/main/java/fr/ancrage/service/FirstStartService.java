package fr.ancrage.service;

import fr.ancrage.persistence.Store;

import java.time.Clock;
import java.util.Objects;

/**
 * The work of a first start on a data folder, after the base is created: the national reference
 * (communes and EPCI), then the demo dataset when the user asked for it, each telling how far it is.
 * Blocking: call from a background task.
 */
public final class FirstStartService {

    /** The long steps of a first start, in their order. */
    public enum Step { REFERENCE, DEMO }

    /** What a step counts: the {@code done} of {@code total} of {@link Listener#progress}. */
    public enum Unit {
        /** The reference file being read: no count yet. */
        FILE, EPCI, COMMUNES,
        ORGANISATIONS, QPVS, CONVENTIONS, ENGAGEMENTS, RESULTS, CAMPAIGN
    }

    /** Told from the working thread: a step begins, then how far it is. */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        default void started(Step step) {
        }

        default void progress(Step step, Unit unit, int done, int total) {
        }
    }

    /** What the base holds at start: whether it is new, and what is left to do. */
    public record State(boolean referenceMissing, boolean empty) {
        /**
         * A base without reference and without records: the demo question is for it (asked before
         * the long work, so its answer is part of it).
         */
        public boolean isNew() {
            return referenceMissing && empty;
        }
    }

    private final TerritoryService territories;
    private final DemoDataService demo;

    public FirstStartService(Store store, Clock clock) {
        this(new TerritoryService(store), new DemoDataService(store, clock));
    }

    public FirstStartService(TerritoryService territories, DemoDataService demo) {
        this.territories = Objects.requireNonNull(territories);
        this.demo = Objects.requireNonNull(demo);
    }

    public State state() {
        return new State(territories.referenceVersion().isEmpty(), demo.isEmpty());
    }

    /**
     * Loads the reference data when missing, then the demo dataset when {@code withDemo}; each in its
     * own transaction (a failed demo leaves the reference loaded).
     */
    public void prepare(boolean withDemo, Listener listener) {
        Objects.requireNonNull(listener);
        if (territories.referenceVersion().isEmpty()) {
            listener.started(Step.REFERENCE);
            listener.progress(Step.REFERENCE, Unit.FILE, 0, 0);
            territories.ensureReferenceData((table, done, total) -> {
                switch (table) {
                    case "epci" -> listener.progress(Step.REFERENCE, Unit.EPCI, done, total);
                    case "commune" -> listener.progress(Step.REFERENCE, Unit.COMMUNES, done, total);
                    default -> { } // regions and departments: a few rows, no need to tell
                }
            });
        }
        if (withDemo) {
            listener.started(Step.DEMO);
            demo.load((part, done, total) -> listener.progress(Step.DEMO, Unit.valueOf(part.name()), done, total));
        }
    }
}
