package fr.ancrage.domain;

/** Where a company's yearly bilan stands in a campaign: à demander, demandé, reçu, validé. */
public enum ReportState {
    TO_REQUEST, REQUESTED, RECEIVED, VALIDATED;

    /** Still expected from the company (asked or not yet). */
    public boolean awaited() {
        return this == TO_REQUEST || this == REQUESTED;
    }
}
