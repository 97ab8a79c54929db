package fr.ancrage.service.imports;

import fr.ancrage.domain.Civility;
import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Contact;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.GeographyVersion;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.SignatoryRole;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A team's conventions spreadsheet: each convention put with its company, QPVs and signatories,
 * signed ones coming in signed, its problems said on their column, and a second import changing
 * nothing.
 */
class ConventionImportTest {

    private static final Clock CLOCK = ImportTestSupport.CLOCK;

    @TempDir
    Path dir;

    private Database db;
    private Store store;
    private SheetImports sheets;
    private Organisation granvelle;
    private Contact durand;
    private Qpv planoise;

    @BeforeEach
    void setUp() {
        db = TestStores.withReference();
        store = new Store(db.dsl());
        sheets = new SheetImports(store, I18n.forLanguage("fr"), CLOCK);
        granvelle = store.write(r -> r.organisations().save(organisation(OrganisationKind.COMPANY,
                "Imprimerie Granvelle", OrganisationImportTest.siret(7000))));
        store.write(r -> r.organisations().save(organisation(OrganisationKind.COMPANY, "Boulangerie Martin", "")));
        store.write(r -> r.organisations().save(organisation(OrganisationKind.SUPPORT_BODY, "Mission locale", "")));
        durand = store.write(r -> r.contacts().save(new Contact(RecordMeta.fresh(), granvelle.id(), Civility.MADAME,
                "Anne", "Durand", "Gérante", "", "", true)));
        planoise = store.write(r -> r.qpvs().save(new Qpv(RecordMeta.fresh(), "QN02501A", "Planoise",
                GeographyVersion.QPV_2024, "25", "", List.of("25056"))));
    }

    @AfterEach
    void tearDown() {
        TestStores.shutdown(db);
    }

    private static Organisation organisation(OrganisationKind kind, String name, String siret) {
        return new Organisation(RecordMeta.fresh(), kind, name, "", siret, "", null, "", "25000", "25056", false,
                false, Set.of(), "");
    }

