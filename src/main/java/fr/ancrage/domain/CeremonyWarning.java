package fr.ancrage.domain;

/** What may spoil a convention's signature at the ceremony; the team sees it while preparing. */
public enum CeremonyWarning {
    /** The convention left « prête à signer » since it was added (back in negotiation, signed elsewhere…). */
    NOT_READY,
    NO_SIGNATORY,
    NO_CONFIRMED_COMPANY_SIGNATORY,
    SIGNATORY_WITHOUT_TITLE,
    NO_ENGAGEMENT
}
