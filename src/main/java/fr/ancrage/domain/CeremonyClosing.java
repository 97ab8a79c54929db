package fr.ancrage.domain;

import java.util.List;

/**
 * What closing (or trying to close again) a ceremony did: the conventions signed on its date, and
 * those left « prête à signer » for a later date. {@code alreadyClosed}: nothing was changed.
 */
public record CeremonyClosing(Ceremony ceremony, List<CeremonyItem> signed, List<CeremonyItem> notSigned,
                              boolean alreadyClosed) {

    public CeremonyClosing {
        signed = List.copyOf(signed);
        notSigned = List.copyOf(notSigned);
    }
}
