package fr.ancrage.service.documents;

import fr.ancrage.documents.Conformance;
import fr.ancrage.documents.Format;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.Letterhead;
import fr.ancrage.domain.LetterheadRules;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.StaleRecordException;
import fr.ancrage.domain.ValidationException;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import fr.ancrage.service.ConventionService;
import fr.ancrage.service.DemoDataService;
import fr.ancrage.service.TerritoryService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LetterheadServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Database db;
    private Store store;
    private LetterheadService letterheads;

    @BeforeEach
    void open() {
        db = TestStores.freshDatabase();
        store = new Store(db.dsl());
        letterheads = new LetterheadService(store);
    }

    @AfterEach
    void close() {
        TestStores.shutdown(db);
    }

    static Letterhead doubs(byte[] logo) {
        return new Letterhead(Letterhead.empty().meta(), "  Préfet du Doubs ",
                "Direction départementale de l’emploi, du travail et des solidarités",
                "8 bis rue Charles Nodier\n25035 Besançon Cedex", "Claire Martin — déléguée du préfet",
                "03 81 00 00 00\nclaire.martin@doubs.gouv.fr", "Besançon", logo, logo == null ? "" : "Logo de la préfecture");
    }

    static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x00, 0x00, 0x91));
        g.fillRect(0, 0, width / 3, height);
        g.setColor(Color.WHITE);
        g.fillRect(width / 3, 0, width / 3, height);
        g.setColor(new Color(0xE1, 0x00, 0x0F));
        g.fillRect(2 * width / 3, 0, width - 2 * width / 3, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void aNewBaseHasNoLetterheadAndOneIsSavedAndReadBack() throws Exception {
        assertThat(letterheads.get().configured()).isFalse();
        byte[] logo = LetterheadService.logo(png(120, 60), "logo.png");
        Letterhead saved = letterheads.save(doubs(logo));
        assertThat(saved.meta().version()).isEqualTo(1);
        Letterhead read = letterheads.get();
        assertThat(read).usingRecursiveComparison().ignoringFields("meta").isEqualTo(saved);
        assertThat(read.meta().id()).isEqualTo(saved.meta().id());
        assertThat(read.authority()).isEqualTo("Préfet du Doubs");
        assertThat(read.identityLines()).containsExactly(
                "Direction départementale de l’emploi, du travail et des solidarités", "8 bis rue Charles Nodier",
                "25035 Besançon Cedex");
        assertThat(read.logo()).isEqualTo(logo);

        Letterhead withoutLogo = letterheads.save(read.withLogo(null, ""));
        assertThat(withoutLogo.meta().version()).isEqualTo(2);
        assertThat(letterheads.get().hasLogo()).isFalse();
    }

    @Test
    void anAuthorityIsRequiredAndALogoNeedsItsDescription() throws Exception {
        Letterhead noAuthority = new Letterhead(Letterhead.empty().meta(), " ", "", "", "", "", "", null, "");
        assertThatThrownBy(() -> letterheads.save(noAuthority)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.issues()).containsKey(LetterheadRules.AUTHORITY));
        Letterhead undescribed = doubs(null).withLogo(LetterheadService.logo(png(10, 10), "x.png"), " ");
        assertThatThrownBy(() -> letterheads.save(undescribed)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.issues()).containsOnlyKeys(LetterheadRules.LOGO_DESCRIPTION));
        assertThat(letterheads.get().configured()).isFalse();
    }

    @Test
    void aSecondNewLetterheadDoesNotReplaceTheOneSavedMeanwhile() {
        Letterhead first = doubs(null);
        Letterhead second = doubs(null);
        letterheads.save(first);
        assertThatThrownBy(() -> letterheads.save(second)).isInstanceOf(StaleRecordException.class);
        Letterhead read = letterheads.get();
        assertThatThrownBy(() -> {
            letterheads.save(read);
            letterheads.save(read);
        }).isInstanceOf(StaleRecordException.class);
    }

    @Test
    void aLogoIsScaledDownAndKeptAsPng() throws Exception {
        Path file = Files.write(dir.resolve("Marianne préfecture.jpg"), jpeg(2400, 1200));
        byte[] logo = letterheads.logoFrom(file);
        BufferedImage read = ImageIO.read(new java.io.ByteArrayInputStream(logo));
        assertThat(read.getWidth()).isEqualTo(LetterheadService.LOGO_WIDTH);
        assertThat(read.getHeight()).isEqualTo(LetterheadService.LOGO_HEIGHT);
        assertThat(logo).startsWith(0x89, 'P', 'N', 'G');
        // a small one stays its size
        byte[] small = LetterheadService.logo(png(90, 40), "petit.png");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(small)).getWidth()).isEqualTo(90);
    }

    @Test
    void whatIsNotAnImageIsRefusedWithItsName() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.png"), "pas une image");
        assertThatThrownBy(() -> letterheads.logoFrom(text)).isInstanceOfSatisfying(RuleViolationException.class,
                e -> {
                    assertThat(e.messageKey()).isEqualTo("letterhead.logo.notAnImage");
                    assertThat(e.args()).containsExactly("notes.png");
                });
        byte[] truncated = java.util.Arrays.copyOf(png(300, 300), 60);
        Path broken = Files.write(dir.resolve("coupé.png"), truncated);
        assertThatThrownBy(() -> letterheads.logoFrom(broken)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> letterheads.logoFrom(dir.resolve("absent.png")))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("letterhead.logo.unreadable"));
    }

    @Test
    void aPictureOfTooManyPixelsIsRefusedBeforeItIsDrawn() throws Exception {
        // a PNG header announcing 100 000 × 100 000 pixels: refused from its size alone
        byte[] header = png(1, 1);
        java.nio.ByteBuffer.wrap(header, 16, 8).putInt(100_000).putInt(100_000);
        // the IHDR checksum no longer matches; the readers read the size before checking it
        assertThatThrownBy(() -> LetterheadService.logo(header, "immense.png"))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void everyDocumentCarriesTheLetterheadOnceItIsSet() throws Exception {
        new TerritoryService(store).ensureReferenceData();
        new DemoDataService(store, CLOCK).load();
        DocumentService documents = new DocumentService(store, CLOCK, I18n.forLanguage("fr"));
        ConventionListItem convention = new ConventionService(store, CLOCK).list().getFirst();
        // the demo's letterhead, replaced by the team's
        Letterhead demo = documents.letterheads().get();
        assertThat(demo.authority()).isEqualTo("Préfet du Doubs");
        Letterhead team = doubs(LetterheadService.logo(png(300, 150), "logo.png"));
        documents.letterheads().save(new Letterhead(demo.meta(), team.authority(), team.service(), team.address(),
                team.followedBy(), team.contact(), team.place(), team.logo(), team.logoDescription()));
        var written = documents.exportFiche(convention.id(), EnumSet.of(Format.PDF, Format.ODT), dir,
                DocumentService.Progress.NONE);
        Path pdf = written.files().stream().filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
        Path odt = written.files().stream().filter(p -> p.toString().endsWith(".odt")).findFirst().orElseThrow();
        Conformance.assertAccessiblePdf(pdf);
        String text = Conformance.pdfText(pdf);
        assertThat(text).contains("Préfet du Doubs", "Direction départementale de l’emploi",
                "25035 Besançon Cedex", "Affaire suivie par : Claire Martin",
                "claire.martin@doubs.gouv.fr");
        // the title comes after the letterhead
        assertThat(text.indexOf("Préfet du Doubs")).isLessThan(text.indexOf(convention.reference()));
        try (var doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getDocumentInformation().getAuthor()).isEqualTo("Préfet du Doubs");
            var resources = doc.getPage(0).getResources();
            long images = java.util.stream.StreamSupport.stream(resources.getXObjectNames().spliterator(), false)
                    .filter(n -> {
                        try {
                            return resources.getXObject(n) instanceof PDImageXObject;
                        } catch (java.io.IOException e) {
                            return false;
                        }
                    }).count();
            assertThat(images).isEqualTo(1);
        }
        Conformance.assertValidOdf(odt);
        assertThat(Conformance.odfText(odt)).contains("Préfet du Doubs", "Affaire suivie par : Claire Martin");
        try (ZipFile zip = new ZipFile(odt.toFile())) {
            assertThat(zip.getEntry("Pictures/logo.png")).isNotNull();
            String meta = new String(zip.getInputStream(zip.getEntry("meta.xml")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(meta).contains("<dc:creator>Préfet du Doubs</dc:creator>");
            String content = new String(zip.getInputStream(zip.getEntry("content.xml")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(content).contains("<svg:title>Logo de la préfecture</svg:title>");
        }
        Files.copy(pdf, Path.of(System.getProperty("java.io.tmpdir"), "ancrage-letterhead.pdf"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path soffice = Conformance.libreOffice();
        if (soffice != null) {
            Path converted = Conformance.convert(soffice, odt, "pdf", Files.createDirectories(dir.resolve("lo")));
            assertThat(Conformance.pdfText(converted)).contains("Préfet du Doubs", "Affaire suivie par");
            Files.copy(converted, Path.of(System.getProperty("java.io.tmpdir"), "ancrage-letterhead-odt.pdf"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static byte[] jpeg(int width, int height) throws Exception {
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(png(width, height)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
