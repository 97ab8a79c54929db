package fr.ancrage.domain;

import java.util.List;

/**
 * What reopening a closed ceremony did: the conventions it had signed go back to « prête à
 * signer », except those that moved on since (started, terminated…), which are {@code kept}.
 */
public record CeremonyReopening(Ceremony ceremony, List<CeremonyItem> unsigned, List<CeremonyItem> kept) {

    public CeremonyReopening {
        unsigned = List.copyOf(unsigned);
        kept = List.copyOf(kept);
    }
}
