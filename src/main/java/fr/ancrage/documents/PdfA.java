package fr.ancrage.documents;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.Map;

/**
 * What every PDF/A-2b of the writers shares, whatever its layout: the Liberation fonts embedded as
 * subsets, text made drawable with them (characters the font lacks are replaced, never a failure)
 * and measured, and the archival part written once the pages are done (document information, XMP
 * metadata equal to it, the sRGB output intent, a file identifier derived from the content).
 */
final class PdfA {

    private static final String SRGB = "sRGB IEC61966-2.1";

    private final PDDocument pdf;
    private final Map<PDType0Font, Map<Character, Boolean>> glyphs = new HashMap<>();

    PdfA(PDDocument pdf) {
        this.pdf = pdf;
    }

    /** A Liberation font of the class path ({@code LiberationSans-Bold}…), embedded as a subset. */
    PDType0Font font(String name) throws IOException {
        try (InputStream in = PdfA.class.getResourceAsStream("/liberation/" + name + ".ttf")) {
            if (in == null) {
                throw new IOException("font " + name + " missing from the class path");
            }
            return PDType0Font.load(pdf, in, true);
        }
    }

    float textWidth(String text, PDType0Font font, float size) throws IOException {
        return font.getStringWidth(safe(text, font)) / 1000f * size;
    }

    /** The text with what the font cannot draw replaced (narrow no-break space by a no-break space). */
    String safe(String text, PDType0Font font) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\t' || ch == '\r') {
                ch = ' ';
            }
            char replacement = drawable(ch, font) ? ch : (ch == '\u202F' && drawable('\u00A0', font) ? '\u00A0' : '?');
            if (replacement != text.charAt(i) && sb == null) {
                sb = new StringBuilder(text.substring(0, i));
            }
            if (sb != null) {
                sb.append(replacement);
            }
        }
        return sb == null ? text : sb.toString();
    }

    private boolean drawable(char ch, PDType0Font font) {
        return glyphs.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(ch, c -> {
            if (Character.isSurrogate(c)) {
                return false;
            }
            try {
                font.encode(String.valueOf(c));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        });
    }

    /**
     * Makes the document PDF/A-2b once its pages are laid out.
     *
     * @param identity what the file identifier is derived from (not the clock: same data, same file)
     */
    void archival(String title, OffsetDateTime createdAt, String producer, String identity) throws IOException {
        archival(title, "Ancrage", createdAt, producer, identity);
    }

    /** As {@link #archival(String, OffsetDateTime, String, String)}, naming the document's author. */
    void archival(String title, String author, OffsetDateTime createdAt, String producer, String identity)
            throws IOException {
        Calendar created = GregorianCalendar.from(createdAt.toZonedDateTime());
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setCreator("Ancrage");
        info.setProducer(producer);
        info.setCreationDate(created);
        info.setModificationDate(created);

        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(title);
        dc.addCreator(author);
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool("Ancrage");
        basic.setCreateDate(created);
        basic.setModifyDate(created);
        AdobePDFSchema adobe = xmp.createAndAddAdobePDFSchema();
        adobe.setProducer(producer);
        PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
        try {
            id.setPart(2);
            id.setConformance("B");
        } catch (BadFieldValueException e) {
            throw new IOException(e);
        }
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, xml, true);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException(e);
        }
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        PDMetadata metadata = new PDMetadata(pdf);
        metadata.importXMPMetadata(xml.toByteArray());
        catalog.setMetadata(metadata);
        catalog.setLanguage("fr-FR");

        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(pdf, new ByteArrayInputStream(icc));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);

        byte[] digest = digest(identity);
        COSArray ids = new COSArray();
        ids.add(new COSString(digest));
        ids.add(new COSString(digest));
        pdf.getDocument().setDocumentID(ids);
    }

    private static byte[] digest(String text) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.Arrays.copyOf(sha, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
