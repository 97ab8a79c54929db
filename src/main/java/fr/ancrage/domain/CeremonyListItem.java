package fr.ancrage.domain;

import java.time.LocalDate;
import java.util.UUID;

/** A line of the ceremonies list. */
public record CeremonyListItem(UUID id, String title, LocalDate date, String place, LocalDate closedOn,
                               int conventions, int signed) {

    public CeremonyListItem {
        title = Text.clean(title);
        place = Text.clean(place);
    }

    public boolean closed() {
        return closedOn != null;
    }
}
