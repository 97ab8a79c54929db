package fr.ancrage.domain;

/** Taille d'entreprise: TPE, PME, ETI, grande entreprise. */
public enum SizeBand {
    TPE, PME, ETI, GE
}
