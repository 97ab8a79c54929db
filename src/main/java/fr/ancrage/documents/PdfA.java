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
import java.text.BreakIterator;
import java.time.OffsetDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;

/**
 * What every PDF of the writers shares, whatever its layout (PDF/A-2u and PDF/UA-1, decision 0018): the Liberation fonts embedded as
 * subsets, text made drawable with them (characters the font lacks are replaced, never a failure)
 * and measured, and the archival part written once the pages are done (document information, XMP
 * metadata equal to it, the sRGB output intent, a file identifier derived from the content).
 */
final class PdfA {

    private static final String SRGB = "sRGB IEC61966-2.1";

    private final PDDocument pdf;
    private final Map<PDType0Font, Map<Integer, Boolean>> glyphs = new HashMap<>();

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

    /** What a character the fonts cannot draw shows as: a white square, visible and never mistaken for text. */
    static final String MISSING = "\u25A1";

    /**
     * The text as the font can draw it: cleaned as in every format ({@link SafeText}: controls and
     * bidirectional overrides out), tab, carriage return and line feed as spaces, a narrow no-break
     * space the font lacks as a no-break space, and each character the font cannot draw as one white
     * square « □ » (or « ? » for a font without it). A character is what a reader sees as one: an
     * emoji, a family joined by zero-width joiners or a flag gives one square, not one per UTF-16 unit.
     */
    String safe(String text, PDType0Font font) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c < 0x20 || Character.isSurrogate(c) || SafeText.removed(c) || !drawable(c, font)) {
                break;
            }
            i++;
        }
        if (i == n) {
            return text;
        }
        String clean = SafeText.clean(text);
        StringBuilder sb = new StringBuilder(clean.length());
        BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
        graphemes.setText(clean);
        String missing = drawable(MISSING.charAt(0), font) ? MISSING : "?";
        for (int start = graphemes.first(), end = graphemes.next(); end != BreakIterator.DONE;
             start = end, end = graphemes.next()) {
            String cluster = clean.substring(start, end);
            int cp0 = cluster.codePointAt(0);
            if (cp0 == '\t' || cp0 == '\r' || cp0 == '\n') {
                // a control is a cluster of its own (CR LF one cluster): one space
                sb.append(' ');
            } else if (cp0 == '\u202F' && cluster.length() == 1 && !drawable(cp0, font)) {
                sb.append(drawable('\u00A0', font) ? '\u00A0' : ' ');
            } else if (cluster.codePoints().allMatch(cp -> invisible(cp) || drawable(cp, font))) {
                // what the font lacks among joiners and variation selectors shows nothing anyway
                cluster.codePoints().filter(cp -> drawable(cp, font)).forEach(sb::appendCodePoint);
            } else {
                sb.append(missing);
            }
        }
        return sb.toString();
    }

    /** Joiners, variation selectors and tags: shapers use them, they show nothing by themselves. */
    private static boolean invisible(int cp) {
        return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF
                || cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0000 && cp <= 0xE0FFF;
    }

    private boolean drawable(int cp, PDType0Font font) {
        return glyphs.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(cp, c -> {
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE || c < 0x20) {
                return false;
            }
            try {
                font.encode(Character.toString(c));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        });
    }

    /**
     * Writes the archival part once the pages are laid out and tagged ({@link Tagging#finish}): the
     * XMP claims PDF/A-2u and PDF/UA-1.
     *
     * @param identity what the file identifier is derived from (not the clock: same data, same file)
     */
    void archival(String title, OffsetDateTime createdAt, String producer, String identity) throws IOException {
        archival(title, "Ancrage", createdAt, producer, identity);
    }

    /** As {@link #archival(String, OffsetDateTime, String, String)}, naming the document's author. */
    void archival(String documentTitle, String documentAuthor, OffsetDateTime createdAt, String producer,
                  String identity) throws IOException {
        // the XMP is XML: what XML forbids stays out of the title and author (and the information equals it)
        String title = SafeText.clean(documentTitle);
        String author = SafeText.clean(documentAuthor);
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
            // U: every character maps to Unicode; the tagging is claimed by PDF/UA-1 (decision 0018)
            id.setConformance("U");
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
        metadata.importXMPMetadata(withPdfUa(xml.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
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

    /**
     * The PDF/UA-1 identification ({@code pdfuaid:part} 1) added to the serialized XMP, with the
     * PDF/A extension schema that declares it (PDF/A allows no undeclared property).
     */
    static String withPdfUa(String xmp) {
        int end = xmp.lastIndexOf("</rdf:RDF>");
        if (end < 0) {
            throw new IllegalStateException("XMP without rdf:RDF");
        }
        return xmp.substring(0, end) + PDF_UA + xmp.substring(end);
    }

    private static final String PDF_UA = """
            <rdf:Description xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" rdf:about="">
            <pdfuaid:part>1</pdfuaid:part>
            </rdf:Description>
            <rdf:Description xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" \
            xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" \
            xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#" rdf:about="">
            <pdfaExtension:schemas>
            <rdf:Bag>
            <rdf:li rdf:parseType="Resource">
            <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
            <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
            <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
            <pdfaSchema:property>
            <rdf:Seq>
            <rdf:li rdf:parseType="Resource">
            <pdfaProperty:name>part</pdfaProperty:name>
            <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
            <pdfaProperty:category>internal</pdfaProperty:category>
            <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
            </rdf:li>
            </rdf:Seq>
            </pdfaSchema:property>
            </rdf:li>
            </rdf:Bag>
            </pdfaExtension:schemas>
            </rdf:Description>
            """;

    private static byte[] digest(String text) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.Arrays.copyOf(sha, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
