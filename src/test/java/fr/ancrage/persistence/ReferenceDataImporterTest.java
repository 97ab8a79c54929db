package fr.ancrage.persistence;

import static fr.ancrage.persistence.jooq.Tables.COMMUNE;
import static fr.ancrage.persistence.jooq.Tables.DEPARTMENT;
import static fr.ancrage.persistence.jooq.Tables.EPCI;
import static fr.ancrage.persistence.jooq.Tables.REFERENCE_METADATA;
import static fr.ancrage.persistence.jooq.Tables.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ancrage.domain.ReferenceDataVersion;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ReferenceDataImporterTest {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceDataImporterTest.class);

    private static final String GRAND_BESANCON_SIREN = "242500361";
    private static final String AIX_MARSEILLE_PROVENCE_SIREN = "200054807";

    private DSLContext dsl;
    private ReferenceDataImporter importer;

    @BeforeEach
    void freshDatabase() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        dataSource.setPassword("");
        dsl = DSL.using(dataSource, SQLDialect.H2,
                new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED));
        importer = new ReferenceDataImporter(dsl);
    }

    @AfterEach
    void dropDatabase() {
        dsl.execute("drop all objects");
    }

    @Test
    void importsEveryTerritoryOfTheResource() {
        long start = System.nanoTime();
        ReferenceDataVersion version = importer.importIfMissing();
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("Territory import took {} ms on H2 in-memory", millis);

        assertThat(version).isEqualTo(new ReferenceDataVersion("@etalab/decoupage-administratif", "6.0.0",
                26, 109, 1255, 35_014));
        assertThat(dsl.fetchCount(REGION)).isEqualTo(26);
        assertThat(dsl.fetchCount(DEPARTMENT)).isEqualTo(109);
        assertThat(dsl.fetchCount(EPCI)).isEqualTo(1255);
        assertThat(dsl.fetchCount(COMMUNE)).isEqualTo(35_014);
        assertThat(dsl.fetchCount(COMMUNE, COMMUNE.EPCI_SIREN.isNull())).isEqualTo(98);
        assertThat(dsl.fetchValue(DEPARTMENT.NAME, DEPARTMENT.CODE.eq("2A"))).isEqualTo("Corse-du-Sud");
        assertThat(dsl.fetchValue(DEPARTMENT.REGION_CODE, DEPARTMENT.CODE.eq("971"))).isEqualTo("01");
    }

    @Test
    void besanconBelongsToGrandBesanconMetropoleInDoubs() {
        importer.importIfMissing();

        Record besancon = dsl.select(COMMUNE.NAME, COMMUNE.DEPARTMENT_CODE, COMMUNE.EPCI_SIREN, COMMUNE.POSTCODES,
                        COMMUNE.POPULATION, EPCI.NAME, EPCI.NATURE, EPCI.DEPARTMENT_CODE)
                .from(COMMUNE)
                .join(EPCI).on(EPCI.SIREN.eq(COMMUNE.EPCI_SIREN))
                .where(COMMUNE.CODE.eq("25056"))
                .fetchOne();

        assertThat(besancon).isNotNull();
        assertThat(besancon.get(COMMUNE.NAME)).isEqualTo("Besançon");
        assertThat(besancon.get(COMMUNE.DEPARTMENT_CODE)).isEqualTo("25");
        assertThat(besancon.get(COMMUNE.EPCI_SIREN)).isEqualTo(GRAND_BESANCON_SIREN);
        assertThat(besancon.get(COMMUNE.POSTCODES)).isEqualTo("25000");
        assertThat(besancon.get(COMMUNE.POPULATION)).isPositive();
        assertThat(besancon.get(EPCI.NAME)).isEqualTo("CU Grand Besançon Métropole");
        assertThat(besancon.get(EPCI.NATURE)).isEqualTo("CU");
        assertThat(besancon.get(EPCI.DEPARTMENT_CODE)).isEqualTo("25");
    }

    @Test
    void marseilleArrondissementsArePresentInTheParentEpci() {
        importer.importIfMissing();

        var arrondissements = dsl.selectFrom(COMMUNE)
                .where(COMMUNE.CODE.between("13201", "13216"))
                .orderBy(COMMUNE.CODE)
                .fetch();

        assertThat(arrondissements).hasSize(16);
        assertThat(arrondissements.getFirst().getName()).isEqualTo("Marseille 1er Arrondissement");
        assertThat(arrondissements.getFirst().getPostcodes()).isEqualTo("13001");
        assertThat(arrondissements).allSatisfy(a -> {
            assertThat(a.getDepartmentCode()).isEqualTo("13");
            assertThat(a.getEpciSiren()).isEqualTo(AIX_MARSEILLE_PROVENCE_SIREN);
        });
        assertThat(dsl.fetchValue(COMMUNE.EPCI_SIREN, COMMUNE.CODE.eq("13055"))).isEqualTo(AIX_MARSEILLE_PROVENCE_SIREN);
        assertThat(dsl.fetchValue(EPCI.DEPARTMENT_CODE, EPCI.SIREN.eq(AIX_MARSEILLE_PROVENCE_SIREN))).isEqualTo("13");
        // Paris and Lyon arrondissements too
        assertThat(dsl.fetchCount(COMMUNE, COMMUNE.CODE.between("75101", "75120"))).isEqualTo(20);
        assertThat(dsl.fetchCount(COMMUNE, COMMUNE.CODE.between("69381", "69389"))).isEqualTo(9);
    }

    @Test
    void secondCallDoesNotImportAgain() {
        ReferenceDataVersion first = importer.importIfMissing();
        String importedAt = dsl.fetchValue(REFERENCE_METADATA.META_VALUE,
                REFERENCE_METADATA.META_KEY.eq(ReferenceDataImporter.KEY_IMPORTED_AT));
        int metadataRows = dsl.fetchCount(REFERENCE_METADATA);

        ReferenceDataVersion second = new ReferenceDataImporter(dsl).importIfMissing();

        assertThat(second).isEqualTo(first);
        assertThat(dsl.fetchCount(COMMUNE)).isEqualTo(35_014);
        assertThat(dsl.fetchCount(EPCI)).isEqualTo(1255);
        assertThat(dsl.fetchCount(REFERENCE_METADATA)).isEqualTo(metadataRows);
        assertThat(dsl.fetchValue(REFERENCE_METADATA.META_VALUE,
                REFERENCE_METADATA.META_KEY.eq(ReferenceDataImporter.KEY_IMPORTED_AT))).isEqualTo(importedAt);
    }

    @Test
    void currentVersionIsReadFromTheMetadata() {
        assertThat(importer.currentVersion()).isEmpty();

        importer.importIfMissing();

        assertThat(importer.currentVersion()).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo("6.0.0");
            assertThat(v.source()).isEqualTo("@etalab/decoupage-administratif");
            assertThat(v.label()).isEqualTo("@etalab/decoupage-administratif 6.0.0");
            assertThat(v.communes()).isEqualTo(35_014);
        });
        assertThat(dsl.fetchValue(REFERENCE_METADATA.META_VALUE,
                REFERENCE_METADATA.META_KEY.eq(ReferenceDataImporter.KEY_VERSION))).isEqualTo("6.0.0");
        assertThat(dsl.fetchValue(REFERENCE_METADATA.META_VALUE,
                REFERENCE_METADATA.META_KEY.eq(ReferenceDataImporter.KEY_GEOGRAPHY))).isEqualTo("2026");
    }
}
