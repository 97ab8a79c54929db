package fr.ancrage.persistence;

import java.nio.file.Path;
import java.util.Optional;

/** The database could not be opened; {@link Reason} tells the user what to do about it. */
public final class StoreOpeningException extends RuntimeException {

    public enum Reason {
        /** Another Ancrage window (or process) already uses this data folder. */
        LOCKED,
        /** The data folder cannot be created or written. */
        UNWRITABLE,
        /**
         * The disk of the data folder lacks the room for a copy the opening must make (of a base
         * interrupted during a write, to check it; before a migration). Left as it was.
         */
        NO_SPACE,
        /** The database file cannot be read whole: some of its pages are damaged. Left as it was. */
        CORRUPT,
        /** The database file is empty (zero bytes): refused, never replaced by a new base. */
        EMPTY,
        /** The database file is not an H2 database (another program's file). Left as it was. */
        FOREIGN,
        /** The schema could not be brought up to date; the copy made before was put back. */
        MIGRATION_FAILED,
        /** The database was migrated by a newer version of Ancrage. Left as it was. */
        NEWER_VERSION
    }

    private final Reason reason;
    private final Path dataDirectory;
    private final transient Path restoredFrom;
    private boolean newBase;

    public StoreOpeningException(Reason reason, Path dataDirectory, Throwable cause) {
        this(reason, dataDirectory, cause, null);
    }

    /** A failure while creating a new base: nothing of the user's was there yet. */
    static StoreOpeningException onNewBase(StoreOpeningException e) {
        StoreOpeningException marked = new StoreOpeningException(e.reason, e.dataDirectory, e.getCause(), null);
        marked.newBase = true;
        return marked;
    }

    public StoreOpeningException(Reason reason, Path dataDirectory, Throwable cause, Path restoredFrom) {
        super(reason + " (" + dataDirectory + ")" + (cause == null || cause.getMessage() == null ? ""
                : ": " + cause.getMessage()), cause);
        this.reason = reason;
        this.dataDirectory = dataDirectory;
        this.restoredFrom = restoredFrom;
    }

    public Reason reason() {
        return reason;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** For a failed migration: the copy made before it, which was put back in place. */
    public Optional<Path> restoredFrom() {
        return Optional.ofNullable(restoredFrom);
    }

    /** True when the failure happened while creating a new base, which held no data yet. */
    public boolean onNewBase() {
        return newBase;
    }

    /**
     * The bundle key of the message: for a failed migration, whether the copy made before it was
     * put back, the base was new, or nothing had been migrated (the records were not touched).
     */
    public String messageKey() {
        if (reason != Reason.MIGRATION_FAILED || restoredFrom != null) {
            return "startup.error." + reason.name();
        }
        return newBase ? "startup.error.MIGRATION_FAILED_NEW_BASE" : "startup.error.MIGRATION_FAILED_UNCHANGED";
    }

    /**
     * The arguments of {@link #messageKey()}: the folder, the short reason (the cause's message, which
     * says where when the base is damaged), and the copy put back after a failed migration.
     */
    public Object[] messageArgs() {
        Throwable reasonGiven = getCause() == null ? this : getCause();
        return new Object[] {dataDirectory.toString(), String.valueOf(reasonGiven.getMessage()),
                restoredFrom == null ? "" : restoredFrom.toString()};
    }

    /** True when « Réparer » or « Restaurer » can help: the file is there but cannot be used. */
    public boolean repairable() {
        return reason == Reason.CORRUPT;
    }
}
