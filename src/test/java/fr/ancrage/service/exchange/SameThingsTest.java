package fr.ancrage.service.exchange;

import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.persistence.ExchangeKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static fr.ancrage.persistence.jooq.Tables.CONVENTION;
import static fr.ancrage.persistence.jooq.Tables.ORGANISATION;
import static fr.ancrage.persistence.jooq.Tables.QPV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The same real-world thing created on two bases under two ids is recognised and merged (never
 * duplicated silently); conventions numbered alike by two bases are renumbered where they may be.
 */
class SameThingsTest {

    private static final OffsetDateTime T = OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    @TempDir
    Path folder;

    private final ExchangeBases bases = new ExchangeBases();

    @AfterEach
    void close() {
        bases.close();
    }

    @Test
    void anOrganisationWithTheSameSiretAndAQpvWithTheSameCodeAreMergedAndTheConventionsRepointed() throws Exception {
        var a = bases.demo();
        var b = bases.empty();
        var company = a.db.dsl().select(CONVENTION.COMPANY_ID, ORGANISATION.SIRET, ORGANISATION.LEGAL_NAME)
                .from(CONVENTION).join(ORGANISATION).on(ORGANISATION.ID.eq(CONVENTION.COMPANY_ID))
                .where(ORGANISATION.SIRET.isNotNull()).orderBy(CONVENTION.ID).limit(1).fetchSingle();
        var qpv = a.db.dsl().selectFrom(QPV).orderBy(QPV.ID).limit(1).fetchSingle();
        UUID hisCompany = UUID.randomUUID();
        b.db.dsl().insertInto(ORGANISATION).set(ORGANISATION.ID, hisCompany).set(ORGANISATION.VERSION, 1)
                .set(ORGANISATION.CREATED_AT, T).set(ORGANISATION.UPDATED_AT, T).set(ORGANISATION.KIND, "COMPANY")
                .set(ORGANISATION.LEGAL_NAME, company.value3()).set(ORGANISATION.SIRET, company.value2()).execute();
        UUID hisQpv = UUID.randomUUID();
        var q = qpv.copy();
        q.setId(hisQpv);
        b.db.dsl().insertInto(QPV).set(q).execute();

        Path p = a.send(folder, "a");
        ImportPlan preview = b.preview(p);
        assertThat(preview.matches()).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo(ExchangeKind.ORGANISATION);
            assertThat(m.localId()).isEqualTo(hisCompany);
            assertThat(m.offered()).isTrue();
        }).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo(ExchangeKind.QPV);
            assertThat(m.localId()).isEqualTo(hisQpv);
            assertThat(m.offered()).isFalse();
        });
        b.importAll(p, Decisions.keepMine());
        assertThat(b.db.dsl().fetchCount(ORGANISATION, ORGANISATION.SIRET.eq(company.value2()))).isEqualTo(1);
        assertThat(b.db.dsl().fetchCount(QPV, QPV.CODE.eq(qpv.getCode()))).isEqualTo(1);
        assertThat(b.db.dsl().fetchCount(CONVENTION, CONVENTION.COMPANY_ID.eq(hisCompany)))
                .isEqualTo(a.db.dsl().fetchCount(CONVENTION, CONVENTION.COMPANY_ID.eq(company.value1())));
        assertThat(b.exchange.history().getFirst().report()).contains(company.value3());

        // the next package lands on the same records, and B's package back to A duplicates nothing either
        a.db.dsl().update(ORGANISATION).set(ORGANISATION.NOTES, "Vue chez A").set(ORGANISATION.VERSION,
                ORGANISATION.VERSION.plus(1)).where(ORGANISATION.ID.eq(company.value1())).execute();
        Path p2 = a.send(folder, "a2");
        b.importAll(p2, Decisions.keepMine());
        assertThat(b.db.dsl().select(ORGANISATION.NOTES).from(ORGANISATION).where(ORGANISATION.ID.eq(hisCompany))
                .fetchSingle().value1()).isEqualTo("Vue chez A");
        Path p3 = b.send(folder, "b");
        a.importAll(p3, Decisions.keepMine());
        assertThat(a.db.dsl().fetchCount(ORGANISATION, ORGANISATION.SIRET.eq(company.value2()))).isEqualTo(1);
        assertThat(a.db.dsl().fetchCount(QPV, QPV.CODE.eq(qpv.getCode()))).isEqualTo(1);
    }

    @Test
    void anOfferedMatchTheUserRefusesStaysApart() throws Exception {
        var a = bases.demo();
        var b = bases.empty();
        var company = a.db.dsl().selectFrom(ORGANISATION).where(ORGANISATION.SIRET.isNotNull()).orderBy(ORGANISATION.ID)
                .limit(1).fetchSingle();
        UUID his = UUID.randomUUID();
        b.db.dsl().insertInto(ORGANISATION).set(ORGANISATION.ID, his).set(ORGANISATION.VERSION, 1)
                .set(ORGANISATION.CREATED_AT, T).set(ORGANISATION.UPDATED_AT, T).set(ORGANISATION.KIND, "COMPANY")
                .set(ORGANISATION.LEGAL_NAME, "Autre établissement").set(ORGANISATION.SIRET, company.getSiret()).execute();
        Path p = a.send(folder, "a");
        b.importAll(p, Decisions.keepMine().merge(company.getId(), false));
        assertThat(b.db.dsl().fetchCount(ORGANISATION, ORGANISATION.SIRET.eq(company.getSiret()))).isEqualTo(2);
    }

    @Test
    void aConventionNumberedAlikeIsRenumberedUnlessSigned() throws Exception {
        var a = bases.demo();
        var b = bases.demo();
        // two bases loaded alike: same numbers, different ids, for the conventions of the demo
        Path p = a.send(folder, "a");
        int before = b.db.dsl().fetchCount(CONVENTION);
        var signed = a.db.dsl().fetchCount(CONVENTION, CONVENTION.STATUS.in("SIGNED", "ACTIVE", "EXPIRED",
                "TERMINATED", "RENEWED"));
        if (signed > 0) {
            // both bases hold signed conventions with the same references: nothing may be renumbered
            RuleViolationException e = catchThrowableOfType(RuleViolationException.class, () -> b.preview(p));
            assertThat(e.messageKey()).isEqualTo("exchange.refused.referenceTaken");
            assertThat(b.exchange.message(e)).contains("jamais");
            assertThat(b.db.dsl().fetchCount(CONVENTION)).isEqualTo(before);
        }
        // only drafts: the package's conventions get this base's next numbers
        a.db.dsl().update(CONVENTION).set(CONVENTION.STATUS, "DRAFT").execute();
        b.db.dsl().update(CONVENTION).set(CONVENTION.STATUS, "DRAFT").execute();
        Path p2 = a.send(folder, "a2");
        ImportPlan preview = b.preview(p2);
        assertThat(preview.renumberings()).isNotEmpty().allSatisfy(r -> assertThat(r.after()).isNotEqualTo(r.before()));
        b.importAll(p2, Decisions.keepMine());
        assertThat(b.db.dsl().fetchCount(CONVENTION)).isEqualTo(2 * before);
        assertThat(b.db.dsl().selectDistinct(CONVENTION.REFERENCE).from(CONVENTION).fetch()).hasSize(2 * before);
    }
}
