package fr.ancrage.domain;

/** A save was refused because someone else changed or deleted the record since it was read. */
public final class StaleRecordException extends RuntimeException {

    private final String recordLabel;

    public StaleRecordException(String recordLabel) {
        super("Stale record: " + recordLabel);
        this.recordLabel = recordLabel;
    }

    public String recordLabel() {
        return recordLabel;
    }
}
