package fr.ancrage.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.odftoolkit.odfvalidator.Logger;
import org.odftoolkit.odfvalidator.ODFValidator;
import org.odftoolkit.odfvalidator.OdfValidatorMode;
import org.odftoolkit.odfvalidator.OdfVersion;
import org.verapdf.core.ValidationException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The checks every produced document goes through in the tests: veraPDF's PDF/A-2u and PDF/UA-1 validation, the
 * ODF Toolkit validator, PDFBox's text extraction, and a LibreOffice headless conversion where
 * LibreOffice is installed.
 */
public final class Conformance {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private Conformance() {
    }

    /** veraPDF's PDF/A-2u validation: PDF/A-2b, and every character mapped to Unicode. */
    public static void assertPdfA2u(Path pdf) throws IOException {
        validate(pdf, PDFAFlavour.PDFA_2_U, "PDF/A-2u");
    }

    /** veraPDF's PDF/UA-1 validation (ISO 14289-1, the machine-checkable part of the Matterhorn protocol). */
    public static void assertPdfUa1(Path pdf) throws IOException {
        validate(pdf, PDFAFlavour.PDFUA_1, "PDF/UA-1");
    }

    /** What the writers' PDFs claim since issue 16 (decision 0018): PDF/A-2u and PDF/UA-1. */
    public static void assertAccessiblePdf(Path pdf) throws IOException {
        assertPdfA2u(pdf);
        assertPdfUa1(pdf);
    }

    private static void validate(Path pdf, PDFAFlavour flavour, String name) throws IOException {
        try (InputStream in = Files.newInputStream(pdf);
             PDFAParser parser = Foundries.defaultInstance().createParser(in, flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            if (!result.isCompliant()) {
                String failures = result.getTestAssertions().stream()
                        .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                        .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage())
                        .distinct().limit(20).collect(Collectors.joining("\n"));
                fail(pdf.getFileName() + " is not " + name + ":\n" + failures);
            }
        } catch (ValidationException e) {
            throw new IOException(e);
        } catch (Exception e) {
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException(e);
        }
    }

    /**
     * One element of a tagged PDF's structure tree, in document order.
     *
     * @param type  its structure type (H1, P, Table, TH…)
     * @param depth its depth under the root (the Document element is at 0)
     * @param text  the text of its own marked content, in the order of its kids, lines joined by spaces
     * @param alt   its alternative text, or null
     * @param scope the Scope of its table attributes, or null
     */
    public record Tag(String type, int depth, String text, String alt, String scope) {
    }

