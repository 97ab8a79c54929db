package fr.ancrage.documents;

import org.odftoolkit.odfdom.doc.OdfTextDocument;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import static fr.ancrage.documents.Odf.el;

/**
 * A {@link Doc} as an OpenDocument text (ODF Toolkit), built on the toolkit's default A4 document and
 * its standard styles (Title, Heading 1–2, Text body, Table contents), so that the team can restyle it
 * in LibreOffice. Tables repeat their header row on each page; a chart becomes the table of its
 * figures. The footer shows the footer text and the page number.
 */
public final class OdtOutput {

    private static final String TEXT_WIDTH = "17cm";

    private Node body;
    private final Element styles;
    private final OdfTextDocument odt;
    private int tables;
    private int signatureTables;
    private int charts;
    private boolean logoStored;

    private OdtOutput(OdfTextDocument odt, Node body, Element styles) {
        this.odt = odt;
        this.body = body;
        this.styles = styles;
    }

    /**
     * A writer of blocks into an existing text document (a filled template): the styles it needs are
     * added to the document's automatic styles once.
     */
    static OdtOutput into(OdfTextDocument odt) throws Exception {
        Element styles = odt.getContentDom().getOrCreateAutomaticStyles();
        OdtOutput writer = new OdtOutput(odt, odt.getContentRoot(), styles);
        boolean defined = false;
        for (Node n = styles.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "P-strong".equals(e.getAttributeNS(
                    org.odftoolkit.odfdom.dom.OdfDocumentNamespace.STYLE.getUri(), "name"))) {
                defined = true;
            }
        }
        if (!defined) {
            writer.defineStyles();
        }
        return writer;
    }

    /** Writes the blocks where {@code before} stands, just before it. */
    void insertBefore(Node before, List<Doc.Block> blocks) throws IOException {
        Node fragment = before.getOwnerDocument().createDocumentFragment();
        Node previous = body;
        body = fragment;
        try {
            blocks(blocks);
        } finally {
            body = previous;
        }
        before.getParentNode().insertBefore(fragment, before);
    }

    public static void write(Doc doc, String generator, OutputStream out) throws IOException {
        try {
            OdfTextDocument odt = OdfTextDocument.newTextDocument();
            Element body = odt.getContentRoot();
            Odf.removeChildren(body, "p");
            OdtOutput writer = new OdtOutput(odt, body, odt.getContentDom().getOrCreateAutomaticStyles());
            writer.defineStyles();
            if (doc.letterhead() != null) {
                writer.letterhead(doc.letterhead());
            }
            writer.content(doc);
            footer(odt, doc.footer());
            java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
            odt.save(raw);
            odt.close();
            Zips.reproducible(raw.toByteArray(), doc.created(),
                    java.util.Map.of("meta.xml", ignored -> Odf.metaXml(doc.title(), doc.author(), doc.created(), generator),
                            "styles.xml", Odf::sansFont, "content.xml", Odf::sansFont),
                    out);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /**
     * The issuing authority's block, as the PDF draws it: a borderless table of two cells, the logo
     * (embedded as {@code Pictures/logo.png}, with its alternative text), the authority and its lines
     * on the left, who follows the matter on the right.
     */
    void letterhead(Doc.Letterhead head) throws IOException {
        Element table = tableElement(List.of(0.56, 0.44), "T-head", LETTERHEAD + (++tables));
        Element row = el(table, "table:table-row");
        Element left = el(row, "table:table-cell", "office:value-type", "string", "table:style-name", "C-plain");
        if (head.logoPng() != null) {
            String path = "Pictures/logo.png";
            if (!logoStored) {
                try {
                    odt.getPackage().insert(head.logoPng(), path, "image/png");
                } catch (Exception e) {
                    throw new IOException(e);
                }
                logoStored = true;
            }
            var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(head.logoPng()));
            double scale = Math.min(4.5 / image.getWidth(), 2.5 / image.getHeight());
            Element p = Odf.paragraph(left, "P-head", null);
            Element frame = el(p, "draw:frame", "draw:name", "Logo", "text:anchor-type", "as-char",
                    "svg:width", centimetres(image.getWidth() * scale), "svg:height", centimetres(image.getHeight() * scale),
                    "draw:z-index", "0");
            el(frame, "draw:image", "xlink:href", path, "xlink:type", "simple", "xlink:show", "embed",
                    "xlink:actuate", "onLoad");
            el(frame, "svg:title").setTextContent(SafeText.clean(head.logoDescription()));
        }
        if (!head.authority().isEmpty()) {
            Odf.paragraph(left, "P-authority", head.authority());
        }
        for (String line : head.identity()) {
            Odf.paragraph(left, "P-head", line);
        }
        Element right = el(row, "table:table-cell", "office:value-type", "string", "table:style-name", "C-plain");
        for (String line : head.contact()) {
            Odf.paragraph(right, "P-head-right", line);
        }
        if (head.contact().isEmpty()) {
            Odf.paragraph(right, "P-head-right", null);
        }
        Odf.paragraph(body, "Text_20_body", null);
    }

    private static String centimetres(double cm) {
        return java.math.BigDecimal.valueOf(cm).setScale(3, java.math.RoundingMode.HALF_UP).toPlainString() + "cm";
    }

    private void content(Doc doc) throws IOException {
        Odf.paragraph(body, "Title", doc.title());
        if (!doc.subtitle().isEmpty()) {
            Odf.paragraph(body, "Subtitle", doc.subtitle());
        }
        blocks(doc.blocks());
    }

    private void blocks(List<Doc.Block> blocks) throws IOException {
        int n = 0;
        for (Doc.Block block : blocks) {
            switch (block) {
                case Doc.Heading h -> {
                    Element e = el(body, "text:h", "text:style-name", "Heading_20_" + h.level(),
                            "text:outline-level", Integer.toString(h.level()));
                    Odf.text(e, h.text());
                }
                case Doc.Paragraph p -> {
                    String style = switch (p.emphasis()) {
                        case NORMAL -> "Text_20_body";
                        case STRONG -> "P-strong";
                        case NOTE -> "P-note";
                    };
                    lines(body, style, p.text());
                }
                case Doc.Facts f -> facts(f);
                case Doc.Table t -> table(t.columns(), t.rows(), t.totalRow(), t.hasHeader());
                case Doc.BarChart c -> chart(c);
                case Doc.PageBreak ignored -> Odf.paragraph(body, "P-break", null);
                case Doc.Letterhead l -> letterhead(l);
                case Doc.Signatures signatures -> signatures(signatures);
            }
            if ((++n & 63) == 0 && Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("cancelled");
            }
        }
    }

    /** A paragraph per line, so that line breaks of the text stay line breaks. */
    private static void lines(Node parent, String style, String text) {
        Element p = Odf.paragraph(parent, style, null);
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                el(p, "text:line-break");
            }
            Odf.text(p, lines[i]);
        }
    }

    private void facts(Doc.Facts facts) {
        Element table = tableElement(List.of(0.32, 0.68), "T-facts");
        for (Doc.Fact fact : facts.facts()) {
            Element row = el(table, "table:table-row", "table:style-name", "R-keep");
            lines(el(row, "table:table-cell", "office:value-type", "string", "table:style-name", "C-plain"),
                    "P-label", fact.label());
            lines(el(row, "table:table-cell", "office:value-type", "string", "table:style-name", "C-plain"),
                    "Table_20_Contents", fact.value().isEmpty() ? "—" : fact.value());
        }
    }

    private void table(List<Doc.Column> columns, List<List<String>> rows, boolean totalRow, boolean withHeader) {
        List<Double> weights = columns.stream().map(Doc.Column::weight).toList();
        Element table = tableElement(weights, "T-grid");
        if (withHeader) {
            Element header = el(el(table, "table:table-header-rows"), "table:table-row");
            for (Doc.Column column : columns) {
                lines(el(header, "table:table-cell", "office:value-type", "string", "table:style-name", "C-head"),
                        column.align() == Doc.Align.RIGHT ? "P-head-num" : "Table_20_Heading", column.header());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            boolean total = totalRow && r == rows.size() - 1;
            Element row = el(table, "table:table-row", "table:style-name", "R-keep");
            for (int c = 0; c < columns.size(); c++) {
                boolean number = columns.get(c).align() == Doc.Align.RIGHT;
                String style = total ? (number ? "P-total-num" : "P-total") : (number ? "P-num" : "Table_20_Contents");
                lines(el(row, "table:table-cell", "office:value-type", "string",
                        "table:style-name", total ? "C-total" : withHeader ? "C-cell" : "C-plain"), style,
                        rows.get(r).get(c));
            }
        }
        Odf.paragraph(body, "Text_20_body", null);
    }

    /**
     * The chart as a picture (drawn as in the PDF), its figures in words as its text alternative:
     * the bilan's tables beside it already give the numbers.
     */
    private void chart(Doc.BarChart chart) throws IOException {
        Odf.paragraph(body, "P-strong", chart.title());
        ChartImage.Picture picture = ChartImage.draw(chart, 17);
        String path = "Pictures/graphique-" + (++charts) + ".png";
        try {
            odt.getPackage().insert(picture.png(), path, "image/png");
        } catch (Exception e) {
            throw new IOException(e);
        }
        Element p = Odf.paragraph(body, "Text_20_body", null);
        Element frame = el(p, "draw:frame", "draw:name", "Graphique" + charts, "text:anchor-type", "as-char",
                "svg:width", centimetres(picture.widthCm()), "svg:height", centimetres(picture.heightCm()),
                "draw:z-index", "0");
        el(frame, "draw:image", "xlink:href", path, "xlink:type", "simple", "xlink:show", "embed",
                "xlink:actuate", "onLoad");
        el(frame, "svg:title").setTextContent(SafeText.clean(chart.title()));
        el(frame, "svg:desc").setTextContent(SafeText.clean(PdfOutput.description(chart)));
    }

    /** The table name the letterhead is written under: read back, it is left out (the PDF draws its own). */
    static final String LETTERHEAD = "AncrageEnTete";

    /** The table name a signature block is written under, and recognised by when read back. */
    static final String SIGNATURES = "AncrageSignatures";

    /**
     * Two blocks a row, each row kept on one page with the names over a space of 4.5 cm for a
     * signature and a stamp; the table follows the paragraph before it (« Fait à … ») on its page.
     */
    private void signatures(Doc.Signatures block) {
        List<Doc.Signature> all = block.signatures();
        Element table = tableElement(List.of(1.0, 1.0), "T-sign", SIGNATURES + (++signatureTables));
        for (int i = 0; i < all.size(); i += 2) {
            Element row = el(table, "table:table-row", "table:style-name", "R-sign");
            for (int c = i; c < i + 2; c++) {
                Element cell = el(row, "table:table-cell", "office:value-type", "string", "table:style-name",
                        c < all.size() ? "C-sign" : "C-plain");
                if (c >= all.size()) {
                    Odf.paragraph(cell, "Table_20_Contents", null);
                    continue;
                }
                Doc.Signature s = all.get(c);
                Odf.paragraph(cell, "P-label", s.forWhom());
                Odf.paragraph(cell, "Table_20_Contents", s.name());
                Odf.paragraph(cell, "Table_20_Contents", s.title());
            }
        }
        Odf.paragraph(body, "Text_20_body", null);
    }

    private Element tableElement(List<Double> weights, String style) {
        return tableElement(weights, style, "AncrageTableau" + (++tables));
    }

    private Element tableElement(List<Double> weights, String style, String name) {
        Element table = el(body, "table:table", "table:name", name, "table:style-name", style);
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        for (int c = 0; c < weights.size(); c++) {
            String columnStyle = name + "." + (char) ('A' + Math.min(c, 25)) + c;
            Element cs = el(styles, "style:style", "style:name", columnStyle, "style:family", "table-column");
            el(cs, "style:table-column-properties", "style:rel-column-width",
                    Math.max(1, Math.round(65535 * weights.get(c) / total)) + "*");
            el(table, "table:table-column", "table:style-name", columnStyle);
        }
        return table;
    }

    private void defineStyles() {
        Element sign = el(styles, "style:style", "style:name", "T-sign", "style:family", "table");
        el(sign, "style:table-properties", "style:width", TEXT_WIDTH, "table:align", "margins",
                "fo:margin-top", "0.3cm", "fo:margin-bottom", "0.2cm", "fo:keep-with-next", "auto");
        Element signRow = el(styles, "style:style", "style:name", "R-sign", "style:family", "table-row");
        el(signRow, "style:table-row-properties", "style:min-row-height", "6cm", "fo:keep-together", "always");
        Element signCell = el(styles, "style:style", "style:name", "C-sign", "style:family", "table-cell");
        el(signCell, "style:table-cell-properties", "fo:padding", "0.2cm", "fo:border", "0.5pt solid #b8c4d2",
                "style:vertical-align", "top");
        for (String name : List.of("T-grid", "T-facts", "T-head")) {
            Element t = el(styles, "style:style", "style:name", name, "style:family", "table");
            el(t, "style:table-properties", "style:width", TEXT_WIDTH, "table:align", "margins",
                    "fo:margin-top", "0.1cm", "fo:margin-bottom", "0.2cm");
        }
        cell("C-head", "#e8ecf1", "0.8pt solid #6b7c93");
        cell("C-cell", null, "0.4pt solid #d5dbe3");
        cell("C-total", "#f1f3f6", "0.8pt solid #6b7c93");
        cell("C-plain", null, null);
        paragraph("P-strong", "Text_20_body", "bold", null, null);
        // a bold line introduces what follows (an action over its targets): never left alone at a page's foot
        Element strong = (Element) styles.getLastChild();
        // the paragraph's properties come before its text's (the schema's order)
        strong.insertBefore(el(strong, "style:paragraph-properties", "fo:keep-with-next", "always"),
                strong.getFirstChild());
        // a row is never split across pages
        Element keep = el(styles, "style:style", "style:name", "R-keep", "style:family", "table-row");
        el(keep, "style:table-row-properties", "fo:keep-together", "always");
        paragraph("P-note", "Text_20_body", null, "9pt", null);
        paragraph("P-label", "Table_20_Contents", "bold", null, null);
        paragraph("P-num", "Table_20_Contents", null, null, "end");
        paragraph("P-head-num", "Table_20_Heading", null, null, "end");
        paragraph("P-total", "Table_20_Contents", "bold", null, null);
        paragraph("P-total-num", "Table_20_Contents", "bold", null, "end");
        headParagraph("P-authority", "bold", "10.5pt", "#1f3a5f", null);
        headParagraph("P-head", null, "8.5pt", "#333333", null);
        headParagraph("P-head-right", null, "8.5pt", "#333333", "end");
        Element brk = el(styles, "style:style", "style:name", "P-break", "style:family", "paragraph",
                "style:parent-style-name", "Standard");
        el(brk, "style:paragraph-properties", "fo:break-before", "page");
    }

    private void headParagraph(String name, String weight, String size, String color, String align) {
        Element s = el(styles, "style:style", "style:name", name, "style:family", "paragraph",
                "style:parent-style-name", "Table_20_Contents");
        if (align != null) {
            el(s, "style:paragraph-properties", "fo:text-align", align);
        }
        Element t = el(s, "style:text-properties", "fo:font-size", size, "fo:color", color);
        if (weight != null) {
            Odf.attr(t, "fo:font-weight", weight);
        }
    }

    private void cell(String name, String background, String border) {
        Element s = el(styles, "style:style", "style:name", name, "style:family", "table-cell");
        Element p = el(s, "style:table-cell-properties", "fo:padding", "0.08cm");
        if (background != null) {
            Odf.attr(p, "fo:background-color", background);
        }
        if (border != null) {
            Odf.attr(p, "fo:border-bottom", border);
        }
        Odf.attr(p, "fo:border-top", "none");
        Odf.attr(p, "fo:border-left", "none");
        Odf.attr(p, "fo:border-right", "none");
        if (border == null) {
            Odf.attr(p, "fo:border-bottom", "none");
        }
    }

    private void paragraph(String name, String parent, String weight, String size, String align) {
        Element s = el(styles, "style:style", "style:name", name, "style:family", "paragraph",
                "style:parent-style-name", parent);
        if (align != null) {
            el(s, "style:paragraph-properties", "fo:text-align", align);
        }
        if (weight != null || size != null) {
            Element t = el(s, "style:text-properties");
            if (weight != null) {
                Odf.attr(t, "fo:font-weight", weight);
            }
            if (size != null) {
                Odf.attr(t, "fo:font-size", size);
                Odf.attr(t, "fo:color", "#555555");
            }
        }
    }

    /** The footer of the default page style: the document's footer text, then « page n / total ». */
    private static void footer(OdfTextDocument odt, String text) throws Exception {
        var stylesDom = odt.getStylesDom();
        var masters = stylesDom.getElementsByTagNameNS(
                org.odftoolkit.odfdom.dom.OdfDocumentNamespace.STYLE.getUri(), "master-page");
        for (int i = 0; i < masters.getLength(); i++) {
            Element master = (Element) masters.item(i);
            if (!"Standard".equals(master.getAttributeNS(
                    org.odftoolkit.odfdom.dom.OdfDocumentNamespace.STYLE.getUri(), "name"))) {
                continue;
            }
            Element footer = el(master, "style:footer");
            Element p = Odf.paragraph(footer, "Footer", text.isEmpty() ? null : text + " — ");
            el(p, "text:page-number", "text:select-page", "current").setTextContent("1");
            p.appendChild(p.getOwnerDocument().createTextNode(" / "));
            el(p, "text:page-count").setTextContent("1");
        }
    }
}