    private Path conventionsCsv() throws Exception {
        String siret = OrganisationImportTest.siret(7000);
        List<String> lines = List.of(
                "Liste des conventions PaQte du Doubs",
                "",
                "Entreprise;SIRET;N° convention;Date de signature;Début;Fin;Quartiers prioritaires;Signataire entreprise;Fonction du signataire",
                ";" + siret + ";PAQTE-2021-07;15/03/2021;01/04/2021;31/03/2024;QN02501A;Anne Durand;Gérante",      // 4
                "Imprimerie Granvelle;;;10/01/2025;01/02/2025;31/01/2028;QN02501A, QN99999X;;",                 // 5
                "Boulangerie Martin;;;31/02/2025;;;;;",                                                             // 6
                "Boulangerie Martin;;;;2025-01-01;2024-01-01;Planoise;;",                                          // 7
                "Mission locale;;;12/05/2025;;;;;",                                                                 // 8
                "Imprimerie Granvelle;;PAQTE-2021-07 bis;15/03/2021;;;;;",                                         // 9
                "Boulangerie Martin;;;02/06/2025;01/07/2025;30/06/2028;Planoise;Paul Martin;Gérant",               // 10
                "Boulangerie Martin;;;;;;;;");                                                                       // 11: undated
        Path file = dir.resolve("conventions.csv");
        Files.write(file, String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8));
        return file;
    }

    @Test
    void conventionsComeInWithTheirCompanyQpvsAndSignatoriesAndASecondImportChangesNothing() throws Exception {
        Path file = conventionsCsv();
        SheetImport.Opened opened = sheets.open(file, null, 0, null, null);
        assertThat(opened.kind()).isEqualTo(SheetKind.CONVENTIONS);
        assertThat(opened.headerRow()).isEqualTo(3);
        assertThat(opened.recognised().columns()).containsExactly(Map.entry(0, ImportField.LEGAL_NAME),
                Map.entry(1, ImportField.SIRET), Map.entry(2, ImportField.REFERENCE),
                Map.entry(3, ImportField.SIGNATURE_DATE), Map.entry(4, ImportField.START_DATE),
                Map.entry(5, ImportField.END_DATE), Map.entry(6, ImportField.QPV),
                Map.entry(7, ImportField.COMPANY_SIGNATORY), Map.entry(8, ImportField.COMPANY_SIGNATORY_TITLE));
        SheetImport imports = sheets.of(SheetKind.CONVENTIONS);

        SheetImport.Preview preview = imports.preview(opened, opened.recognised(), () -> false);
        assertThat(preview.lines()).extracting(l -> l.row().number() + " " + l.group() + " " + l.proposed())
                .containsExactly("4 NEW IMPORT", "5 ERRORS SKIP", "6 ERRORS SKIP", "7 ERRORS SKIP", "8 ERRORS SKIP",
                        "9 EARLIER_ROW SKIP", "10 NEW IMPORT", "11 NEW IMPORT");
        assertThat(ImportTestSupport.issues(preview, 5)).containsExactly("QPV import.row.qpv.unknown");
        assertThat(ImportTestSupport.issues(preview, 6)).containsExactly("SIGNATURE_DATE import.row.date.invalid");
        assertThat(ImportTestSupport.issues(preview, 7)).containsExactly("END_DATE validation.convention.end.beforeStart");
        assertThat(ImportTestSupport.issues(preview, 8)).containsExactly("LEGAL_NAME import.row.convention.notCompany");

        List<SheetImport.Done> done = imports.write(preview, Map.of());
        assertThat(done).extracting(d -> d.row() + " " + d.outcome()).containsExactly("4 CREATED", "5 SKIPPED",
                "6 SKIPPED", "7 SKIPPED", "8 SKIPPED", "9 SKIPPED", "10 CREATED", "11 CREATED");
        Convention signed2021 = store.read(r -> r.conventions().findById(done.getFirst().id())).orElseThrow();
        Commune besancon = store.read(r -> r.territories().commune("25056")).orElseThrow();
        // numbered as the Conventions screen numbers them, in the year it was signed; the team's number kept
        assertThat(signed2021.reference()).isEqualTo("25-2021-001");
        assertThat(signed2021.notes()).isEqualTo("Référence dans le tableur d’origine : PAQTE-2021-07");
        assertThat(signed2021.companyId()).isEqualTo(granvelle.id());
        assertThat(signed2021.departmentCode()).isEqualTo("25");
        assertThat(signed2021.epciSiren()).isEqualTo(besancon.epciSiren());
        // signed, ended before today: « échue »
        assertThat(signed2021.status()).isEqualTo(ConventionStatus.EXPIRED);
        assertThat(signed2021.signatureDate()).isEqualTo(LocalDate.of(2021, 3, 15));
        assertThat(signed2021.qpvIds()).containsExactly(planoise.id());
        assertThat(signed2021.signatories()).singleElement().satisfies(s -> {
            assertThat(s.role()).isEqualTo(SignatoryRole.COMPANY);
            assertThat(s.fullName()).isEqualTo("Anne Durand");
            assertThat(s.contactId()).isEqualTo(durand.id());
        });
        Convention active = store.read(r -> r.conventions().findById(done.get(6).id())).orElseThrow();
        assertThat(active.status()).isEqualTo(ConventionStatus.ACTIVE);
        assertThat(active.reference()).isEqualTo("25-2025-001");
        assertThat(active.signatories()).singleElement().satisfies(s -> assertThat(s.contactId()).isNull());

        SheetImport.Preview again = imports.preview(opened, opened.recognised(), () -> false);
        assertThat(again.lines()).extracting(l -> l.row().number() + " " + l.group())
                .contains("4 SAME_DATES", "10 SAME_DATES", "11 SAME_DATES");
        assertThat(imports.write(again, Map.of())).extracting(d -> d.outcome().name()).doesNotContain("CREATED", "UPDATED");
        List<ConventionListItem> all = store.read(r -> r.conventions().list());
        assertThat(all).hasSize(3);
        // undated, not signed: a draft, numbered in the year of its import
        assertThat(store.read(r -> r.conventions().findById(done.getLast().id())).orElseThrow().status())
                .isEqualTo(ConventionStatus.DRAFT);
    }

    @Test
    void aReferenceOfTheBaseMatchesItsConventionOnlyForTheSameCompany() throws Exception {
        Files.writeString(dir.resolve("first.csv"), "Entreprise;Date de signature;Début;Fin\n"
                + "Imprimerie Granvelle;15/03/2021;01/04/2021;31/03/2024\n");
        SheetImport imports = sheets.of(SheetKind.CONVENTIONS);
        SheetImport.Opened first = imports.open(dir.resolve("first.csv"), null, 0);
        imports.write(imports.preview(first, first.recognised(), () -> false), Map.of());

        Files.writeString(dir.resolve("next.csv"), "Entreprise;Référence;Intitulé;Date de signature\n"
                + "Imprimerie Granvelle;25-2021-001;Convention PaQte Granvelle;\n"
                + "Boulangerie Martin;25-2021-001;;\n");
        SheetImport.Opened next = imports.open(dir.resolve("next.csv"), null, 0);
        SheetImport.Preview preview = imports.preview(next, next.recognised(), () -> false);
        assertThat(preview.lines()).extracting(l -> l.row().number() + " " + l.group() + " " + l.proposed())
                .containsExactly("2 SAME_REFERENCE MATCH", "3 ERRORS SKIP");
        assertThat(ImportTestSupport.issues(preview, 3)).containsExactly("REFERENCE import.row.convention.referenceOfOther");

        assertThat(imports.write(preview, Map.of())).extracting(d -> d.row() + " " + d.outcome())
                .containsExactly("2 UPDATED", "3 SKIPPED");
        List<ConventionListItem> all = store.read(r -> r.conventions().list());
        assertThat(all).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("Convention PaQte Granvelle");
            assertThat(c.companyId()).isEqualTo(granvelle.id());
        });
    }

    @Test
    void aRowThatWouldMakeAConventionInconsistentWritesNothingAtAll() throws Exception {
        Files.writeString(dir.resolve("first.csv"), "Entreprise;Date de signature;Début\n"
                + "Imprimerie Granvelle;15/03/2021;01/04/2021\n");
        SheetImport imports = sheets.of(SheetKind.CONVENTIONS);
        SheetImport.Opened first = imports.open(dir.resolve("first.csv"), null, 0);
        imports.write(imports.preview(first, first.recognised(), () -> false), Map.of());

        // a new convention first, then the one of the base given an end before its start
        Files.writeString(dir.resolve("next.csv"), "Entreprise;Date de signature;Début;Fin\n"
                + "Boulangerie Martin;02/06/2025;01/07/2025;30/06/2028\n"
                + "Imprimerie Granvelle;15/03/2021;;20/03/2021\n");
        SheetImport.Opened next = imports.open(dir.resolve("next.csv"), null, 0);
        SheetImport.Preview preview = imports.preview(next, next.recognised(), () -> false);
        assertThat(preview.lines()).extracting(l -> l.group().name()).containsExactly("NEW", "SAME_DATES");

        assertThatThrownBy(() -> imports.write(preview, Map.of())).isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).messageKey())
                        .isEqualTo("import.convention.mergeRefused"));
        List<ConventionListItem> all = store.read(r -> r.conventions().list());
        assertThat(all).singleElement().satisfies(c -> assertThat(c.endDate()).isNull());
    }

}
