package fr.ancrage.persistence;

import fr.ancrage.domain.BaseIdentity;
import fr.ancrage.domain.Text;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Objects;

import static fr.ancrage.persistence.jooq.Tables.BASE_IDENTITY;

/**
 * The identity of this base: the one row of {@code base_identity}, made by the migration V10 when
 * the base was created or upgraded. Only its id, name and creation time are read and written here;
 * its exchange counter ({@code clock}) belongs to the exchange.
 */
public final class BaseIdentityRepository {

    private final DSLContext dsl;

    BaseIdentityRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The identity of the base; the name is empty until the team gives one. */
    public BaseIdentity get() {
        List<BaseIdentity> rows = dsl.select(BASE_IDENTITY.ID, BASE_IDENTITY.NAME, BASE_IDENTITY.CREATED_AT)
                .from(BASE_IDENTITY).limit(2)
                .fetch(r -> new BaseIdentity(r.value1(), r.value2(), Times.instant(r.value3())));
        if (rows.size() != 1) {
            // the migration inserts exactly one; anything else is a damaged base, never guessed at
            throw new IllegalStateException("base_identity holds " + (rows.isEmpty() ? "no row" : "several rows"));
        }
        return rows.getFirst();
    }

    /**
     * Gives the base the new id {@code id}, made at {@code now}, its name kept: for a data folder
     * copied from another base still in use (two bases must never share an id). The changes
     * stamped under the old id stay the history both share; what this base changes from now on
     * carries the new one.
     */
    public BaseIdentity renew(java.util.UUID id, java.time.Instant now) {
        int updated = dsl.update(BASE_IDENTITY).set(BASE_IDENTITY.ID, Objects.requireNonNull(id, "id"))
                .set(BASE_IDENTITY.CREATED_AT, Times.odt(now)).execute();
        if (updated != 1) {
            throw new IllegalStateException("base_identity holds " + updated + " rows, not one");
        }
        return get();
    }

    /**
     * Gives the base the name {@code name} (stripped; the service checks it first: not blank, at
     * most 200 characters, one line) and returns the identity as stored. The id never changes.
     */
    public BaseIdentity rename(String name) {
        String stripped = Text.cleanLine(Objects.requireNonNull(name, "name"));
        int updated = dsl.update(BASE_IDENTITY).set(BASE_IDENTITY.NAME, stripped).execute();
        if (updated != 1) {
            throw new IllegalStateException("base_identity holds " + updated + " rows, not one");
        }
        return get();
    }
}
