package fr.ancrage.service.imports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** What the sheet import tests share: the day they run on, the problems of a row as « FIELD key ». */
final class ImportTestSupport {

    /** 3 December 2026 in Paris: conventions ended before it are « échues ». */
    static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 12, 3).atStartOfDay(ZoneId.of("Europe/Paris"))
            .toInstant(), ZoneId.of("Europe/Paris"));

    private ImportTestSupport() {
    }

    /** The problems of row {@code row} of the preview, each as its field and its message key. */
    static List<String> issues(SheetImport.Preview p, int row) {
        return p.lines().stream().filter(l -> l.row().number() == row).findFirst().orElseThrow().row().issues().stream()
                .map(i -> i.field() + " " + i.issue().messageKey()).toList();
    }
}
