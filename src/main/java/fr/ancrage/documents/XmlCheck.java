package fr.ancrage.documents;

import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Whether a part of an office file is well-formed XML, read the safe way: the JDK's own parser (not
 * whichever one a library put on the class path), no DTD at all (a document type declaration is
 * refused, so no entity is expanded and no other file or URL is read), secure processing limits, and
 * at most {@value #MAX_DEPTH} nested elements. Nothing is kept: the parse only says yes or why not.
 */
final class XmlCheck {

    static final int MAX_DEPTH = 500;

    /** Why a part is not acceptable XML. */
    static final class NotXml extends Exception {
        private final boolean doctype;

        NotXml(String message, boolean doctype, Throwable cause) {
            super(message, cause);
            this.doctype = doctype;
        }

        /** True when the part declares a document type (a DTD), which is refused. */
        boolean doctype() {
            return doctype;
        }
    }

    private static final SAXParserFactory FACTORY = factory();

    private XmlCheck() {
    }

    private static SAXParserFactory factory() {
        SAXParserFactory f = SAXParserFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setXIncludeAware(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be made safe", e);
        }
        return f;
    }

    /** Reads the XML through; throws when it is not well-formed, declares a DTD or nests too deep. */
    static void parse(InputStream in) throws NotXml, IOException {
        try {
            SAXParser parser = FACTORY.newSAXParser();
            try {
                parser.setProperty("jdk.xml.maxElementDepth", MAX_DEPTH);
            } catch (SAXNotRecognizedException | SAXNotSupportedException ignored) {
                // an older name of the same limit
                parser.setProperty("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_DEPTH);
            }
            // the parser closes what it reads: not the zip the part comes from
            parser.parse(new FilterInputStream(in) {
                @Override
                public void close() {
                }
            }, new DefaultHandler());
        } catch (SAXParseException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            throw new NotXml("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + message,
                    message.contains("DOCTYPE"), e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new NotXml(String.valueOf(e.getMessage()), false, e);
        }
    }

    /** The parts of an office zip that are XML (ODF's and OOXML's, relationships included). */
    static boolean isXml(String part) {
        return part.endsWith(".xml") || part.endsWith(".rdf") || part.endsWith(".rels");
    }
}
