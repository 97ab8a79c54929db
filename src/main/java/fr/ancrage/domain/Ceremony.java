package fr.ancrage.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A signing ceremony: where and when, who hosts it, the partners and the press, its programme and
 * its preparation checklist. The conventions to sign and their signatories' attendance are kept
 * apart ({@link CeremonyItem}) because they change one click at a time. {@code closedOn} is set when
 * the ceremony is closed (« Clôturer la cérémonie »).
 */
public record Ceremony(
        RecordMeta meta,
        String title,
        LocalDate date,
        LocalTime startTime,
        String place,
        String host,
        String partners,
        String press,
        String notes,
        LocalDate closedOn,
        List<ProgrammeItem> programme,
        List<CeremonyTask> tasks) {

    public Ceremony {
        Objects.requireNonNull(meta, "meta");
        title = Text.clean(title);
        place = Text.clean(place);
        host = Text.clean(host);
        partners = Text.clean(partners);
        press = Text.clean(press);
        notes = Text.clean(notes);
        programme = programme == null ? List.of() : List.copyOf(programme);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    public UUID id() {
        return meta.id();
    }

    public boolean closed() {
        return closedOn != null;
    }

    /** Its day is before {@code today}. */
    public boolean past(LocalDate today) {
        return date != null && date.isBefore(today);
    }

    public Ceremony withClosedOn(LocalDate day) {
        return new Ceremony(meta, title, date, startTime, place, host, partners, press, notes, day, programme, tasks);
    }
}
