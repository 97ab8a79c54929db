package fr.ancrage.persistence;

import fr.ancrage.domain.BaseIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static fr.ancrage.persistence.jooq.Tables.BASE_IDENTITY;
import static org.assertj.core.api.Assertions.assertThat;

/** The identity of a base: made once by the migration, the same at every read and every opening. */
class BaseIdentityRepositoryTest {

    @Test
    void aFreshBaseHasOneUnnamedIdentityWhoseIdStaysTheSame() {
        Database db = TestStores.freshDatabase();
        try {
            Store store = new Store(db.dsl());
            Instant before = Instant.now();
            assertThat(db.dsl().fetchCount(BASE_IDENTITY)).isEqualTo(1);
            BaseIdentity first = store.read(r -> r.baseIdentity().get());
            BaseIdentity second = store.read(r -> r.baseIdentity().get());
            assertThat(first.named()).isFalse();
            assertThat(first.name()).isEmpty();
            assertThat(second).isEqualTo(first);
            assertThat(first.createdAt()).isBetween(before.minus(Duration.ofMinutes(5)), Instant.now());
        } finally {
            TestStores.shutdown(db);
        }
    }

    @Test
    void aRenameKeepsTheIdAndTheCreationAndLeavesTheExchangeCounterAlone() {
        Database db = TestStores.freshDatabase();
        try {
            Store store = new Store(db.dsl());
            BaseIdentity before = store.read(r -> r.baseIdentity().get());
            db.dsl().update(BASE_IDENTITY).set(BASE_IDENTITY.CLOCK, 41L).execute();

            BaseIdentity renamed = store.write(r -> r.baseIdentity().rename("  Délégué du préfet — Besançon Nord "));

            assertThat(renamed.name()).isEqualTo("Délégué du préfet — Besançon Nord");
            assertThat(renamed.named()).isTrue();
            assertThat(renamed.id()).isEqualTo(before.id());
            assertThat(renamed.createdAt()).isEqualTo(before.createdAt());
            BaseIdentity read = store.read(r -> r.baseIdentity().get());
            assertThat(read).isEqualTo(renamed);
            assertThat(db.dsl().fetchOne(BASE_IDENTITY))
                    .satisfies(row -> assertThat(row.getName()).isEqualTo("Délégué du préfet — Besançon Nord"))
                    .satisfies(row -> assertThat(row.getClock()).isEqualTo(41L));
            assertThat(db.dsl().fetchCount(BASE_IDENTITY)).isEqualTo(1);
        } finally {
            TestStores.shutdown(db);
        }
    }

    @Test
    void aFileBaseReopenedKeepsItsIdAndItsName(@TempDir Path dir) {
        Path folder = dir.resolve("données");
        BaseIdentity made;
        try (Database db = Database.open(folder)) {
            made = new Store(db.dsl()).write(r -> r.baseIdentity().rename("Préfecture du Doubs"));
        }
        try (Database again = Database.open(folder)) {
            BaseIdentity read = new Store(again.dsl()).read(r -> r.baseIdentity().get());
            assertThat(read).isEqualTo(made);
            assertThat(again.dsl().fetchCount(BASE_IDENTITY)).isEqualTo(1);
        }
    }

    @Test
    void twoBasesHaveTwoIds() {
        Database a = TestStores.freshDatabase();
        Database b = TestStores.freshDatabase();
        try {
            assertThat(new Store(a.dsl()).read(r -> r.baseIdentity().get()).id())
                    .isNotEqualTo(new Store(b.dsl()).read(r -> r.baseIdentity().get()).id());
        } finally {
            TestStores.shutdown(a);
            TestStores.shutdown(b);
        }
    }
}
