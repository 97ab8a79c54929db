package fr.ancrage.service.documents;

import fr.ancrage.documents.Conformance;
import fr.ancrage.documents.Format;
import fr.ancrage.domain.Letterhead;
import fr.ancrage.domain.Organisation;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import fr.ancrage.service.ConventionService;
import fr.ancrage.service.DemoDataService;
import fr.ancrage.service.OrganisationService;
import fr.ancrage.service.TerritoryService;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, « done when »: a bilan and a convention to sign made from a base holding emoji and
 * formula-like names open in LibreOffice, validate and carry the team's letterhead.
 */
class HostileBaseDocumentsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    /** An emoji, a formula, a control character and a bidi override in one company name. */
    private static final String COMPANY = "=HYPERLINK(\"http://x\";\"y\") Boulangerie 🥐 \u0007\u202Ede l’Est";
    private static Database db;
    private static DocumentService documents;
    private static ConventionToSign.Data data;

    @TempDir
    Path dir;

    @BeforeAll
    static void hostileBase() {
        db = Database.inMemory("hostile-" + UUID.randomUUID());
        Store store = new Store(db.dsl());
        new TerritoryService(store).ensureReferenceData();
        new DemoDataService(store, CLOCK).load();
        documents = new DocumentService(store, CLOCK, I18n.forLanguage("fr"));
        data = ToSignFixtures.producible(documents, new ConventionService(store, CLOCK))
                .filter(d -> d.company() != null && d.convention().signatureDate() != null
                        && d.convention().startDate().getYear() <= 2024 && d.convention().endDate().getYear() >= 2024)
                .findFirst().orElseThrow();
        Organisation o = data.company();
        new OrganisationService(store).save(new Organisation(o.meta(), o.kind(), COMPANY, o.siren(), o.siret(),
                o.nafCode(), o.sizeBand(), o.addressLine(), o.postcode(), o.communeCode(), o.inQpv(), o.paqteMember(),
                o.networks(), o.notes()));
        Letterhead demo = documents.letterheads().get();
        documents.letterheads().save(new Letterhead(demo.meta(), "Préfet du Doubs 🇫🇷", "@SUM(1;2) service",
                demo.address(), "+33 Claire \u0000Martin", demo.contact(), demo.place(), null, ""));
        data = documents.toSignData(data.convention().id());
    }

    @AfterAll
    static void close() {
        TestStores.shutdown(db);
    }

    @Test
    void theBilanAndTheConventionToSignOpenValidateAndCarryTheLetterhead() throws Exception {
        int year = 2024;
        var bilan = documents.exportBilan(new fr.ancrage.domain.DashboardFilter(null, data.convention().epciSiren(), null, null), year,
                EnumSet.allOf(Format.class), dir, DocumentService.Progress.NONE);
        var toSign = documents.exportConventionToSign(data.convention().id(), EnumSet.of(Format.ODT, Format.PDF), dir,
                DocumentService.Progress.NONE);
        Path soffice = Conformance.libreOffice();
        Path lo = Files.createDirectories(dir.resolve("lo"));
        for (Path file : java.util.stream.Stream.concat(bilan.files().stream(), toSign.files().stream()).toList()) {
            String name = file.getFileName().toString();
            switch (name.substring(name.lastIndexOf('.') + 1)) {
                case "pdf" -> {
                    Conformance.assertAccessiblePdf(file);
                    assertThat(Conformance.pdfText(file)).contains("Préfet du Doubs", "Affaire suivie par");
                }
                case "odt" -> {
                    Conformance.assertValidOdf(file);
                    if (soffice != null) {
                        String text = Conformance.pdfText(Conformance.convert(soffice, file, "pdf", lo));
                        assertThat(text).contains("Boulangerie").doesNotContain("\u202E");
                    }
                }
                case "ods" -> {
                    Conformance.assertValidOdf(file);
                    try (var zip = new java.util.zip.ZipFile(file.toFile())) {
                        assertThat(new String(zip.getInputStream(zip.getEntry("content.xml")).readAllBytes(),
                                StandardCharsets.UTF_8)).contains("Boulangerie 🥐");
                    }
                    if (soffice != null) {
                        assertThat(Conformance.pdfPages(Conformance.convert(soffice, file, "pdf", lo))).isPositive();
                    }
                }
                case "xlsx" -> {
                    try (var in = Files.newInputStream(file); ReadableWorkbook wb = new ReadableWorkbook(in)) {
                        assertThat(wb.getSheets().count()).isPositive();
                    }
                }
                case "csv" -> assertThat(Files.readString(file, StandardCharsets.UTF_8)).doesNotContain("\u0007");
                default -> throw new AssertionError(name);
            }
        }
        String sign = Conformance.pdfText(toSign.files().stream().filter(p -> p.toString().endsWith(".pdf"))
                .findFirst().orElseThrow());
        // the company is named, its formula is text, its control and bidi characters are gone
        assertThat(sign).contains("=HYPERLINK(\"http://x\";\"y\") Boulangerie").doesNotContain("\u0007", "\u202E");
    }
}
