package fr.ancrage.service.documents;

import fr.ancrage.documents.Conformance;
import fr.ancrage.documents.Doc;
import fr.ancrage.documents.Format;
import fr.ancrage.documents.OdtOutput;
import fr.ancrage.documents.OdtTemplate;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.TestStores;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.ConventionService;
import fr.ancrage.service.DemoDataService;
import fr.ancrage.service.TerritoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odftoolkit.odfdom.doc.OdfTextDocument;
import org.w3c.dom.Element;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** « Convention à signer »: the team's ODT template filled from a convention, or every problem said first. */
class ConventionToSignTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-11-22T10:00:00Z");
    private static Database db;
    private static Store store;
    private static ConventionListItem active;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadDemo() {
        db = Database.inMemory("to-sign-" + UUID.randomUUID());
        store = new Store(db.dsl());
        new TerritoryService(store).ensureReferenceData();
        new DemoDataService(store, CLOCK).load();
        // an active convention the provided template can be filled from (some lack an EPCI signatory)
        DocumentService docs = new DocumentService(store, CLOCK, I18n.forLanguage("fr"));
        active = new ConventionService(store, CLOCK).list().stream().filter(c -> c.status() == ConventionStatus.ACTIVE)
                .filter(c -> {
                    try {
                        return new ConventionToSign(I18n.forLanguage("fr")).problems(
                                OdtTemplate.of(docs.providedConventionTemplate()), docs.toSignData(c.id())).isEmpty();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).findFirst().orElseThrow();
    }

    @AfterAll
    static void close() {
        TestStores.shutdown(db);
    }

    private DocumentService documents(Path templates) {
        return new DocumentService(store, CLOCK, I18n.forLanguage("fr"), templates);
    }

    private static String flat(String text) {
        return text.replace('\u202F', ' ').replace('\u00A0', ' ').replaceAll("\\s+", " ");
    }

    @Test
    void theProvidedTemplateIsFilledWithNothingLeftRaw() throws Exception {
        DocumentService docs = documents(dir.resolve("modeles"));
        var written = docs.exportConventionToSign(active.id(), EnumSet.of(Format.ODT, Format.PDF), dir,
                DocumentService.Progress.NONE);
        assertThat(written.files()).extracting(p -> p.getFileName().toString()).containsExactly(
                "Convention à signer " + active.reference() + ".odt", "Convention à signer " + active.reference() + ".pdf");
        Path odt = written.files().get(0);
        Path pdf = written.files().get(1);
        Conformance.assertValidOdf(odt);
        Conformance.assertAccessiblePdf(pdf);
        var data = docs.toSignData(active.id());
        var prefect = data.convention().signatories().stream()
                .filter(s -> s.role() == fr.ancrage.domain.SignatoryRole.PREFECT).findFirst().orElseThrow();
        for (String text : List.of(flat(Conformance.odfText(odt)), flat(Conformance.pdfText(pdf)))) {
            assertThat(text).doesNotContain("{{", "}}")
                    .contains(data.company().legalName(), "représenté par " + prefect.fullName() + ", " + prefect.jobTitle(),
                            "Article 2 — Engagements de l’entreprise", data.engagements().getFirst().actionTypeName(),
                            "prend effet le " + new DocFormats(I18n.forLanguage("fr")).date(data.convention().startDate()),
                            data.qpvs().getFirst().name());
        }
    }

    @Test
    void aPlaceholderCutOverSeveralRunsIsStillReplaced() throws Exception {
        OdfTextDocument odt = OdfTextDocument.newTextDocument();
        Element p = odt.newParagraph();
        p.appendChild(odt.getContentDom().createTextNode("Entre l’État et {{entreprise."));
        Element span = odt.getContentDom().createElementNS("urn:oasis:names:tc:opendocument:xmlns:text:1.0", "text:span");
        span.setTextContent("raison");
        p.appendChild(span);
        p.appendChild(odt.getContentDom().createTextNode("_sociale}}, pour {{ convention.reference }}."));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        odt.save(bytes);
        OdtTemplate template = OdtTemplate.of(bytes.toByteArray());
        assertThat(template.placeholders()).extracting(OdtTemplate.Found::name)
                .containsExactly("entreprise.raison_sociale", "convention.reference");
        var filled = template.fill(Map.of("entreprise.raison_sociale", "Horlogerie Vauban SAS",
                "convention.reference", "25-2017-001"), Map.of(), "Essai", CREATED, "test");
        Path out = dir.resolve("essai.odt");
        Files.write(out, filled.bytes());
        assertThat(Conformance.odfText(out)).contains("Entre l’État et Horlogerie Vauban SAS, pour 25-2017-001.");
    }

    @Test
    void everyProblemIsSaidBeforeAnythingIsWritten() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("modeles"));
        Doc withMistakes = new Doc("Convention", "", "", CREATED, List.of(
                new Doc.Paragraph("Pour {{entreprise.raison_sociale}} et {{entreprise.nom_commercial}}."),
                new Doc.Paragraph("Engagements : {{engagements}}")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OdtOutput.write(withMistakes, "test", out);
        Files.write(templates.resolve("convention-a-signer.odt"), out.toByteArray());
        Path target = Files.createDirectories(dir.resolve("sortie"));
        assertThatThrownBy(() -> documents(templates).exportConventionToSign(active.id(), EnumSet.of(Format.ODT, Format.PDF),
                target, DocumentService.Progress.NONE))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    String message = I18n.forLanguage("fr").format(e.messageKey(), e.args().toArray());
                    assertThat(message).startsWith("La convention " + active.reference() + " n’a pas été produite, rien n’a été écrit :")
                            .contains("champ inconnu {{entreprise.nom_commercial}} (paragraphe « Pour {{entreprise.raison_sociale}} et {{entreprise.nom_commercial}}. »)",
                                    "{{engagements}} doit être seul dans son paragraphe (« Engagements : {{engagements}} »)");
                });
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aConventionWithoutSignatoryOrSiretIsRefusedWithWhatToFix() throws Exception {
        DocumentService docs = documents(null);
        var data = docs.toSignData(active.id());
        Convention c = data.convention();
        Convention unsigned = new Convention(c.meta(), c.reference(), c.title(), c.companyId(), c.framework(),
                c.departmentCode(), c.epciSiren(), c.stateReferent(), c.status(), c.signatureDate(), c.startDate(),
                c.endDate(), c.qpvIds(), List.of(), c.notes());
        var company = data.company();
        var noSiret = new fr.ancrage.domain.Organisation(company.meta(), company.kind(), company.legalName(), "", "",
                company.nafCode(), company.sizeBand(), company.addressLine(), company.postcode(), company.communeCode(),
                company.inQpv(), company.paqteMember(), company.networks(), company.notes());
        var broken = new ConventionToSign.Data(unsigned, noSiret, data.companyCommune(), data.departmentName(), data.epciName(),
                data.qpvs(), data.engagements(), data.indicators(), data.counterparts(), data.organisationNames());
        List<String> problems = new ConventionToSign(I18n.forLanguage("fr"))
                .problems(OdtTemplate.of(docs.providedConventionTemplate()), broken);
        assertThat(problems).contains(
                "{{parties}} : le SIRET de l’entreprise n’est pas renseigné (fiche de l’organisation).",
                "La convention n’a aucun signataire : ajoutez-les dans l’onglet Convention.");
        // signatories, but not the State's: said once
        Convention companyOnly = new Convention(c.meta(), c.reference(), c.title(), c.companyId(), c.framework(),
                c.departmentCode(), c.epciSiren(), c.stateReferent(), c.status(), c.signatureDate(), c.startDate(),
                c.endDate(), c.qpvIds(), c.signatories().stream()
                .filter(s -> s.role() != fr.ancrage.domain.SignatoryRole.PREFECT).toList(), c.notes());
        var noState = new ConventionToSign.Data(companyOnly, company, data.companyCommune(), data.departmentName(),
                data.epciName(), data.qpvs(), data.engagements(), data.indicators(), data.counterparts(),
                data.organisationNames());
        assertThat(new ConventionToSign(I18n.forLanguage("fr")).problems(
                OdtTemplate.of(docs.providedConventionTemplate()), noState)).containsOnlyOnce(
                "{{parties}} : la convention n’a pas de signataire pour l’État (le préfet ou son représentant).");
    }

    @Test
    void aMissingSignatoryIsSaidOnceNotWithItsTitle() throws Exception {
        DocumentService docs = documents(null);
        var missingEpciSignatory = new ConventionService(store, CLOCK).list().stream()
                .map(c -> docs.toSignData(c.id()))
                .filter(d -> !d.convention().signatories().isEmpty() && d.epciName() != null && d.convention().signatories()
                        .stream().noneMatch(s -> s.role() == fr.ancrage.domain.SignatoryRole.EPCI))
                .findFirst().orElseThrow();
        List<String> problems = new ConventionToSign(I18n.forLanguage("fr"))
                .problems(OdtTemplate.of(docs.providedConventionTemplate()), missingEpciSignatory);
        assertThat(problems).containsOnlyOnce("{{parties}} : la convention n’a pas de signataire pour l’intercommunalité.")
                .noneMatch(p -> p.contains("n’a pas de fonction"));
    }

    @Test
    void theTeamEditsACopyAndCanGoBack() throws Exception {
        Path templates = dir.resolve("modeles");
        DocumentService docs = documents(templates);
        assertThat(docs.customConventionTemplate()).isEmpty();
        Path copy = docs.editableConventionTemplate();
        assertThat(copy).exists();
        assertThat(docs.customConventionTemplate()).contains(copy);
        assertThat(OdtTemplate.of(Files.readAllBytes(copy)).placeholders()).extracting(OdtTemplate.Found::name)
                .contains("entreprise.raison_sociale", "engagements", "signatures")
                .allSatisfy(name -> assertThat(docs.conventionPlaceholders()).contains(name));
        docs.useProvidedConventionTemplate();
        assertThat(docs.customConventionTemplate()).isEmpty();
        assertThat(templates.resolve("convention-a-signer.odt.bak")).exists();
    }

    /** The provided template with one of its parts changed. */
    private static byte[] providedWith(DocumentService docs, String part, java.util.function.UnaryOperator<String> change)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docs.providedConventionTemplate()));
             var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(part)) {
                    content = change.apply(new String(content, java.nio.charset.StandardCharsets.UTF_8))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                var copy = new java.util.zip.ZipEntry(e.getName());
                if (e.getMethod() == java.util.zip.ZipEntry.STORED) {
                    var crc = new java.util.zip.CRC32();
                    crc.update(content);
                    copy.setMethod(java.util.zip.ZipEntry.STORED);
                    copy.setSize(content.length);
                    copy.setCrc(crc.getValue());
                }
                zip.putNextEntry(copy);
                zip.write(content);
            }
        }
        return out.toByteArray();
    }

    private static String french(RuleViolationException e) {
        return I18n.forLanguage("fr").format(e.messageKey(), e.args().toArray());
    }

    /**
     * Issue 16: an emoji in the company's name cut the PDF of the convention to sign after it (1 page
     * and 43 words instead of 3 pages), reported as success. The filled ODT held the emoji as two
     * references to its UTF-16 halves, which ODF Toolkit, reading it back for the PDF, silently
     * stopped at.
     */
    @Test
    void anEmojiInANameNoLongerCutsTheConventionToSign() throws Exception {
        DocumentService docs = documents(null);
        var data = docs.toSignData(active.id());
        var company = data.company();
        var hostile = new fr.ancrage.domain.Organisation(company.meta(), company.kind(),
                company.legalName() + " 😀 \u0001=1+1 \u202Eabc", company.siren(), company.siret(), company.nafCode(),
                company.sizeBand(), company.addressLine(), company.postcode(), company.communeCode(), company.inQpv(),
                company.paqteMember(), company.networks(), company.notes());
        var withEmoji = new ConventionToSign.Data(data.convention(), hostile, data.companyCommune(), data.departmentName(),
                data.epciName(), data.qpvs(), data.engagements(), data.indicators(), data.counterparts(),
                data.organisationNames());
        ConventionToSign sign = new ConventionToSign(I18n.forLanguage("fr"));
        OdtTemplate template = OdtTemplate.of(docs.providedConventionTemplate());
        var plain = docs.fillToSign(sign, template, data, CREATED);
        var emoji = docs.fillToSign(sign, template, withEmoji, CREATED);
        assertThat(emoji.doc().blocks()).hasSameSizeAs(plain.doc().blocks());

        Path pdf = dir.resolve("emoji.pdf");
        Files.write(pdf, pdfBytes(emoji.doc()));
        Path plainPdf = dir.resolve("plain.pdf");
        Files.write(plainPdf, pdfBytes(plain.doc()));
        Conformance.assertAccessiblePdf(pdf);
        assertThat(Conformance.pdfPages(pdf)).isEqualTo(Conformance.pdfPages(plainPdf)).isGreaterThanOrEqualTo(2);
        var lastSignatory = data.convention().signatories().getLast();
        String text = flat(Conformance.pdfText(pdf));
        assertThat(text).contains(company.legalName() + " □ =1+1 abc", "Article 2 — Engagements de l’entreprise",
                lastSignatory.fullName());

        Path odt = dir.resolve("emoji.odt");
        Files.write(odt, emoji.filled().bytes());
        Conformance.assertValidOdf(odt);
        assertThat(flat(Conformance.odfText(odt))).contains(company.legalName() + " 😀 =1+1 abc", lastSignatory.fullName());
    }

    private static byte[] pdfBytes(Doc doc) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fr.ancrage.documents.PdfOutput.write(doc, "test", out);
        return out.toByteArray();
    }

    /** Issue 16: a template whose content.xml declares a DTD ended in an uncaught NullPointerException. */
    @Test
    void aTemplateWithADoctypeIsRefusedSayingWhichFileAndWhy() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("modeles"));
        DocumentService docs = documents(templates);
        Path template = templates.resolve("convention-a-signer.odt");
        Files.write(template, providedWith(docs, "content.xml", xml -> xml.replaceFirst("\\?>",
                "?><!DOCTYPE office:document-content [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>")));
        Path target = Files.createDirectories(dir.resolve("sortie"));
        assertThatThrownBy(() -> docs.exportConventionToSign(active.id(), EnumSet.of(Format.ODT, Format.PDF), target,
                DocumentService.Progress.NONE))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(french(e)).isEqualTo(
                        "Le modèle " + template + " a été refusé : sa partie « content.xml » contient une déclaration de"
                                + " type de document (DOCTYPE), que LibreOffice n’écrit pas et qui pourrait faire lire"
                                + " d’autres fichiers. Ouvrez le modèle dans LibreOffice et enregistrez-le de nouveau au"
                                + " format ODT, ou revenez au modèle fourni."));
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files).isEmpty();
        }
    }

    /**
     * Issue 16: a template whose content.xml inflates to 1 GB took 6.4 GB and ended in an
     * OutOfMemoryError. Here 200 MB of zeros (about 200 KB compressed) are refused after reading a few
     * megabytes, with a French message.
     */
    @Test
    void aZipBombTemplateIsRefusedWithoutFillingTheMemory() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("modeles"));
        DocumentService docs = documents(templates);
        Path template = templates.resolve("convention-a-signer.odt");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(template))) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            var m = new java.util.zip.ZipEntry("mimetype");
            var crc = new java.util.zip.CRC32();
            crc.update(mimetype);
            m.setMethod(java.util.zip.ZipEntry.STORED);
            m.setSize(mimetype.length);
            m.setCrc(crc.getValue());
            zip.putNextEntry(m);
            zip.write(mimetype);
            zip.putNextEntry(new java.util.zip.ZipEntry("content.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
                    + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                    + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text><text:p>")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] zeros = new byte[1 << 20];
            java.util.Arrays.fill(zeros, (byte) '0');
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.write("</text:p></office:text></office:body></office:document-content>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(Files.size(template)).isLessThan(1 << 20);

        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(docs::conventionTemplate).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(french(e)).isEqualTo("Le modèle " + template + " a été refusé : sa partie « content.xml »"
                        + " se décompresse en plus de 100 fois sa taille, ce que fait une « bombe de décompression » et non"
                        + " un document. Revenez au modèle fourni ou enregistrez de nouveau le vôtre avec LibreOffice."));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated to refuse the template").isLessThan(32L << 20);

        Path target = Files.createDirectories(dir.resolve("sortie"));
        assertThatThrownBy(() -> docs.exportConventionToSign(active.id(), EnumSet.of(Format.ODT, Format.PDF), target,
                DocumentService.Progress.NONE)).isInstanceOf(RuleViolationException.class)
                .hasMessage("doc.template.refused.compressed");
    }

    /** A template whose content is simply too large (not a bomb: it does not compress) is refused too. */
    @Test
    void aTemplateTooLargeIsRefusedSayingTheLimit() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("modeles"));
        DocumentService docs = documents(templates);
        Path template = templates.resolve("convention-a-signer.odt");
        var random = new java.util.Random(16);
        StringBuilder noise = new StringBuilder();
        while (noise.length() < 11 << 20) {
            noise.append(Long.toString(random.nextLong(), 36));
        }
        Files.write(template, providedWith(docs, "content.xml", xml -> xml.replace("</office:text>",
                "<text:p>" + noise + "</text:p></office:text>")));
        assertThatThrownBy(docs::conventionTemplate).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(french(e)).startsWith("Le modèle " + template + " a été refusé : sa partie « content.xml »"
                        + " dépasse 10 Mo une fois décompressée"));
    }
}
