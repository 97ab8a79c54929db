package fr.ancrage.domain;

import java.util.List;

/** The first lines of an alert (at most the limit asked) and how many there are in all. */
public record AlertList(List<DashboardAlert> items, int count) {

    public AlertList {
        items = List.copyOf(items);
    }
}
