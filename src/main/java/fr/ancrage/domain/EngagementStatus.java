package fr.ancrage.domain;

/** Where an engagement stands: prévu, en cours, réalisé, abandonné. */
public enum EngagementStatus {
    PLANNED, IN_PROGRESS, DONE, ABANDONED
}
