package fr.ancrage.service.imports;

import fr.ancrage.domain.Catalogue;
import fr.ancrage.domain.Engagement;
import fr.ancrage.domain.EngagementStatus;
import fr.ancrage.domain.GeographyVersion;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.RealisedValue;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.imports.ImportField;
import fr.ancrage.domain.imports.SheetKind;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team's engagements spreadsheet, one figure per row: the rows of one engagement gathered, its
 * convention found by the number the conventions sheet gave it, the targets and realised values in
 * the base, a second import changing nothing and a figure of the base never replaced.
 */
class EngagementImportTest {

    private static final Clock CLOCK = ImportTestSupport.CLOCK;

    @TempDir
    Path dir;

    private Database db;
    private Store store;
    private SheetImports sheets;
    private UUID conventionId;

    @BeforeEach
    void setUp() throws Exception {
        db = TestStores.withReference();
        store = new Store(db.dsl());
        sheets = new SheetImports(store, I18n.forLanguage("fr"), CLOCK);
        store.write(r -> r.organisations().save(new Organisation(RecordMeta.fresh(), OrganisationKind.COMPANY,
                "Imprimerie Granvelle", "", "", "", null, "", "25000", "25056", false, false, Set.of(), "")));
        store.write(r -> r.qpvs().save(new Qpv(RecordMeta.fresh(), "QN02501A", "Planoise", GeographyVersion.QPV_2024,
                "25", "", List.of("25056"))));
        // the conventions sheet first, with the team's own numbers
        Files.writeString(dir.resolve("conventions.csv"), "N° convention;Entreprise;Date de signature;Début;Fin;QPV\n"
                + "PAQTE-2024-01;Imprimerie Granvelle;15/12/2023;01/01/2024;31/12/2026;QN02501A\n");
        SheetImport conventions = sheets.of(SheetKind.CONVENTIONS);
        SheetImport.Opened opened = conventions.open(dir.resolve("conventions.csv"), null, 0);
        conventionId = conventions.write(conventions.preview(opened, opened.recognised(), () -> false), Map.of())
                .getFirst().id();
    }

    @AfterEach
    void tearDown() {
        TestStores.shutdown(db);
    }

