package fr.ancrage.service.imports;

import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Framework;
import fr.ancrage.domain.GeographyVersion;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.imports.QpvColumn;
import fr.ancrage.domain.imports.QpvList;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The official QPV list, in the ANCT's columns (issue 18): read from CSV, XLSX and GeoJSON,
 * compared with a base whose QPVs were typed by hand, imported in one transaction, and again
 * without change; a newer list keeps a QPV a convention targets and says what disappeared.
 */
class QpvListImportTest {

    @TempDir
    Path dir;

    private Database db;
    private Store store;
    private QpvListImport imports;
    private Qpv typedByHand;
    private Qpv gone;
    private UUID convention;

    @BeforeEach
    void setUp() {
        db = TestStores.withReference();
        store = new Store(db.dsl());
        imports = new QpvListImport(store);
        typedByHand = store.write(r -> r.qpvs().save(new Qpv(RecordMeta.fresh(), "QN02501M", "planoise",
                GeographyVersion.QPV_2024, "25", "", List.of())));
        gone = store.write(r -> r.qpvs().save(new Qpv(RecordMeta.fresh(), "QN02509Z", "Les Clairs Soleils",
                GeographyVersion.QPV_2024, "25", "242500361", List.of("25056"))));
        // other geography, other department: a list of the 2024 QPVs of Doubs and Nord says nothing of them
        store.write(r -> r.qpvs().save(new Qpv(RecordMeta.fresh(), "QP025001", "Planoise", GeographyVersion.QPV_2015,
                "25", "", List.of())));
        store.write(r -> r.qpvs().save(new Qpv(RecordMeta.fresh(), "QN07501M", "Porte de Clignancourt",
                GeographyVersion.QPV_2024, "75", "", List.of())));
        Organisation company = store.write(r -> r.organisations().save(new Organisation(RecordMeta.fresh(),
                OrganisationKind.COMPANY, "Imprimerie Granvelle", "", "", "", null, "", "", "", false, false, Set.of(), "")));
        convention = store.write(r -> r.conventions().save(new Convention(RecordMeta.fresh(), "25-2026-001",
                "Convention Planoise", company.id(), Framework.PAQTE, "25", "", "", ConventionStatus.SIGNED,
                LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 10), LocalDate.of(2028, 12, 31),
                Set.of(typedByHand.id(), gone.id()), List.of(), ""))).id();
    }

    @AfterEach
    void tearDown() {
        TestStores.shutdown(db);
    }

    private Path csv(String name, String... lines) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }

    /** The 2024 list of two departments, one QPV over two communes (one row each), three faulty rows. */
    private Path officialList() throws Exception {
        return csv("qp2024.csv",
                "code_qp;nom_qp;insee_com;lib_com;insee_dep;siren_epci",
                "QN02501M;Planoise;25056;Besançon;25;242500361",
                "QN02502X;Clairs Soleils;25056;Besançon;25;999999999",
                "QN05901A;Les Trois Ponts;59512;Roubaix;59;200093201",
                "QN05901A;Les Trois Ponts;59650;Wattrelos;59;200093201",
                "QX1234;Mauvais code;59350;Lille;59;200093201",
                ";Sans code;59350;Lille;59;200093201",
                "QN05902B;;59350;Lille;59;200093201",
                "QN05903C;Lille Sud;99999;Lille;059;200093201");
    }

    @Test
    void theOfficialListUpdatesTheHandTypedQpvsKeepsTheirConventionsAndSaysWhatDisappeared() throws Exception {
        QpvListImport.Preview preview = imports.preview(officialList(), () -> false);

        assertThat(preview.columns()).containsKeys(QpvColumn.CODE, QpvColumn.NAME, QpvColumn.COMMUNE_CODES,
                QpvColumn.COMMUNE_NAMES, QpvColumn.DEPARTMENT, QpvColumn.EPCI);
        assertThat(new QpvListTexts(I18n.forLanguage("fr")).column(preview, QpvColumn.CODE)).isEqualTo("A « code_qp »");
        assertThat(new QpvListTexts(I18n.forLanguage("en")).column(preview, QpvColumn.CODE)).isEqualTo("A “code_qp”");
        QpvList.Plan plan = preview.plan();
        assertThat(plan.geographies()).containsExactly(GeographyVersion.QPV_2024);
        assertThat(plan.departments()).containsExactlyInAnyOrder("25", "59");
        QpvList.Line planoise = line(plan, "QN02501M");
        assertThat(planoise.change()).isEqualTo(QpvList.Change.UPDATED);
        assertThat(planoise.changed()).containsExactly(QpvList.Field.NAME, QpvList.Field.EPCI, QpvList.Field.COMMUNES);
        assertThat(planoise.usage()).isEqualTo(1);
        QpvList.Line roubaix = line(plan, "QN05901A");
        assertThat(roubaix.change()).isEqualTo(QpvList.Change.NEW);
        assertThat(roubaix.entry().communes()).containsExactly("59512", "59650");
        assertThat(roubaix.entry().rows()).containsExactly(4, 5);
        // an EPCI the reference does not know: the one of its commune, said as a warning
        QpvList.Line clairs = line(plan, "QN02502X");
        assertThat(clairs.change()).isEqualTo(QpvList.Change.NEW);
        assertThat(clairs.entry().epci()).isEqualTo("242500361");
        assertThat(clairs.entry().problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(QpvColumn.EPCI);
            assertThat(p.issue().messageKey()).isEqualTo("import.qpv.epci.unknown");
        });
        // refused, each with its row and column
        assertThat(plan.lines()).filteredOn(l -> l.change() == QpvList.Change.REFUSED)
                .extracting(l -> l.entry().problems().getFirst().row() + " " + l.entry().problems().getFirst().column()
                        + " " + l.entry().problems().getFirst().issue().messageKey())
                .containsExactlyInAnyOrder("6 CODE validation.qpv.length", "7 CODE import.qpv.code.missing",
                        "8 NAME import.qpv.name.missing");
        // a commune code the reference does not know: a warning, the QPV kept without it; 059 is 59
        QpvList.Line lilleSud = line(plan, "QN05903C");
        assertThat(lilleSud.change()).isEqualTo(QpvList.Change.NEW);
        assertThat(lilleSud.entry().problems()).extracting(p -> p.issue().messageKey())
                .containsExactly("import.qpv.commune.unknownCode");
        // gone from the list: kept, with its convention, and the new code of the same name pointed at
        QpvList.Line disappeared = line(plan, "QN02509Z");
        assertThat(disappeared.change()).isEqualTo(QpvList.Change.DISAPPEARED);
        assertThat(disappeared.usage()).isEqualTo(1);
        assertThat(disappeared.successor()).isEqualTo("QN02502X");
        assertThat(plan.lines()).extracting(QpvList.Line::code).doesNotContain("QP025001", "QN07501M");
        assertThat(qpvs()).hasSize(4); // the preview wrote nothing

        List<QpvListImport.Done> done = imports.write(preview);

        assertThat(done).filteredOn(d -> d.outcome() == QpvListImport.Outcome.CREATED).hasSize(3);
        assertThat(done).filteredOn(d -> d.outcome() == QpvListImport.Outcome.UPDATED).hasSize(1);
        assertThat(done).filteredOn(d -> d.outcome() == QpvListImport.Outcome.KEPT).hasSize(1);
        Qpv updated = store.read(r -> r.qpvs().findByCode("QN02501M")).orElseThrow();
        assertThat(updated.id()).isEqualTo(typedByHand.id());
        assertThat(updated.name()).isEqualTo("Planoise");
        assertThat(updated.epciSiren()).isEqualTo("242500361");
        assertThat(updated.communeCodes()).containsExactly("25056");
        assertThat(store.read(r -> r.conventions().findById(convention)).orElseThrow().qpvIds())
                .containsExactlyInAnyOrder(typedByHand.id(), gone.id());
        assertThat(store.read(r -> r.qpvs().findByCode("QN05901A")).orElseThrow().communeCodes())
                .containsExactly("59512", "59650");

        // the same list again: nothing to do
        QpvListImport.Preview again = imports.preview(officialList(), () -> false);
        assertThat(again.plan().count(QpvList.Change.NEW)).isZero();
        assertThat(again.plan().count(QpvList.Change.UPDATED)).isZero();
        assertThat(again.plan().count(QpvList.Change.UNCHANGED)).isEqualTo(4);
        int before = qpvs().size();
        assertThat(imports.write(again)).noneMatch(d -> d.outcome() == QpvListImport.Outcome.CREATED
                || d.outcome() == QpvListImport.Outcome.UPDATED);
        assertThat(qpvs()).hasSize(before);
    }

    @Test
    void theGeoJsonAttributesAreReadTheirGeometriesSkippedAndNumbersKeepTheirZeros() throws Exception {
        Path file = dir.resolve("QP2015_France.geojson");
        Files.writeString(file, """
                {"type":"FeatureCollection","name":"QP2015","crs":{"type":"name"},
                 "features":[
                  {"type":"Feature","properties":{"CODE_QP":"QP001001","NOM_QP":"Les Courbes de l'Albarine",
                    "COMMUNE_QP":"Ambérieu-en-Bugey","INSEE_COM":1004,"INSEE_DEP":1},
                   "geometry":{"type":"MultiPolygon","coordinates":[[[[5.35,45.95],[5.36,45.96],[5.35,45.95]]]]}},
                  {"type":"Feature","geometry":null,"properties":{"CODE_QP":"QP025002","NOM_QP":"Planoise",
                    "COMMUNE_QP":"Besançon","INSEE_COM":["25056"],"INSEE_DEP":"25"}}
                 ]}
                """, StandardCharsets.UTF_8);

        QpvListImport.Preview preview = imports.preview(file, () -> false);

        assertThat(preview.format()).hasToString("GEOJSON");
        QpvList.Line courbes = line(preview.plan(), "QP001001");
        assertThat(courbes.change()).isEqualTo(QpvList.Change.NEW);
        assertThat(courbes.entry().geography()).isEqualTo(GeographyVersion.QPV_2015);
        assertThat(courbes.entry().department()).isEqualTo("01");
        assertThat(courbes.entry().communes()).containsExactly("01004");
        assertThat(courbes.entry().epci()).as("the EPCI of its commune").isNotEmpty();
        assertThat(courbes.entry().problems()).isEmpty();
        assertThat(line(preview.plan(), "QP025002").entry().communes()).containsExactly("25056");
        imports.write(preview);
        assertThat(store.read(r -> r.qpvs().findByCode("QP001001")).orElseThrow().geographyVersion())
                .isEqualTo(GeographyVersion.QPV_2015);
    }

    @Test
    void aSpreadsheetOfTheListWithCommuneNamesOnlyIsRead() throws Exception {
        Path file = dir.resolve("liste.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            var ws = wb.newWorksheet("QPV");
            String[] headers = {"Code QP", "Libellé QP", "Commune(s)", "Département"};
            for (int c = 0; c < headers.length; c++) {
                ws.value(0, c, headers[c]);
            }
            ws.value(1, 0, "QN02503K");
            ws.value(1, 1, "Fontaine-Écu");
            ws.value(1, 2, "Besançon");
            ws.value(1, 3, 25);
            wb.finish();
        }

        QpvList.Line line = line(imports.preview(file, () -> false).plan(), "QN02503K");

        assertThat(line.change()).isEqualTo(QpvList.Change.NEW);
        assertThat(line.entry().communes()).containsExactly("25056");
        assertThat(line.entry().epci()).isEqualTo("242500361");
    }

    @Test
    void aFileWithoutTheListsColumnsOrADamagedGeoJsonIsRefusedAndNothingIsWritten() throws Exception {
        I18n fr = I18n.forLanguage("fr");
        Path noColumns = csv("entreprises.csv", "Raison sociale;SIRET", "Granvelle;12345678901234");
        assertThatThrownBy(() -> imports.preview(noColumns, () -> false))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(
                        fr.format(e.messageKey(), e.args().toArray()))
                        .contains("entreprises.csv", "code_qp", "Raison sociale, SIRET"));
        Path cut = dir.resolve("qp.geojson");
        Files.writeString(cut, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code_qp\":\"QN0",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> imports.preview(cut, () -> false))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("sheet.refused.geojsonDamaged"));
        Path notGeo = dir.resolve("autre.json");
        Files.writeString(notGeo, "{\"type\":\"Package\",\"records\":[]}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> imports.preview(notGeo, () -> false))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("sheet.refused.geojson"));
        assertThat(qpvs()).hasSize(4);
    }

    private List<Qpv> qpvs() {
        return store.read(r -> r.qpvs().list());
    }

    private static QpvList.Line line(QpvList.Plan plan, String code) {
        return plan.lines().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow(() ->
                new AssertionError(code + " not in " + plan.lines()));
    }
}
