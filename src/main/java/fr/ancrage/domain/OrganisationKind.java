package fr.ancrage.domain;

/** Entreprise or one of the partner kinds (glossary: French label in the resource bundle). */
public enum OrganisationKind {
    /** Entreprise. */
    COMPANY,
    /** Service public de l'emploi: France Travail, Mission locale, Cap emploi. */
    PUBLIC_EMPLOYMENT_SERVICE,
    /** Service de l'État (préfecture, DDETS). */
    STATE_SERVICE,
    /** Intercommunalité (EPCI). */
    EPCI,
    /** Association. */
    ASSOCIATION,
    /** Établissement scolaire (collège REP/REP+). */
    SCHOOL,
    /** Chambre consulaire (CCI, CMA). */
    CHAMBER,
    /** Structure d'accompagnement (Afpa, FACE…). */
    SUPPORT_BODY;

    public boolean isCompany() {
        return this == COMPANY;
    }
}
