package fr.ancrage.documents;

import fr.ancrage.documents.TableTents.Face;
import fr.ancrage.documents.TableTents.Line;
import fr.ancrage.documents.TableTents.Part;
import fr.ancrage.documents.TableTents.Tent;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TableTentsTest {

    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 3, 17, 10, 30, 0, 0, ZoneOffset.ofHours(1));
    private static final String LONG_NAME = "Marie-Christine de La Rochefoucauld-Montbazon";
    private static final String LONG_TITLE = "Directrice régionale de l'économie, de l'emploi, du travail et des "
            + "solidarités de Bourgogne-Franche-Comté";

    private static final List<Tent> TENTS = List.of(
            new Tent("Jean-Luc Ménétrier", "Préfet du Doubs", "Préfecture du Doubs"),
            new Tent("Élodie Ruiz-Lefèvre", "Présidente-directrice générale", "Horlogerie Vauban SAS"),
            new Tent(LONG_NAME, LONG_TITLE, "DREETS Bourgogne-Franche-Comté"),
            new Tent("Zoë Łukasiewicz 😀", "", ""));

    @TempDir
    Path dir;

    private Path write(String name, List<Tent> tents) throws IOException {
        Path file = dir.resolve(name);
        SafeFiles.write(file, out -> TableTents.write(tents, "Ancrage test", "Chevalets — signature du 17 mars 2026",
                CREATED, out));
        return file;
    }

    private static Face face(Tent tent) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            return new TableTents(pdf).face(tent);
        }
    }

    private static List<Line> lines(Face face, Part part) {
        return face.lines().stream().filter(l -> l.part() == part).toList();
    }

    /** The lines of a part put back together: a line ending in a hyphen goes on without a space. */
    private static String joined(List<Line> lines) {
        StringBuilder sb = new StringBuilder();
        for (Line line : lines) {
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != '-') {
                sb.append(' ');
            }
            sb.append(line.text());
        }
        return sb.toString();
    }

    /** Extracted text with lines joined as {@link #joined} does, so a wrapped name reads whole. */
    private static String flat(String text) {
        return text.replaceAll("-\\s*\\R\\s*", "-").replaceAll("\\s+", " ");
    }

    @Test
    void onePdfA2bPageATentInA4Landscape() throws Exception {
        Path pdf = write("chevalets.pdf", TENTS);
        Conformance.assertAccessiblePdf(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(TENTS.size());
            for (PDPage page : doc.getPages()) {
                PDRectangle box = page.getMediaBox();
                assertThat(box.getWidth()).isCloseTo(PDRectangle.A4.getHeight(), within(0.01f));
                assertThat(box.getHeight()).isCloseTo(PDRectangle.A4.getWidth(), within(0.01f));
                assertThat(page.getRotation()).isZero();
            }
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Chevalets — signature du 17 mars 2026");
        }
    }

    @Test
    void eachTentIsTaggedOnceItsTurnedCopyAndFoldAreArtifacts() throws Exception {
        Path pdf = write("chevalets.pdf", TENTS);
        Conformance.assertPdfUa1(pdf);
        List<Conformance.Tag> tags = Conformance.structure(pdf);
        assertThat(tags).filteredOn(t -> t.type().equals("Div")).hasSize(TENTS.size());
        StringBuilder expected = new StringBuilder();
        for (Tent tent : TENTS) {
            expected.append(' ').append(tent.name().replace("😀", "□")).append(' ').append(tent.title())
                    .append(' ').append(tent.organisation());
        }
        // each text read once, in order: the half turned upside down is the same text again, an artifact
        // (a line ending in a hyphen is joined to the next with a space by the extraction)
        assertThat(flat(Conformance.structureText(pdf)).replace("- ", "-")).isEqualTo(flat(expected.toString()).strip());
        assertThat(tags).filteredOn(t -> t.type().equals("P")).extracting(t -> flat(t.text()).replace("- ", "-"))
                .contains("Jean-Luc Ménétrier", "Préfet du Doubs", "Préfecture du Doubs", flat(LONG_TITLE));
    }

    @Test
    void eachPageSaysItsNameAndTitle() throws Exception {
        Path pdf = write("chevalets.pdf", TENTS);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (int p = 0; p < TENTS.size(); p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p + 1);
                stripper.setEndPage(p + 1);
                String text = flat(stripper.getText(doc));
                Tent tent = TENTS.get(p);
                String name = tent.name().replace("😀", "□"); // a character the font lacks shows as one square (issue 16)
                assertThat(text).as("page " + (p + 1)).contains(name, tent.title(), tent.organisation());
                for (Tent other : TENTS) {
                    if (other != tent) {
                        assertThat(text).doesNotContain(other.name());
                    }
                }
            }
        }
    }

    @Test
    void aShortNameKeepsItsSizeOnOneLine() throws Exception {
        Face face = face(new Tent("Jean-Luc Ménétrier", "Préfet du Doubs", "Préfecture du Doubs"));
        assertThat(lines(face, Part.NAME)).singleElement().satisfies(l -> {
            assertThat(l.text()).isEqualTo("Jean-Luc Ménétrier");
            assertThat(l.size()).isEqualTo(Part.NAME.size);
        });
        assertThat(lines(face, Part.TITLE)).singleElement().satisfies(l -> assertThat(l.size()).isEqualTo(Part.TITLE.size));
        assertThat(lines(face, Part.ORGANISATION)).singleElement()
                .satisfies(l -> assertThat(l.size()).isEqualTo(Part.ORGANISATION.size));
    }

    @Test
    void aNameABitTooWideIsSetSmallerOnOneLine() throws Exception {
        Face face = face(new Tent("Marie-Christine de La Rochefoucauld", "", ""));
        assertThat(lines(face, Part.NAME)).singleElement().satisfies(l -> {
            assertThat(l.text()).isEqualTo("Marie-Christine de La Rochefoucauld");
            assertThat(l.size()).isLessThan(Part.NAME.size).isGreaterThanOrEqualTo(0.75f * Part.NAME.size);
            assertThat(l.width()).isLessThanOrEqualTo(TableTents.TEXT_WIDTH).isGreaterThan(0.95f * TableTents.TEXT_WIDTH);
        });
    }

    @Test
    void aLongNameAndTitleAreWrappedAndFitTheWidth() throws Exception {
        Face face = face(new Tent(LONG_NAME, LONG_TITLE, "DREETS Bourgogne-Franche-Comté"));
        List<Line> name = lines(face, Part.NAME);
        List<Line> title = lines(face, Part.TITLE);
        assertThat(name).hasSize(2);
        assertThat(joined(name)).isEqualTo(LONG_NAME);
        assertThat(title).hasSizeBetween(2, 3);
        assertThat(joined(title)).isEqualTo(LONG_TITLE);
        assertThat(face.lines()).allSatisfy(l -> assertThat(l.width()).isLessThanOrEqualTo(TableTents.TEXT_WIDTH));
        // on one line the name would have needed less than three quarters of its size
        try (PDDocument pdf = new PDDocument()) {
            PdfA pdfA = new PdfA(pdf);
            float oneLine = pdfA.textWidth(LONG_NAME, pdfA.font("LiberationSans-Bold"), Part.NAME.size);
            assertThat(TableTents.TEXT_WIDTH / oneLine).isLessThan(0.75f);
        }
        assertThat(face.height()).isLessThanOrEqualTo(TableTents.FACE_HEIGHT);
    }

    @Test
    void whatFitsNowhereIsReducedNeverCut() throws Exception {
        String word = "Anticonstitutionnellementissimementinterministériel";
        String title = (LONG_TITLE + " ").repeat(3).strip();
        Face face = face(new Tent(word + " " + word, title, LONG_TITLE));
        List<Line> name = lines(face, Part.NAME);
        assertThat(name).hasSize(2).allSatisfy(l -> {
            assertThat(l.text()).isEqualTo(word);
            assertThat(l.size()).isLessThan(0.75f * Part.NAME.size);
        });
        assertThat(lines(face, Part.TITLE)).hasSize(3).allSatisfy(l -> assertThat(l.size()).isLessThan(Part.TITLE.size));
        assertThat(joined(lines(face, Part.TITLE))).isEqualTo(title);
        assertThat(joined(lines(face, Part.ORGANISATION))).isEqualTo(LONG_TITLE);
        assertThat(face.lines()).allSatisfy(l -> assertThat(l.width()).isLessThanOrEqualTo(TableTents.TEXT_WIDTH));
        assertThat(face.height()).isLessThanOrEqualTo(TableTents.FACE_HEIGHT);
    }

    @Test
    void anEmptyTitleOrOrganisationIsLeftOut() throws Exception {
        Face nameOnly = face(new Tent("Zoë Łukasiewicz", " ", null));
        assertThat(nameOnly.lines()).extracting(Line::part).containsExactly(Part.NAME);
        assertThat(nameOnly.height()).isLessThan(Part.NAME.size * 1.2f);
        Face noTitle = face(new Tent("Zoë Łukasiewicz", "", "Horlogerie Vauban SAS"));
        assertThat(noTitle.lines()).extracting(Line::part).containsExactly(Part.NAME, Part.ORGANISATION);
    }

    @Test
    void noTentIsRefusedAndNothingWritten() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> TableTents.write(List.of(), "Ancrage test", "Chevalets", CREATED, out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(out.size()).isZero();
        assertThatThrownBy(() -> new Tent("  ", "Préfet", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameFileFromTheSameTents() throws Exception {
        Path a = write("a.pdf", TENTS);
        Path b = write("b.pdf", TENTS);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void theUpperHalfIsTheLowerOneTurnedOver() throws Exception {
        Path pdf = write("chevalets.pdf", TENTS);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                BufferedImage image = renderer.renderImageWithDPI(p, 50);
                int w = image.getWidth();
                int h = image.getHeight();
                assertThat(w).isGreaterThan(h);
                long inkBelow = 0;
                long inkAbove = 0;
                long differences = 0;
                for (int y = 0; y < h; y++) {
                    if (Math.abs(y - h / 2) < 3) {
                        continue; // the dashed fold line
                    }
                    for (int x = 0; x < w; x++) {
                        boolean ink = dark(image.getRGB(x, y));
                        if (ink) {
                            if (y > h / 2) {
                                inkBelow++;
                            } else {
                                inkAbove++;
                            }
                        }
                        if (ink && !inkNear(image, w - 1 - x, h - 1 - y)) {
                            differences++;
                        }
                    }
                }
                assertThat(inkBelow).as("page " + (p + 1)).isGreaterThan(500);
                assertThat(inkAbove).as("page " + (p + 1)).isGreaterThan(500);
                // turned by 180°, the page is the same but for the rounding of its pixels (the image is
                // a whole number of pixels, the page is not)
                assertThat(differences).as("page " + (p + 1)).isLessThan((inkBelow + inkAbove) / 50);
            }
        }
    }

    /** Whether there is ink at (x, y) or at one pixel from it. */
    private static boolean inkNear(BufferedImage image, int x, int y) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                int ny = y + dy;
                if (nx >= 0 && ny >= 0 && nx < image.getWidth() && ny < image.getHeight() && dark(image.getRGB(nx, ny))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean dark(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        return r + g + b < 3 * 128;
    }
}
