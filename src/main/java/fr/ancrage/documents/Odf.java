package fr.ancrage.documents;

import org.odftoolkit.odfdom.doc.OdfDocument;
import org.odftoolkit.odfdom.dom.OdfDocumentNamespace;
import org.odftoolkit.odfdom.incubator.meta.OdfOfficeMeta;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.time.OffsetDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
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
        if (text != null && !text.isEmpty()) {
            p.appendChild(p.getOwnerDocument().createTextNode(text));
        }
        return p;
    }

    private static String uri(String qualifiedName) {
        String prefix = qualifiedName.substring(0, qualifiedName.indexOf(':'));
        return OdfDocumentNamespace.valueOf(prefix.toUpperCase(Locale.ROOT)).getUri();
    }

    /**
     * Title, generator and dates as given (not the clock), so that the same data gives the same
     * file; the language is French.
     */
    static void meta(OdfDocument doc, String title, OffsetDateTime created, String generator) {
        OdfOfficeMeta meta = doc.getOfficeMetadata();
        Calendar when = GregorianCalendar.from(created.toZonedDateTime());
        meta.setTitle(title);
        meta.setGenerator(generator);
        meta.setCreationDate(when);
        meta.setDate(when);
        meta.setLanguage("fr-FR");
        meta.setEditingCycles(1);
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
