package fr.ancrage.service;

import fr.ancrage.documents.Conformance;
import fr.ancrage.documents.Doc;
import fr.ancrage.documents.Format;
import fr.ancrage.documents.Workbook;
import fr.ancrage.domain.BilanLine;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.DashboardFilter;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.validation.Siret;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.TestStores;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.documents.DocumentService;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final DashboardFilter DEMO_EPCI = new DashboardFilter(null, "242500361", null, null);

    private static Database db;
    private static Store store;
    private static DocumentService documents;
    private static ConventionListItem withEngagements;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadDemo() {
        db = Database.inMemory("documents-" + UUID.randomUUID());
        store = new Store(db.dsl());
        new TerritoryService(store).ensureReferenceData();
        new DemoDataService(store, CLOCK).load();
        documents = new DocumentService(store, CLOCK, I18n.forLanguage("fr"));
        EngagementService engagements = new EngagementService(store);
        withEngagements = new ConventionService(store, CLOCK).list().stream()
                .filter(c -> c.status() == ConventionStatus.SIGNED || c.status() == ConventionStatus.ACTIVE)
                .filter(c -> engagements.bilan(c.id()).stream().anyMatch(l -> l.result() != null))
                .filter(c -> !engagements.counterparts(c.id()).isEmpty())
                .findFirst().orElseThrow();
    }

    @AfterAll
    static void close() {
        TestStores.shutdown(db);
    }

    @Test
    void ficheSaysWhatTheConventionHolds() throws Exception {
        var written = documents.exportFiche(withEngagements.id(), EnumSet.of(Format.PDF, Format.ODT), dir,
                DocumentService.Progress.NONE);
        assertThat(written.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("Fiche convention " + withEngagements.reference() + ".pdf",
                        "Fiche convention " + withEngagements.reference() + ".odt");
        Path pdf = written.files().get(0);
        Conformance.assertAccessiblePdf(pdf);
        var convention = new ConventionService(store, CLOCK).get(withEngagements.id()).orElseThrow();
        var company = new OrganisationService(store).get(convention.companyId()).orElseThrow();
        BilanLine withResult = new EngagementService(store).bilan(convention.id()).stream()
                .filter(l -> l.result() != null && l.indicator().unit() == IndicatorUnit.COUNT).findFirst().orElseThrow();
        String text = flat(Conformance.pdfText(pdf));
        assertThat(text).contains("Fiche convention " + convention.reference(), company.legalName(),
                "Signataires", convention.signatories().getFirst().fullName(), withResult.actionTypeName(),
                withResult.indicator().name(), "Contreparties des partenaires publics", "Totaux par indicateur",
                "éditée par Ancrage le 22/11/2026");
        if (!company.siret().isEmpty()) {
            assertThat(text).contains("SIRET " + Siret.format(company.siret()));
        }
        // tagged (issue 16): the title is the one H1, sections are H2, tables have column headers
        var tags = Conformance.structure(pdf);
        assertThat(tags).filteredOn(t -> t.type().equals("H1")).extracting(t -> flat(t.text()))
                .containsExactly(flat("Fiche convention " + convention.reference()));
        assertThat(tags).filteredOn(t -> t.type().equals("H2")).extracting(t -> flat(t.text()))
                .contains("Signataires", "Contreparties des partenaires publics")
                .anySatisfy(h -> assertThat(h).startsWith("Totaux par indicateur"));
        assertThat(tags).extracting(Conformance.Tag::type).contains("P", "Table", "TR", "TD");
        assertThat(tags).filteredOn(t -> t.type().equals("TH") && "Column".equals(t.scope())).isNotEmpty();
        Path odt = written.files().get(1);
        Conformance.assertValidOdf(odt);
        assertThat(flat(Conformance.odfText(odt))).contains("Fiche convention " + convention.reference(), company.legalName(),
                convention.signatories().getFirst().fullName(), withResult.indicator().name());
    }

    @Test
    void bilanOfTheDemoEpciAddsUpLikeTheDashboard() throws Exception {
        var written = documents.exportBilan(DEMO_EPCI, 2025, EnumSet.allOf(Format.class), dir, DocumentService.Progress.NONE);
        assertThat(written.files()).hasSize(5);
        Path pdf = written.files().stream().filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
        Conformance.assertAccessiblePdf(pdf);
        String text = flat(Conformance.pdfText(pdf));
        var figures = new DashboardService(store, CLOCK).figures(DEMO_EPCI.withYear(2025));
        BigDecimal countTarget = figures.byCategory().stream().filter(t -> t.unit() == IndicatorUnit.COUNT && t.year() == 2025)
                .map(t -> t.target()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(countTarget).isPositive();
        String expectedTotal = java.text.NumberFormat.getIntegerInstance(java.util.Locale.FRANCE).format(countTarget)
                .replace('\u202F', ' ').replace('\u00A0', ' ');
        assertThat(text).contains("Bilan annuel 2025 — ", "Par catégorie d’engagement", "Par axe du PaQte",
                "Par quartier prioritaire", "Entreprises et conventions", "Total " + expectedTotal,
                figures.byCategory().getFirst().categoryName());

        Path ods = written.files().stream().filter(p -> p.toString().endsWith(".ods")).findFirst().orElseThrow();
        Conformance.assertValidOdf(ods);
        Path xlsx = written.files().stream().filter(p -> p.toString().endsWith(".xlsx")).findFirst().orElseThrow();
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            assertThat(wb.getSheets().map(s -> s.getName())).containsExactly("Synthèse", "Catégories", "Axes PaQte",
                    "QPV", "Indicateurs", "Entreprises");
        }
        Workbook workbook = documents.bilanWorkbook(DEMO_EPCI, 2025, documents.now());
        Path csv = written.files().stream().filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
        assertThat(Files.readAllLines(csv)).hasSize(workbook.sheets().getLast().rows().size() + 1);
        assertThat(workbook.sheets().getLast().rows()).hasSize(figures.counts().total());
    }

    @Test
    void bilanChartsAreFiguresDescribedByTheirValues() throws Exception {
        // 2024 has reports, so its bilan has charts (a year without report has none)
        var written = documents.exportBilan(DEMO_EPCI, 2024, EnumSet.of(Format.PDF), dir, DocumentService.Progress.NONE);
        Path pdf = written.files().getFirst();
        Conformance.assertAccessiblePdf(pdf);
        List<Doc.BarChart> charts = documents.bilanDocument(DEMO_EPCI, 2024, documents.now()).blocks().stream()
                .filter(b -> b instanceof Doc.BarChart).map(b -> (Doc.BarChart) b).toList();
        assertThat(charts).isNotEmpty();
        var figures = Conformance.structure(pdf).stream().filter(t -> t.type().equals("Figure")).toList();
        assertThat(figures).hasSize(charts.size());
        for (int i = 0; i < charts.size(); i++) {
            Doc.BarChart chart = charts.get(i);
            String alt = flat(figures.get(i).alt());
            // the title, then for each category the label of each series, as the bars show them
            assertThat(alt).startsWith(flat(chart.title()));
            for (int g = 0; g < chart.categories().size(); g++) {
                for (Doc.Series series : chart.series()) {
                    assertThat(alt).contains(flat(chart.categories().get(g)) + " : ")
                            .contains(flat(series.name() + " " + series.labels().get(g)));
                }
            }
        }
    }

    /** The text with its line breaks and special spaces as plain spaces (wrapped cells read on). */
    static String flat(String text) {
        return text.replace('\u202F', ' ').replace('\u00A0', ' ').replaceAll("\\s+", " ");
    }

    @Test
    void aCancelledExportLeavesNoFile() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        DocumentService.Progress cancelAfterFirstFile = new DocumentService.Progress() {
            @Override
            public void step(int done, int total, String what) {
                steps.incrementAndGet();
            }

            @Override
            public boolean cancelled() {
                return steps.get() > 2;
            }
        };
        assertThatThrownBy(() -> documents.exportBilan(DEMO_EPCI, 2025, EnumSet.allOf(Format.class), dir, cancelAfterFirstFile))
                .isInstanceOf(RuleViolationException.class).hasMessage("doc.error.cancelled");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aFolderThatCannotBeWrittenIsNamed() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("fichier.txt"), "x");
        assertThatThrownBy(() -> documents.exportFiche(withEngagements.id(), Set.of(Format.PDF), notAFolder.resolve("sous"),
                DocumentService.Progress.NONE))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.messageKey()).isIn("doc.error.unwritable", "doc.error.noFolder");
                    assertThat(e.args()).anySatisfy(a -> assertThat(a.toString()).contains("fichier.txt"));
                });
    }

    @Test
    void aFullDiskIsSaidSo() {
        Path file = dir.resolve("bilan.pdf");
        var e = documents.failure(new FileSystemException(file.toString(), null, "No space left on device"), file);
        assertThat(((RuleViolationException) e).messageKey()).isEqualTo("doc.error.diskFull");
        assertThat(I18n.forLanguage("fr").format(((RuleViolationException) e).messageKey(),
                ((RuleViolationException) e).args().toArray())).contains("est plein", dir.toString());
    }

    @Test
    void unknownTerritoryIsRefused() {
        assertThatThrownBy(() -> documents.exportBilan(new DashboardFilter(null, "999999999", null, null), 2025,
                Set.of(Format.PDF), dir, DocumentService.Progress.NONE))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("doc.error.unknownEpci"));
        assertThat(List.of(dir.toFile().list())).isEmpty();
    }
}