    private Path engagementsCsv() throws Exception {
        List<String> lines = List.of(
                "N° convention;Entreprise;Action;Description;Année;Indicateur;Objectif;Réalisé",
                "PAQTE-2024-01;;Stages de 3e pour les collégiens de REP et REP+;Collège Diderot;2024;Stages de 3e proposés;10;8",
                "PAQTE-2024-01;;STAGES_3E;Collège Diderot;2024;STAGES_FILLED;6;5",
                "PAQTE-2024-01;;stages_3e;COLLÈGE DIDEROT;2025;Stages de 3e proposés;12;",
                ";Imprimerie Granvelle;Dons financiers;;2025;;2 500,50 €;",
                "PAQTE-2024-01;;STAGES_3E;Collège Diderot;2024;Stages de 3e proposés;10;8",
                "PAQTE-2024-01;;STAGES_3E;Collège Diderot;2030;Stages de 3e proposés;3;",
                "INCONNUE;;STAGES_3E;;2024;;;",
                "PAQTE-2024-01;;STAGES_3E;Autre collège;2024;;5;",
                "PAQTE-2024-01;;Danse;;2024;;1;",
                "PAQTE-2024-01;;STAGES_3E;Collège Diderot;2025;Stages de 3e pourvus;douze;",
                "PAQTE-2024-01;;Dons financiers;Fête de quartier;2024;;300;",
                "PAQTE-2024-01;;Dons financiers;Fête de quartier;2025;;300;280");
        Path file = dir.resolve("engagements.csv");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    void theRowsOfAnEngagementComeInAsOneWithTheirTargetsAndRealisedValues() throws Exception {
        Path file = engagementsCsv();
        SheetImport.Opened opened = sheets.open(file, null, 0, null, null);
        assertThat(opened.kind()).isEqualTo(SheetKind.ENGAGEMENTS);
        assertThat(opened.recognised().columns()).containsExactly(Map.entry(0, ImportField.REFERENCE),
                Map.entry(1, ImportField.LEGAL_NAME), Map.entry(2, ImportField.ACTION),
                Map.entry(3, ImportField.DESCRIPTION), Map.entry(4, ImportField.YEAR), Map.entry(5, ImportField.INDICATOR),
                Map.entry(6, ImportField.TARGET), Map.entry(7, ImportField.REALISED));
        SheetImport imports = sheets.of(SheetKind.ENGAGEMENTS);

        SheetImport.Preview preview = imports.preview(opened, opened.recognised(), () -> false);
        assertThat(preview.lines()).extracting(l -> l.row().number() + " " + l.group() + " " + l.proposed())
                .containsExactly("2 NEW IMPORT", "3 NEW IMPORT", "4 NEW IMPORT", "5 NEW IMPORT", "6 EARLIER_ROW SKIP",
                        "7 ERRORS SKIP", "8 ERRORS SKIP", "9 ERRORS SKIP", "10 ERRORS SKIP", "11 ERRORS SKIP",
                        "12 NEW IMPORT", "13 NEW IMPORT");
        assertThat(ImportTestSupport.issues(preview, 7)).containsExactly("YEAR import.row.year.outsideConvention");
        assertThat(ImportTestSupport.issues(preview, 8)).containsExactly("REFERENCE import.row.convention.unknown");
        assertThat(ImportTestSupport.issues(preview, 9)).containsExactly("INDICATOR import.row.indicator.required");
        assertThat(ImportTestSupport.issues(preview, 10)).containsExactly("ACTION import.row.action.unknown");
        assertThat(ImportTestSupport.issues(preview, 11)).containsExactly("TARGET import.row.number.invalid");

        List<SheetImport.Done> done = imports.write(preview, Map.of());
        assertThat(done).extracting(d -> d.row() + " " + d.outcome()).containsExactly("2 CREATED", "3 UPDATED",
                "4 UPDATED", "5 CREATED", "6 SKIPPED", "7 SKIPPED", "8 SKIPPED", "9 SKIPPED", "10 SKIPPED", "11 SKIPPED",
                "12 CREATED", "13 UPDATED");
        Catalogue catalogue = store.read(r -> r.catalogue().load());
        UUID offered = indicator(catalogue, "STAGES_OFFERED");
        UUID filled = indicator(catalogue, "STAGES_FILLED");
        List<Engagement> engagements = store.read(r -> r.engagements().findByConventions(List.of(conventionId)));
        assertThat(engagements).hasSize(3);
        // its first row gave a target only, a later one a realised value: under way
        assertThat(engagements).filteredOn(e -> e.description().equals("Fête de quartier")).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(EngagementStatus.IN_PROGRESS));
        Engagement diderot = engagements.stream().filter(e -> e.description().equals("Collège Diderot")).findFirst()
                .orElseThrow();
        assertThat(diderot.firstYear()).isEqualTo(2024);
        assertThat(diderot.lastYear()).isEqualTo(2025);
        assertThat(diderot.status()).isEqualTo(EngagementStatus.IN_PROGRESS);
        assertThat(diderot.targets()).extracting(t -> t.indicatorId() + " " + t.year() + " " + t.value().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(offered + " 2024 10", filled + " 2024 6", offered + " 2025 12");
        List<RealisedValue> results = store.read(r -> r.engagements().results(conventionId));
        assertThat(results).extracting(v -> v.indicatorId() + " " + v.year() + " " + v.value().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(offered + " 2024 8", filled + " 2024 5", donationIndicator(catalogue) + " 2025 280");
        Engagement donations = engagements.stream().filter(e -> e.description().isEmpty()).findFirst().orElseThrow();
        // a target only: planned
        assertThat(donations.targets()).singleElement().satisfies(t -> {
            assertThat(t.year()).isEqualTo(2025);
            assertThat(t.value()).isEqualByComparingTo(new BigDecimal("2500.50"));
        });
        assertThat(donations.status()).isEqualTo(EngagementStatus.PLANNED);

        SheetImport.Preview again = imports.preview(opened, opened.recognised(), () -> false);
        assertThat(again.lines().subList(0, 4)).extracting(l -> l.group().name()).containsOnly("SAME_ENGAGEMENT");
        assertThat(imports.write(again, Map.of())).extracting(d -> d.outcome().name()).doesNotContain("CREATED", "UPDATED");
        List<Engagement> after = store.read(r -> r.engagements().findByConventions(List.of(conventionId)));
        assertThat(after).containsExactlyInAnyOrderElementsOf(engagements);

        // a figure the base has is never replaced by a sheet's
        Files.writeString(dir.resolve("later.csv"), "N° convention;Action;Description;Année;Indicateur;Objectif;Réalisé\n"
                + "PAQTE-2024-01;STAGES_3E;Collège Diderot;2024;STAGES_OFFERED;99;99\n"
                + "PAQTE-2024-01;STAGES_3E;Collège Diderot;2025;STAGES_OFFERED;;11\n");
        SheetImport.Opened later = imports.open(dir.resolve("later.csv"), null, 0);
        // (the base's engagement keeps its status: only a new one moves to « en cours » with a value)
        assertThat(imports.write(imports.preview(later, later.recognised(), () -> false), Map.of()))
                .extracting(d -> d.row() + " " + d.outcome()).containsExactly("2 UNCHANGED", "3 UPDATED");
        List<RealisedValue> now = store.read(r -> r.engagements().results(conventionId));
        assertThat(now).extracting(v -> v.indicatorId() + " " + v.year() + " " + v.value().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(offered + " 2024 8", filled + " 2024 5", offered + " 2025 11",
                        donationIndicator(catalogue) + " 2025 280");
    }

    @Test
    void anXlsxOfDateCellsAndNumbersComesInAndTheDashboardFollows() throws Exception {
        Path xlsx = dir.resolve("suivi.xlsx");
        try (java.io.OutputStream out = Files.newOutputStream(xlsx);
             org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0")) {
            var ws = wb.newWorksheet("Engagements");
            List<String> headers = List.of("Entreprise", "Type d’action", "Libellé", "Exercice", "Objectif", "Réalisé");
            for (int c = 0; c < headers.size(); c++) {
                ws.value(0, c, headers.get(c));
            }
            ws.value(1, 0, "IMPRIMERIE GRANVELLE");
            ws.value(1, 1, "Dons financiers");
            ws.value(1, 2, "=1+1 🎉 pour l’association\u0007 du quartier");
            ws.value(1, 3, 2025);
            ws.value(1, 4, 1500.5);
            ws.value(1, 5, 1200);
        }
        SheetImport.Opened opened = sheets.open(xlsx, null, 0, null, null);
        assertThat(opened.kind()).isEqualTo(SheetKind.ENGAGEMENTS);
        SheetImport imports = sheets.of(SheetKind.ENGAGEMENTS);
        SheetImport.Preview preview = imports.preview(opened, opened.recognised(), () -> false);
        assertThat(preview.lines()).singleElement().satisfies(l -> assertThat(l.row().issues()).isEmpty());
        imports.write(preview, Map.of());

        Engagement donation = store.read(r -> r.engagements().findByConventions(List.of(conventionId))).getFirst();
        // the text kept as typed, a formula never evaluated, the control character left out
        assertThat(donation.description()).isEqualTo("=1+1 🎉 pour l’association du quartier");
        var totals = new fr.ancrage.service.DashboardService(store, CLOCK)
                .indicatorTotals(new fr.ancrage.domain.DashboardFilter(null, null, null, 2025));
        assertThat(totals).filteredOn(t -> t.indicatorName().equals("Dons financiers")).singleElement()
                .satisfies(t -> {
                    assertThat(t.target()).isEqualByComparingTo("1500.50");
                    assertThat(t.realised()).isEqualByComparingTo("1200");
                });
    }

    @Test
    void aRealisedValueForAnAbandonedEngagementIsSaidOnItsRow() throws Exception {
        Files.writeString(dir.resolve("first.csv"), "N° convention;Action;Description;Année;Objectif\n"
                + "PAQTE-2024-01;Dons financiers;Fête de quartier;2024;500\n");
        SheetImport imports = sheets.of(SheetKind.ENGAGEMENTS);
        SheetImport.Opened first = imports.open(dir.resolve("first.csv"), null, 0);
        imports.write(imports.preview(first, first.recognised(), () -> false), Map.of());
        Engagement fete = store.read(r -> r.engagements().findByConventions(List.of(conventionId))).getFirst();
        store.write(r -> r.engagements().save(new Engagement(fete.meta(), fete.conventionId(), fete.actionTypeId(),
                fete.description(), fete.qpvIds(), fete.partnerId(), fete.firstYear(), fete.lastYear(),
                EngagementStatus.ABANDONED, fete.targets())));

        Files.writeString(dir.resolve("bilan.csv"), "N° convention;Action;Description;Année;Réalisé\n"
                + "PAQTE-2024-01;Dons financiers;Fête de quartier;2024;450\n");
        SheetImport.Opened bilan = imports.open(dir.resolve("bilan.csv"), null, 0);
        SheetImport.Preview preview = imports.preview(bilan, bilan.recognised(), () -> false);
        assertThat(ImportTestSupport.issues(preview, 2)).containsExactly("REALISED validation.result.abandoned");
        assertThat(preview.lines().getFirst().proposed()).isEqualTo(SheetImport.Decision.SKIP);
    }

    private static UUID donationIndicator(Catalogue catalogue) {
        return indicator(catalogue, "DONATIONS");
    }

    private static UUID indicator(Catalogue catalogue, String code) {
        return catalogue.indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow().id();
    }

}
