package fr.ancrage.documents;

import org.odftoolkit.odfdom.dom.OdfDocumentNamespace;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.time.OffsetDateTime;
import java.util.Locale;

/** Small helpers over ODF Toolkit's DOM, shared by the text and spreadsheet writers. */
final class Odf {

    private Odf() {
    }

    /** A new element named by its usual qualified name, e.g. {@code table:table-cell}. */
    static Element el(Node parent, String qualifiedName) {
        return el(parent, qualifiedName, new String[0]);
    }

    /**
     * A new element with its attributes, set before it is appended (the toolkit's style containers
     * read a style's name as it is inserted).
     */
    static Element el(Node parent, String qualifiedName, String... attributes) {
        var dom = parent instanceof org.w3c.dom.Document d ? d : parent.getOwnerDocument();
        Element e = dom.createElementNS(uri(qualifiedName), qualifiedName);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            attr(e, attributes[i], attributes[i + 1]);
        }
        parent.appendChild(e);
        return e;
    }

    static void attr(Element e, String qualifiedName, String value) {
        e.setAttributeNS(uri(qualifiedName), qualifiedName, value);
    }

    /** A paragraph of the given style holding the text. */
    static Element paragraph(Node parent, String style, String text) {
        Element p = style == null ? el(parent, "text:p") : el(parent, "text:p", "text:style-name", style);
        text(p, text);
        return p;
    }

    /** Appends the text, made safe for a file ({@link SafeText}), to the element. */
    static void text(Node parent, String text) {
        String safe = SafeText.clean(text);
        if (!safe.isEmpty()) {
            parent.appendChild(parent.getOwnerDocument().createTextNode(safe));
        }
    }

    private static String uri(String qualifiedName) {
        String prefix = qualifiedName.substring(0, qualifiedName.indexOf(':'));
        return OdfDocumentNamespace.valueOf(prefix.toUpperCase(Locale.ROOT)).getUri();
    }

    /**
     * The meta.xml of an Ancrage document: title, generator, creator, language and dates as given
     * (not the clock, and nothing left from the toolkit's template), so that the same data gives the
     * same file. It replaces the one the toolkit writes.
     */
    static String metaXml(String title, OffsetDateTime created, String generator) {
        return metaXml(title, "Ancrage", created, generator);
    }

    /** As {@link #metaXml(String, OffsetDateTime, String)}, naming the document's author. */
    static String metaXml(String title, String author, OffsetDateTime created, String generator) {
        String when = created.toLocalDateTime().format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE) + "T"
                + created.toLocalDateTime().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss"));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.2\"><office:meta>"
                + "<meta:generator>" + escape(generator) + "</meta:generator>"
                + "<dc:title>" + escape(SafeText.clean(title)) + "</dc:title>"
                + "<meta:initial-creator>" + escape(SafeText.clean(author)) + "</meta:initial-creator><dc:creator>"
                + escape(SafeText.clean(author)) + "</dc:creator>"
                + "<meta:creation-date>" + when + "</meta:creation-date><dc:date>" + when + "</dc:date>"
                + "<dc:language>fr-FR</dc:language><meta:editing-cycles>1</meta:editing-cycles>"
                + "</office:meta></office:document-meta>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * The PDFs' font family, Liberation Sans (Arial's metrics), in place of the toolkit's Arial and
     * Times New Roman, so that a document looks the same in both formats.
     */
    static String sansFont(String xml) {
        return xml.replace("style:name=\"Arial\" svg:font-family=\"Arial\"",
                        "style:name=\"Liberation Sans\" svg:font-family=\"&apos;Liberation Sans&apos;\"")
                .replace("style:font-name=\"Arial\"", "style:font-name=\"Liberation Sans\"")
                .replace("style:font-name=\"Times New Roman\"", "style:font-name=\"Liberation Sans\"");
    }

    static void removeChildren(Node parent, String localName) {
        Node child = parent.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (localName.equals(child.getLocalName())) {
                parent.removeChild(child);
            }
            child = next;
        }
    }
}
