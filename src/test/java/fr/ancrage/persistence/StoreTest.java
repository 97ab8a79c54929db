package fr.ancrage.persistence;

import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.RecordMeta;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Store#read}: one consistent state for all the queries of a read, and nothing written kept. */
class StoreTest {

    private Database db;
    private Store store;

    @BeforeEach
    void setUp() {
        db = TestStores.freshDatabase();
        store = new Store(db.dsl());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static Organisation association(String name) {
        return new Organisation(RecordMeta.fresh(), OrganisationKind.ASSOCIATION, name, "", "", "", null, "", "", "",
                false, false, Set.of(), "");
    }

    /** Another user saves between the two queries of a read: the read sees the state of its first query. */
    @Test
    void aReadOfSeveralQueriesSeesOneState() {
        store.write(r -> r.organisations().save(association("Maison de quartier Planoise")));
        List<Integer> counts = store.read(r -> {
            int before = r.organisations().count();
            CompletableFuture.runAsync(() -> store.write(w -> w.organisations().save(association("Régie de quartier"))))
                    .join();
            int listed = r.organisations().list().size();
            int after = r.organisations().count();
            return List.of(before, listed, after);
        });
        assertThat(counts).containsExactly(1, 1, 1);
        int committed = store.read(r -> r.organisations().count());
        assertThat(committed).isEqualTo(2);
    }

    @Test
    void nothingWrittenInsideAReadIsKept() {
        store.read(r -> r.organisations().save(association("Maison de quartier Planoise")));
        int kept = store.read(r -> r.organisations().count());
        assertThat(kept).isZero();
    }

    /** The pooled connection goes back as it was lent: writes after a read still commit. */
    @Test
    void aWriteAfterAReadCommits() {
        store.read(r -> r.organisations().count());
        store.write(r -> r.organisations().save(association("Maison de quartier Planoise")));
        db.dsl().connection(c -> {
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(c.isReadOnly()).isFalse();
            assertThat(c.getTransactionIsolation()).isNotEqualTo(Store.SNAPSHOT);
        });
        int count = store.read(r -> r.organisations().count());
        assertThat(count).isEqualTo(1);
    }
}
