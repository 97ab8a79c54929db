package fr.ancrage.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life cycle of a convention: brouillon → en négociation → prête à signer → signée → active →
 * échue / résiliée / renouvelée. A step back is allowed before signature (negotiation reopens);
 * after signature the only ways out are the three terminal states.
 */
public enum ConventionStatus {
    DRAFT,
    NEGOTIATION,
    READY_TO_SIGN,
    SIGNED,
    ACTIVE,
    EXPIRED,
    TERMINATED,
    RENEWED;

    public Set<ConventionStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(NEGOTIATION);
            case NEGOTIATION -> EnumSet.of(READY_TO_SIGN, DRAFT);
            case READY_TO_SIGN -> EnumSet.of(SIGNED, NEGOTIATION);
            case SIGNED -> EnumSet.of(ACTIVE, TERMINATED);
            case ACTIVE -> EnumSet.of(EXPIRED, TERMINATED, RENEWED);
            case EXPIRED, TERMINATED, RENEWED -> EnumSet.noneOf(ConventionStatus.class);
        };
    }

    public boolean canMoveTo(ConventionStatus target) {
        return next().contains(target);
    }

    public boolean isTerminal() {
        return next().isEmpty();
    }

    /** Signed or later: the signature date is then part of the record. */
    public boolean isSignedOrLater() {
        return this == SIGNED || this == ACTIVE || this == EXPIRED || this == TERMINATED || this == RENEWED;
    }
}
