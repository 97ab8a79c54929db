package fr.ancrage.service;

import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The first start's work tells how far it is, from the real importer on a new base. */
class FirstStartServiceTest {

    private final Database db = TestStores.freshDatabase();

    @AfterEach
    void close() {
        TestStores.shutdown(db);
    }

    @Test
    void aNewBaseIsNewUntilTheReferenceIsLoadedAndTheImportCountsTheCommunes() {
        FirstStartService service = new FirstStartService(new Store(db.dsl()), Clock.systemDefaultZone());
        assertThat(service.state().isNew()).isTrue();

        List<String> told = new CopyOnWriteArrayList<>();
        List<int[]> communes = new CopyOnWriteArrayList<>();
        service.prepare(false, new FirstStartService.Listener() {
            @Override
            public void started(FirstStartService.Step step) {
                told.add("started " + step);
            }

            @Override
            public void progress(FirstStartService.Step step, FirstStartService.Unit unit, int done, int total) {
                if (!told.contains(step + " " + unit)) {
                    told.add(step + " " + unit);
                }
                if (unit == FirstStartService.Unit.COMMUNES) {
                    communes.add(new int[] {done, total});
                }
            }
        });

        // the file is read, then the EPCI, then the communes batch after batch; no demo asked, none loaded
        assertThat(told).containsExactly("started REFERENCE", "REFERENCE FILE", "REFERENCE EPCI", "REFERENCE COMMUNES");
        assertThat(communes.size()).isGreaterThan(10);
        int total = communes.getFirst()[1];
        assertThat(total).isGreaterThan(30_000);
        assertThat(communes).allSatisfy(c -> assertThat(c[1]).isEqualTo(total));
        assertThat(communes.getLast()[0]).isEqualTo(total);
        for (int i = 1; i < communes.size(); i++) {
            assertThat(communes.get(i)[0]).isGreaterThan(communes.get(i - 1)[0]);
        }
        FirstStartService.State after = service.state();
        assertThat(after.referenceMissing()).isFalse();
        assertThat(after.isNew()).isFalse();
    }

    @Test
    void withTheReferenceThereOnlyTheDemoIsLoadedAndItTellsEachPartToItsEnd() {
        Database withReference = TestStores.withReference();
        try {
            FirstStartService service = new FirstStartService(new Store(withReference.dsl()),
                    Clock.fixed(java.time.Instant.parse("2026-11-22T10:00:00Z"), java.time.ZoneId.of("Europe/Paris")));
            assertThat(service.state().referenceMissing()).isFalse();
            List<String> told = new CopyOnWriteArrayList<>();
            java.util.Map<FirstStartService.Unit, int[]> last = new java.util.concurrent.ConcurrentHashMap<>();
            service.prepare(true, new FirstStartService.Listener() {
                @Override
                public void started(FirstStartService.Step step) {
                    told.add("started " + step);
                }

                @Override
                public void progress(FirstStartService.Step step, FirstStartService.Unit unit, int done, int total) {
                    if (!told.contains(step + " " + unit)) {
                        told.add(step + " " + unit);
                    }
                    last.put(unit, new int[] {done, total});
                }
            });
            assertThat(told).containsExactly("started DEMO", "DEMO ORGANISATIONS", "DEMO QPVS", "DEMO CONVENTIONS",
                    "DEMO ENGAGEMENTS", "DEMO RESULTS", "DEMO CAMPAIGN");
            assertThat(last.values()).allSatisfy(c -> assertThat(c[0]).isEqualTo(c[1]).isPositive());
            assertThat(last.get(FirstStartService.Unit.CONVENTIONS)[1]).isEqualTo(55);
            assertThat(service.state().empty()).isFalse();
        } finally {
            TestStores.shutdown(withReference);
        }
    }
}
