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

    public StoreOpeningException(Reason reason, Path dataDirectory, Throwable cause) {
        this(reason, dataDirectory, cause, null);
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

    /** True when « Réparer » or « Restaurer » can help: the file is there but cannot be used. */
    public boolean repairable() {
        return reason == Reason.CORRUPT;
    }
}
