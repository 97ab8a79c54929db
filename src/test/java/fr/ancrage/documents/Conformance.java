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
 * The checks every produced document goes through in the tests: veraPDF's PDF/A-2b validation, the
 * ODF Toolkit validator, PDFBox's text extraction, and a LibreOffice headless conversion where
 * LibreOffice is installed.
 */
public final class Conformance {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private Conformance() {
    }

    public static void assertPdfA2b(Path pdf) throws IOException {
        try (InputStream in = Files.newInputStream(pdf);
             PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFA_2_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            if (!result.isCompliant()) {
                String failures = result.getTestAssertions().stream()
                        .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                        .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage())
                        .distinct().limit(20).collect(Collectors.joining("\n"));
                fail(pdf.getFileName() + " is not PDF/A-2b:\n" + failures);
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
