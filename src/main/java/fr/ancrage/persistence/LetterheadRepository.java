package fr.ancrage.persistence;

import fr.ancrage.domain.Letterhead;
import fr.ancrage.domain.RecordKind;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.persistence.jooq.tables.records.LetterheadRecord;
import org.jooq.DSLContext;

import java.util.Optional;

import static fr.ancrage.persistence.jooq.Tables.LETTERHEAD;

/** The one letterhead of the base (« En-tête des documents »). */
public final class LetterheadRepository {

    private final DSLContext dsl;

    LetterheadRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The letterhead, or empty when the team has not set one yet. */
    public Optional<Letterhead> find() {
        return dsl.selectFrom(LETTERHEAD).orderBy(LETTERHEAD.CREATED_AT).limit(1).fetchOptional(r -> new Letterhead(
                Times.meta(r.getId(), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt()), r.getAuthority(),
                r.getService(), r.getAddress(), r.getFollowedBy(), r.getContact(), r.getPlace(), r.getLogo(),
                r.getLogoDescription()));
    }

    /** Inserts or updates it (optimistic locking: decision 0003); returns it as stored. */
    public Letterhead save(Letterhead l) {
        LetterheadRecord r = dsl.newRecord(LETTERHEAD);
        r.setAuthority(l.authority());
        r.setService(emptyToNull(l.service()));
        r.setAddress(emptyToNull(l.address()));
        r.setFollowedBy(emptyToNull(l.followedBy()));
        r.setContact(emptyToNull(l.contact()));
        r.setPlace(emptyToNull(l.place()));
        r.setLogo(l.logo());
        r.setLogoDescription(emptyToNull(l.logoDescription()));
        RecordMeta meta = VersionedWrites.store(dsl, r, l.meta(), RecordKind.LETTERHEAD, l::authority);
        return new Letterhead(meta, l.authority(), l.service(), l.address(), l.followedBy(), l.contact(), l.place(),
                l.logo(), l.logoDescription());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
