package fr.ancrage.domain;

/** Cadre de la convention. */
public enum Framework {
    /** Charte entreprises et quartiers (2013). */
    CHARTE_ENTREPRISES_QUARTIERS,
    /** Pacte avec les quartiers pour toutes les entreprises (2018). */
    PAQTE,
    /** Convention locale. */
    LOCAL_CONVENTION
}
