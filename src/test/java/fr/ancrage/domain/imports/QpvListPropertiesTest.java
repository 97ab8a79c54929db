package fr.ancrage.domain.imports;

import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Qpv;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever rows a list holds (codes repeated over several rows, malformed codes, missing names,
 * unknown communes), importing it then comparing it again changes nothing, keeps every QPV the
 * base had, and gives every commune a row named to the QPV of its code.
 */
class QpvListPropertiesTest {

    private static final List<String> CODES = List.of("QN02501A", "QN02502B", "QN05901C", "QP025001", "QX1", "");
    private static final Map<String, Commune> COMMUNES = Map.of(
            "25056", new Commune("25056", "Besançon", "25", "242500361", "25000", 1),
            "25388", new Commune("25388", "Montbéliard", "25", "200065647", "25200", 1),
            "59350", new Commune("59350", "Lille", "59", "200093201", "59000", 1));

    private static final QpvList.Reference REFERENCE = new QpvList.Reference() {
        @Override
        public boolean hasDepartment(String code) {
            return code.equals("25") || code.equals("59");
        }

        @Override
        public boolean hasEpci(String siren) {
            return List.of("242500361", "200065647", "200093201").contains(siren);
        }

        @Override
        public Optional<Commune> commune(String code) {
            return Optional.ofNullable(COMMUNES.get(code));
        }

        @Override
        public List<Commune> communesNamed(String name, String department) {
            return COMMUNES.values().stream().filter(c -> c.name().equals(name) && c.departmentCode().equals(department))
                    .toList();
        }
    };

    @Provide
    Arbitrary<List<QpvList.Row>> lists() {
        Arbitrary<Map<QpvColumn, String>> values = Combinators.combine(
                Arbitraries.of(CODES), Arbitraries.of("Planoise", "Battant", "", "Les Tilleuls 🌳", "=1+1"),
                Arbitraries.of("25056", "25388", "59350", "99999", "25056,59350", ""),
                Arbitraries.of("242500361", "", "123456789")).as((code, name, communes, epci) -> {
                    Map<QpvColumn, String> m = new HashMap<>();
                    m.put(QpvColumn.CODE, code);
                    m.put(QpvColumn.NAME, name);
                    m.put(QpvColumn.COMMUNE_CODES, communes);
                    m.put(QpvColumn.EPCI, epci);
                    return m;
                });
        return values.list().ofMaxSize(12).map(list -> {
            List<QpvList.Row> rows = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                rows.add(new QpvList.Row(i + 2, list.get(i)));
            }
            return rows;
        });
    }

    @Property(tries = 300)
    void importingAListThenComparingItAgainChangesNothingAndKeepsEveryQpv(@ForAll("lists") List<QpvList.Row> rows,
                                                                          @ForAll boolean baseHasOne) {
        List<Qpv> base = new ArrayList<>();
        if (baseHasOne) {
            base.add(new Qpv(fr.ancrage.domain.RecordMeta.fresh(), "QN02501A", "typed by hand",
                    fr.ancrage.domain.GeographyVersion.QPV_2024, "25", "", List.of()));
        }
        List<QpvList.Entry> entries = QpvList.entries(rows, REFERENCE);
        QpvList.Plan plan = QpvList.plan(entries, base, Map.of());

        // the rows of a valid code are all in its entry; every entry's communes are known ones
        for (QpvList.Entry e : entries) {
            assertThat(COMMUNES.keySet()).containsAll(e.communes());
            if (e.geography() != null) {
                assertThat(rows.stream().filter(r -> fr.ancrage.domain.validation.QpvCode.normalize(
                        r.values().get(QpvColumn.CODE)).equals(e.code())).map(QpvList.Row::number).toList())
                        .isEqualTo(e.rows());
            }
        }
        // applied as the import writes it
        Map<String, Qpv> after = new HashMap<>();
        base.forEach(q -> after.put(q.code(), q));
        for (QpvList.Line l : plan.lines()) {
            if (l.change() == QpvList.Change.NEW || l.change() == QpvList.Change.UPDATED) {
                after.put(l.code(), QpvList.apply(l.entry(), l.existing()));
            }
        }
        assertThat(after.keySet()).as("nothing of the base removed").containsAll(base.stream().map(Qpv::code).toList());
        base.forEach(q -> assertThat(after.get(q.code()).id()).isEqualTo(q.id()));

        QpvList.Plan again = QpvList.plan(QpvList.entries(rows, REFERENCE), List.copyOf(after.values()),
                Map.<UUID, Integer>of());
        assertThat(again.count(QpvList.Change.NEW)).isZero();
        assertThat(again.count(QpvList.Change.UPDATED)).isZero();
        assertThat(again.count(QpvList.Change.REFUSED)).isEqualTo(plan.count(QpvList.Change.REFUSED));
    }
}
