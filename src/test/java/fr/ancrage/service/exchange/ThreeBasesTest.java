package fr.ancrage.service.exchange;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static fr.ancrage.persistence.jooq.Tables.CONVENTION;
import static fr.ancrage.persistence.jooq.Tables.COUNTERPART;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three bases (a delegate, the EPCI team, the prefecture) and a fourth that receives the same
 * packages in another order: the same records everywhere in the end.
 */
class ThreeBasesTest {

    @TempDir
    Path folder;

    private final ExchangeBases bases = new ExchangeBases();

    @AfterEach
    void close() {
        bases.close();
    }

    @Test
    void packagesThatDoNotConflictGiveTheSameBasesInAnyOrder() throws Exception {
        var prefecture = bases.demo();
        var delegate = bases.empty();
        var epci = bases.empty();
        var other = bases.empty();
        Path p0 = export(prefecture, "p0");
        delegate.importAll(p0, Decisions.keepMine());
        epci.importAll(p0, Decisions.keepMine());

        List<UUID> conventions = prefecture.db.dsl().select(CONVENTION.ID).from(CONVENTION).orderBy(CONVENTION.ID)
                .fetch(CONVENTION.ID);
        UUID counterpart = prefecture.db.dsl().select(COUNTERPART.ID).from(COUNTERPART).orderBy(COUNTERPART.ID)
                .limit(1).fetchSingle().value1();
        // the delegate renames a convention; the EPCI writes a note on another and deletes a counterpart
        delegate.db.dsl().update(CONVENTION).set(CONVENTION.TITLE, "Titre revu par le délégué")
                .set(CONVENTION.VERSION, CONVENTION.VERSION.plus(1)).where(CONVENTION.ID.eq(conventions.get(0))).execute();
        epci.db.dsl().update(CONVENTION).set(CONVENTION.NOTES, "Note de l'EPCI 🙂 =1+1")
                .set(CONVENTION.VERSION, CONVENTION.VERSION.plus(1)).where(CONVENTION.ID.eq(conventions.get(1))).execute();
        epci.db.dsl().deleteFrom(COUNTERPART).where(COUNTERPART.ID.eq(counterpart)).execute();
        Path fromDelegate = export(delegate, "d1");
        Path fromEpci = export(epci, "e1");

        assertThat(prefecture.importAll(fromDelegate, Decisions.keepMine()).conflictCount()).isZero();
        assertThat(prefecture.importAll(fromEpci, Decisions.keepMine()).conflictCount()).isZero();
        other.importAll(p0, Decisions.keepMine());
        assertThat(other.importAll(fromEpci, Decisions.keepMine()).conflictCount()).isZero();
        assertThat(other.importAll(fromDelegate, Decisions.keepMine()).conflictCount()).isZero();
        assertThat(other.dump()).isEqualTo(prefecture.dump());
        assertThat(prefecture.db.dsl().fetchExists(COUNTERPART, COUNTERPART.ID.eq(counterpart))).isFalse();

        // the prefecture sends everything back: the delegate and the EPCI hold the same records too
        Path back = export(prefecture, "p1");
        delegate.importAll(back, Decisions.keepMine());
        epci.importAll(back, Decisions.keepMine());
        assertThat(delegate.dump()).isEqualTo(prefecture.dump());
        assertThat(epci.dump()).isEqualTo(prefecture.dump());
        assertThat(epci.figures()).isEqualTo(prefecture.figures());
        assertThat(delegate.dump().get(fr.ancrage.persistence.ExchangeKind.CONVENTION).get(conventions.get(1))
                .get("notes")).isEqualTo("Note de l'EPCI 🙂 =1+1");
    }

    private Path export(ExchangeBases.Base base, String name) throws Exception {
        return base.send(folder, name);
    }
}
