package fr.ancrage.domain;

/** Qualité du signataire. */
public enum SignatoryRole {
    PREFECT, COMPANY, EPCI, PARTNER, OTHER
}
