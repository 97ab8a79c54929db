package fr.ancrage.persistence;

import java.nio.file.Path;

/** The database could not be opened; {@link Reason} tells the user what to do about it. */
public final class StoreOpeningException extends RuntimeException {

    public enum Reason {
        /** Another Ancrage window (or process) already uses this data folder. */
        LOCKED,
        /** The data folder cannot be created or written. */
        UNWRITABLE,
        /** The database file is damaged or is not an Ancrage database. */
        CORRUPT,
        /** The schema could not be brought up to date. */
        MIGRATION_FAILED,
        /** The database was written by a newer version of Ancrage. */
        NEWER_VERSION
    }

    private final Reason reason;
    private final Path dataDirectory;

    public StoreOpeningException(Reason reason, Path dataDirectory, Throwable cause) {
        super(reason + " (" + dataDirectory + ")", cause);
        this.reason = reason;
        this.dataDirectory = dataDirectory;
    }

    public Reason reason() {
        return reason;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }
}
