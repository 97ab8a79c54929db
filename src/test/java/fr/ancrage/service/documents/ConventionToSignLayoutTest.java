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
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The convention to sign is ready to sign (review of issue 16): a block per signatory with room for a
 * signature and a stamp, never parted from its names, and a place to initial every page, which says
 * the convention's reference — in the PDF and in the ODT.
 */
class ConventionToSignLayoutTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final float CM = 72 / 2.54f;
    private static Database db;
    private static DocumentService documents;
    private static ConventionToSign.Data data;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadDemo() {
        db = Database.inMemory("layout-" + UUID.randomUUID());
        Store store = new Store(db.dsl());
        new TerritoryService(store).ensureReferenceData();
        new DemoDataService(store, CLOCK).load();
        documents = new DocumentService(store, CLOCK, I18n.forLanguage("fr"));
        data = ToSignFixtures.mostSignatories(documents, new ConventionService(store, CLOCK));
    }

    @AfterAll
    static void close() {
        TestStores.shutdown(db);
    }

    /** The lines « Pour … » of the PDF: their page and their baseline (from the top of the page). */
    private record Line(int page, float y, String text) {
    }

    private static List<Line> lines(Path pdf) throws Exception {
        List<Line> lines = new ArrayList<>();
        try (var doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    if (!positions.isEmpty()) {
                        lines.add(new Line(getCurrentPageNo(), positions.getFirst().getYDirAdj(), text.strip()));
                    }
                }
            };
            stripper.setSortByPosition(true);
            stripper.getText(doc);
        }
        return lines;
    }

    @Test
    void everySignatoryHasABlockWithRoomToSignNeverPartedFromItsNames() throws Exception {
        List<Signatory> signatories = data.signatories();
        assertThat(signatories).hasSizeGreaterThanOrEqualTo(3);
        Path pdf = documents.exportConventionToSign(data.convention().id(), EnumSet.of(Format.PDF), dir,
                DocumentService.Progress.NONE).files().getFirst();
        Conformance.assertAccessiblePdf(pdf);
        List<Line> lines = lines(pdf);
        List<Line> pour = lines.stream().filter(l -> l.text().startsWith("Pour ")).toList();
        assertThat(pour).hasSize(signatories.size());
        // two blocks a row, side by side: one row per pair
        List<Line> blocks = pour.stream().filter(l -> pour.stream()
                .noneMatch(o -> o.page() == l.page() && o.y() == l.y() && pour.indexOf(o) < pour.indexOf(l))).toList();
        assertThat(blocks).hasSize((signatories.size() + 1) / 2);
        float pageHeight = 29.7f * CM;
        for (int i = 0; i < blocks.size(); i++) {
            Line block = blocks.get(i);
            // the names and titles are on the block's page, right under it
            for (Signatory s : signatories) {
                lines.stream().filter(l -> l.text().contains(s.fullName())).forEach(name -> {
                    if (Math.abs(name.y() - block.y()) < 2 * 12 && name.page() == block.page()) {
                        assertThat(name.y()).isGreaterThan(block.y());
                    }
                });
            }
            // room to sign and stamp: 4.5 cm to the next row, or to the foot of the page
            float next = i + 1 < blocks.size() && blocks.get(i + 1).page() == block.page() ? blocks.get(i + 1).y()
                    : pageHeight - 2 * CM;
            assertThat(next - block.y()).as("room under row " + (i + 1)).isGreaterThan(4.5f * CM + 3 * 12);
        }
        for (Signatory s : signatories) {
            Line name = lines.stream().filter(l -> l.text().contains(s.fullName())).reduce((a, b) -> b).orElseThrow();
            assertThat(blocks).as(s.fullName() + " is on the page of a block").anyMatch(b -> b.page() == name.page());
        }
        // every page has its initials boxes and says the reference
        int pages = Conformance.pdfPages(pdf);
        assertThat(lines.stream().filter(l -> l.text().equals("Paraphes")).map(Line::page).distinct().count())
                .isEqualTo(pages);
        assertThat(lines.stream().filter(l -> l.text().startsWith("Convention " + data.convention().reference()))
                .map(Line::page).distinct().count()).isEqualTo(pages);
        // tagged (issue 16, decision 0018): each signatory a Div read « Pour … », name, title in
        // signing order; the frames and the initials boxes of the footer are artifacts, never read
        List<Conformance.Tag> tags = Conformance.structure(pdf);
        List<String> read = tags.stream().filter(t -> t.type().equals("P")).map(Conformance.Tag::text)
                .filter(t -> t.startsWith("Pour ")).toList();
        assertThat(read).hasSize(signatories.size());
        String structure = Conformance.structureText(pdf);
        int from = 0;
        for (Signatory s : signatories) {
            int at = structure.indexOf(Conformance.plain(s.fullName()), structure.indexOf("Pour ", from));
            assertThat(at).as(s.fullName() + " read after the previous signatory").isGreaterThan(from);
            from = at;
        }
        assertThat(structure).doesNotContain("Paraphes");
    }

    @Test
    void theOdtKeepsEachBlockOnOnePageAndHasTheReferenceAndInitialsInItsFooter() throws Exception {
        Path odt = documents.exportConventionToSign(data.convention().id(), EnumSet.of(Format.ODT), dir,
                DocumentService.Progress.NONE).files().getFirst();
        Conformance.assertValidOdf(odt);
        String content;
        String styles;
        try (ZipFile zip = new ZipFile(odt.toFile())) {
            content = new String(zip.getInputStream(zip.getEntry("content.xml")).readAllBytes(), StandardCharsets.UTF_8);
            styles = new String(zip.getInputStream(zip.getEntry("styles.xml")).readAllBytes(), StandardCharsets.UTF_8);
        }
        // the letterhead on the first page, as in the PDF; the ODT's author is the authority
        assertThat(content).contains("table:name=\"AncrageEnTete1\"", "Préfet du Doubs", "Affaire suivie par");
        try (ZipFile zip = new ZipFile(odt.toFile())) {
            assertThat(new String(zip.getInputStream(zip.getEntry("meta.xml")).readAllBytes(), StandardCharsets.UTF_8))
                    .contains("<dc:creator>Préfet du Doubs</dc:creator>");
        }
        assertThat(content).contains("table:name=\"AncrageSignatures1\"")
                .containsPattern("style:name=\"R-sign\"[^>]*><style:table-row-properties[^>]*fo:keep-together=\"always\"")
                .containsPattern("style:min-row-height=\"6cm\"");
        int n = data.signatories().size();
        assertThat(styles).contains("Convention " + data.convention().reference() + " — paraphes : "
                + String.join("   ", java.util.Collections.nCopies(n, "…………"))).doesNotContain("{{");
        Path soffice = Conformance.libreOffice();
        if (soffice != null) {
            Path pdf = Conformance.convert(soffice, odt, "pdf", Files.createDirectories(dir.resolve("lo")));
            List<Line> lines = lines(pdf);
            for (Signatory s : data.signatories()) {
                Line name = lines.stream().filter(l -> l.text().contains(s.fullName())).reduce((a, b) -> b).orElseThrow();
                assertThat(lines).as(s.fullName() + " under its « Pour … » on the same page")
                        .anyMatch(l -> l.page() == name.page() && l.text().startsWith("Pour ") && l.y() < name.y());
            }
        }
    }
}