    /** The structure tree of a tagged PDF, depth first; empty when it has none. */
    public static java.util.List<Tag> structure(Path pdf) throws IOException {
        java.util.List<Tag> tags = new java.util.ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            var root = doc.getDocumentCatalog().getStructureTreeRoot();
            if (root == null) {
                return tags;
            }
            java.util.Map<org.apache.pdfbox.cos.COSDictionary, java.util.Map<Integer, String>> texts = new java.util.HashMap<>();
            for (var page : doc.getPages()) {
                var extractor = new org.apache.pdfbox.text.PDFMarkedContentExtractor();
                extractor.processPage(page);
                java.util.Map<Integer, String> byMcid = new java.util.HashMap<>();
                for (var mc : extractor.getMarkedContents()) {
                    if (mc.getMCID() >= 0) {
                        byMcid.merge(mc.getMCID(), textOf(mc), (a, b) -> a + " " + b);
                    }
                }
                texts.put(page.getCOSObject(), byMcid);
            }
            for (Object kid : root.getKids()) {
                if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
                    walk(e, 0, texts, tags);
                }
            }
        }
        return tags;
    }

    private static String textOf(org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent mc) {
        StringBuilder sb = new StringBuilder();
        for (Object o : mc.getContents()) {
            if (o instanceof org.apache.pdfbox.text.TextPosition t) {
                sb.append(t.getUnicode());
            } else if (o instanceof org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent inner) {
                sb.append(textOf(inner));
            }
        }
        return sb.toString();
    }

    private static void walk(org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e, int depth,
                             java.util.Map<org.apache.pdfbox.cos.COSDictionary, java.util.Map<Integer, String>> texts,
                             java.util.List<Tag> tags) {
        String scope = null;
        var attributes = e.getAttributes();
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.getObject(i) instanceof org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject table) {
                scope = table.getScope();
            }
        }
        java.util.List<String> own = new java.util.ArrayList<>();
        java.util.List<org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement> children = new java.util.ArrayList<>();
        for (Object kid : e.getKids()) {
            if (kid instanceof Integer mcid) {
                own.add(texts.getOrDefault(e.getPage().getCOSObject(), java.util.Map.of()).getOrDefault(mcid, ""));
            } else if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference ref) {
                var page = ref.getPage() != null ? ref.getPage() : e.getPage();
                own.add(texts.getOrDefault(page.getCOSObject(), java.util.Map.of()).getOrDefault(ref.getMCID(), ""));
            } else if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement child) {
                children.add(child);
            }
        }
        tags.add(new Tag(e.getStructureType(), depth, String.join(" ", own).strip(), e.getAlternateDescription(), scope));
        for (var child : children) {
            walk(child, depth + 1, texts, tags);
        }
    }

    /**
     * The text a screen reader follows: the structure's text in document order, a figure read as its
     * alternative text, spaces made plain and collapsed.
     */
    public static String structureText(Path pdf) throws IOException {
        StringBuilder sb = new StringBuilder();
        int figureDepth = -1;
        for (Tag tag : structure(pdf)) {
            if (figureDepth >= 0 && tag.depth() > figureDepth) {
                continue;
            }
            figureDepth = -1;
            if (tag.type().equals("Figure")) {
                figureDepth = tag.depth();
                sb.append(' ').append(tag.alt() == null ? "" : tag.alt());
            } else {
                sb.append(' ').append(tag.text());
            }
        }
        return plain(sb.toString());
    }

    /** No-break and narrow no-break spaces as spaces, runs of white space as one, no space at the ends. */
    public static String plain(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("\\s+", " ").strip();
    }

    public static String pdfText(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    public static int pdfPages(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return doc.getNumberOfPages();
        }
    }

    public static void assertValidOdf(Path file) throws Exception {
        ODFValidator validator = new ODFValidator(null, Logger.LogLevel.ERROR, OdfVersion.V1_2);
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        boolean hasErrors;
        try (PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8)) {
            // the validator answers whether it found errors
            hasErrors = validator.validateFile(out, file.toFile(), OdfValidatorMode.CONFORMANCE, null);
        }
        String text = report.toString(StandardCharsets.UTF_8);
        assertThat(!hasErrors && !text.contains("Error:")).as(file.getFileName() + " ODF validation:\n" + text).isTrue();
    }

    /** The text of an ODT or ODS (its content.xml), paragraphs separated by new lines. */
    public static String odfText(Path file) throws Exception {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            var dom = factory.newDocumentBuilder().parse(zip.getInputStream(zip.getEntry("content.xml")));
            var paragraphs = dom.getElementsByTagNameNS("*", "p");
            var headings = dom.getElementsByTagNameNS("*", "h");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < headings.getLength(); i++) {
                sb.append(headings.item(i).getTextContent()).append('\n');
            }
            for (int i = 0; i < paragraphs.getLength(); i++) {
                sb.append(paragraphs.item(i).getTextContent()).append('\n');
            }
            return sb.toString();
        }
    }

    /** LibreOffice's {@code soffice} on this machine, or null when it is not installed. */
    public static Path libreOffice() {
        for (String candidate : new String[] {"/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    /** Converts with LibreOffice headless, e.g. to "pdf" or "csv"; returns the converted file. */
    public static Path convert(Path soffice, Path file, String to, Path outDir) throws Exception {
        Path profile = Files.createTempDirectory(outDir, "lo-profile");
        Process p = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + profile.toUri(),
                "--headless", "--convert-to", to, "--outdir", outDir.toString(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("LibreOffice did not convert " + file + " within 180 s");
        }
        String name = file.getFileName().toString();
        String ext = to.contains(":") ? to.substring(0, to.indexOf(':')) : to;
        Path converted = outDir.resolve(name.substring(0, name.lastIndexOf('.')) + "." + ext);
        assertThat(converted).as("LibreOffice output for " + name + ":\n" + output).exists();
        return converted;
    }
}
