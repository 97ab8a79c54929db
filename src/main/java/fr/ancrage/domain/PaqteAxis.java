package fr.ancrage.domain;

/** The four axes of the PaQte (2018) under which action types are reported nationally. */
public enum PaqteAxis {
    /** Sensibiliser */
    AWARENESS,
    /** Former */
    TRAINING,
    /** Recruter */
    RECRUITMENT,
    /** Acheter */
    PURCHASING
}
