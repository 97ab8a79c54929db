package fr.ancrage.service.documents;

import fr.ancrage.documents.Conformance;
import fr.ancrage.documents.Format;
import fr.ancrage.domain.Signatory;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import fr.ancrage.service.ConventionService;
import fr.ancrage.service.DemoDataService;
import fr.ancrage.service.TerritoryService;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The convention to sign names every party that signs it (review of issue 16: « Entre les soussignés »
 * named 3 parties for 4 signature blocks and « 4 exemplaires »), says where it is made, and carries
 * its reference in its title.
 */
class ConventionToSignPartiesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static Database db;
    private static DocumentService documents;
    private static ConventionService conventions;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadDemo() {
        db = Database.inMemory("parties-" + UUID.randomUUID());
        Store store = new Store(db.dsl());
        new TerritoryService(store).ensureReferenceData();
        new DemoDataService(store, CLOCK).load();
        documents = new DocumentService(store, CLOCK, I18n.forLanguage("fr"));
        conventions = new ConventionService(store, CLOCK);
    }

    @AfterAll
    static void close() {
        TestStores.shutdown(db);
    }

    @Test
    void everySignatoryIsAPartyAndHasItsOriginal() throws Exception {
        // the demo convention with the most signatories that can be produced
        var data = ToSignFixtures.mostSignatories(documents, conventions);
        var signatories = data.signatories();
        assertThat(signatories).hasSizeGreaterThanOrEqualTo(3);
        String reference = data.convention().reference();

        Path pdf = documents.exportConventionToSign(data.convention().id(), EnumSet.of(Format.PDF, Format.ODT), dir,
                DocumentService.Progress.NONE).files().stream().filter(p -> p.toString().endsWith(".pdf"))
                .findFirst().orElseThrow();
        String text = Conformance.pdfText(pdf).replaceAll("\\s+", " ");
        String parties = text.substring(text.indexOf("Entre les soussignés"), text.indexOf("Préambule"));
        for (Signatory s : signatories) {
            assertThat(parties).as("parties").contains(data.formalName(s) + ", " + s.jobTitle());
        }
        // the civilité of the signatories' contacts (demo contacts all have one)
        assertThat(signatories).filteredOn(s -> s.contactId() != null).isNotEmpty()
                .allSatisfy(s -> assertThat(data.formalName(s)).matches("(Mme|M\\.) " + java.util.regex.Pattern.quote(s.fullName())));
        assertThat(parties).contains("L’État, représenté par").contains(" et ");
        assertThat(text).contains("Fait à Besançon, le")
                .contains("en " + signatories.size() + " exemplaires originaux");
        // as many signature blocks as parties: each « Pour … » once per signatory
        assertThat(text.split("Pour ", -1).length - 1).isEqualTo(signatories.size());
        try (var doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getDocumentInformation().getTitle()).contains(reference);
        }
    }
}
