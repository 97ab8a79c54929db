package fr.ancrage.domain;

/** What an indicator counts, which decides the input of its targets and how they add up. */
public enum IndicatorUnit {
    COUNT, EUROS, HOURS, DAYS, YES_NO;

    /** Counts, hours, days and yes/no take whole numbers; euros take cents. */
    public boolean wholeNumbers() {
        return this != EUROS;
    }
}
