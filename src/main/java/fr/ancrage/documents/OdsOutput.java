package fr.ancrage.documents;

import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.dom.OdfContentDom;
import org.w3c.dom.Element;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

import static fr.ancrage.documents.Odf.attr;
import static fr.ancrage.documents.Odf.el;

/**
 * A workbook as an OpenDocument spreadsheet (ODF Toolkit): one table per sheet, a bold header row,
 * typed cells (float, percentage, date, string) with French number and date styles, column widths.
 */
public final class OdsOutput {

    private OdsOutput() {
    }

    public static void write(Workbook workbook, String generator, OutputStream out) throws IOException {
        try {
            OdfSpreadsheetDocument doc = OdfSpreadsheetDocument.newSpreadsheetDocument();
            OdfContentDom dom = doc.getContentDom();
            Element styles = doc.getContentDom().getOrCreateAutomaticStyles();
            defineStyles(styles);
            Element spreadsheet = doc.getContentRoot();
            Odf.removeChildren(spreadsheet, "table");
            java.util.SortedSet<Integer> scales = new java.util.TreeSet<>();
            List<String> names = SheetNames.unique(workbook.sheets().stream().map(Workbook.Sheet::name).toList());
            for (int i = 0; i < names.size(); i++) {
                Workbook.Sheet sheet = workbook.sheets().get(i);
                int scale = scale(sheet);
                if (scale < 100 && scales.add(scale)) {
                    Element fitted = el(styles, "style:style", "style:name", "ta-fit" + scale, "style:family", "table",
                            "style:master-page-name", "Fit" + scale);
                    el(fitted, "style:table-properties", "table:display", "true", "style:writing-mode", "lr-tb");
                }
                sheet(spreadsheet, styles, sheet, names.get(i), scale < 100 ? "ta-fit" + scale : "ta1");
            }
            java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
            doc.save(raw);
            doc.close();
            Zips.reproducible(raw.toByteArray(), workbook.created(),
                    java.util.Map.of("meta.xml", ignored -> Odf.metaXml(workbook.title(), workbook.created(), generator),
                            "styles.xml", xml -> printLayout(xml, scales),
                            "content.xml", Odf::sansFont), out);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static void sheet(Element spreadsheet, Element styles, Workbook.Sheet sheet, String name, String tableStyle)
            throws IOException {
        Element table = el(spreadsheet, "table:table", "table:name", name, "table:style-name", tableStyle);
        List<Workbook.Column> columns = sheet.columns();
        for (Workbook.Column column : columns) {
            el(table, "table:table-column", "table:style-name", columnStyle(styles, column.width()),
                    "table:default-cell-style-name", "Default");
        }
        Element header = el(el(table, "table:table-header-rows"), "table:table-row");
        for (Workbook.Column column : columns) {
            Element cell = el(header, "table:table-cell", "office:value-type", "string",
                    "table:style-name", "ce-head");
            Odf.paragraph(cell, null, column.header());
        }
        int n = 0;
        for (List<Object> row : sheet.rows()) {
            Element tr = el(table, "table:table-row");
            for (int c = 0; c < columns.size(); c++) {
                cell(tr, columns.get(c).kind(), row.get(c));
            }
            if ((++n & 1023) == 0 && Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("cancelled");
            }
        }
    }

    private static void cell(Element row, Workbook.Kind kind, Object value) {
        Element cell = el(row, "table:table-cell");
        if (value == null) {
            return;
        }
        // a text is cleaned and, when it begins like a formula, written after a quote (CsvOutput.text)
        String shown = CsvOutput.text(kind, value);
        switch (kind) {
            case TEXT, CODE -> attr(cell, "office:value-type", "string");
            case INTEGER, DECIMAL -> {
                attr(cell, "office:value-type", "float");
                attr(cell, "office:value", plain(Workbook.decimal(value)));
                // a whole value shows no decimals, even in a column of amounts
                attr(cell, "table:style-name", kind == Workbook.Kind.INTEGER
                        || Workbook.decimal(value).stripTrailingZeros().scale() <= 0 ? "ce-int" : "ce-dec");
            }
            case PERCENT -> {
                attr(cell, "office:value-type", "percentage");
                attr(cell, "office:value", plain(Workbook.decimal(value)));
                attr(cell, "table:style-name", "ce-pct");
            }
            case DATE -> {
                attr(cell, "office:value-type", "date");
                attr(cell, "office:date-value", Workbook.date(value).toString());
                attr(cell, "table:style-name", "ce-date");
            }
        }
        Odf.paragraph(cell, null, shown);
    }

    /** The width a printed page holds: A4 landscape less its margins (cm). */
    static final double PRINTABLE_WIDTH = 29.7 - 2 * 1.5;

    /**
     * The print scale that makes the sheet one page wide (100 when it fits): ODF 1.2 has no « fit to
     * width » (ODF 1.3's scale-to-X), so the sheet's page style scales it by the ratio of the widths.
     */
    static int scale(Workbook.Sheet sheet) {
        double width = sheet.columns().stream().mapToDouble(c -> c.width() * 0.21).sum();
        return width <= PRINTABLE_WIDTH ? 100 : Math.max(25, (int) Math.floor(100 * PRINTABLE_WIDTH / width));
    }

    /**
     * Printed (or converted to PDF), every sheet goes landscape on A4 with 1.5 cm margins, its header
     * row repeated on every page (the table's header rows), the sheet's name above and « Page n / N »
     * below; a sheet wider than a page has a page style of its own that scales it to the page's
     * width ({@code scales}: the scales in use). The font is the PDFs' (Liberation Sans).
     */
    static String printLayout(String stylesXml, java.util.Set<Integer> scales) {
        String xml = stylesXml.replaceFirst("(<style:page-layout style:name=\"pm1\"><style:page-layout-properties)",
                "$1 fo:page-width=\"29.7cm\" fo:page-height=\"21cm\" style:print-orientation=\"landscape\""
                        + " fo:margin-top=\"1.5cm\" fo:margin-bottom=\"1.5cm\" fo:margin-left=\"1.5cm\""
                        + " fo:margin-right=\"1.5cm\" style:first-page-number=\"continue\"");
        xml = xml.replaceFirst("(<style:master-page style:name=\"Default\"[^>]*>.*?<style:footer>)<text:p>Page <text:page-number>1</text:page-number></text:p>",
                "$1<text:p>Page <text:page-number>1</text:page-number> / <text:page-count>1</text:page-count></text:p>");
        java.util.regex.Matcher layout = java.util.regex.Pattern.compile("<style:page-layout style:name=\"pm1\">.*?</style:page-layout>").matcher(xml);
        java.util.regex.Matcher master = java.util.regex.Pattern.compile("<style:master-page style:name=\"Default\".*?</style:master-page>").matcher(xml);
        if (layout.find() && master.find()) {
            StringBuilder layouts = new StringBuilder();
            StringBuilder masters = new StringBuilder();
            for (int scale : scales) {
                layouts.append(layout.group().replace("style:name=\"pm1\"", "style:name=\"pm-fit" + scale + "\"")
                        .replaceFirst("<style:page-layout-properties", "<style:page-layout-properties style:scale-to=\"" + scale + "%\""));
                masters.append(master.group().replace("style:name=\"Default\"", "style:name=\"Fit" + scale + "\"")
                        .replace("style:page-layout-name=\"pm1\"", "style:page-layout-name=\"pm-fit" + scale + "\""));
            }
            xml = xml.replace("</office:automatic-styles>", layouts + "</office:automatic-styles>")
                    .replace("</office:master-styles>", masters + "</office:master-styles>");
        }
        return Odf.sansFont(xml);
    }


    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String columnStyle(Element styles, int width) {
        String name = "co" + width;
        for (var n = styles.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getAttribute("style:name"))) {
                return name;
            }
        }
        Element style = el(styles, "style:style", "style:name", name, "style:family", "table-column");
        el(style, "style:table-column-properties", "style:column-width", java.math.BigDecimal.valueOf(width * 21L, 2) + "cm", "fo:break-before", "auto");
        return name;
    }

    private static void defineStyles(Element styles) {
        // French data styles: « 1 800,50 », « 17/03/2025 » whatever the reader's own locale
        Element date = el(styles, "number:date-style", "style:name", "N-date", "number:language", "fr",
                "number:country", "FR");
        el(date, "number:day", "number:style", "long");
        el(date, "number:text").setTextContent("/");
        el(date, "number:month", "number:style", "long");
        el(date, "number:text").setTextContent("/");
        el(date, "number:year", "number:style", "long");
        el(el(styles, "number:number-style", "style:name", "N-int", "number:language", "fr", "number:country", "FR"),
                "number:number",
                "number:decimal-places", "0", "number:min-integer-digits", "1", "number:grouping", "true");
        el(el(styles, "number:number-style", "style:name", "N-dec", "number:language", "fr", "number:country", "FR"),
                "number:number",
                "number:decimal-places", "2", "number:min-integer-digits", "1", "number:grouping", "true");
        Element pct = el(styles, "number:percentage-style", "style:name", "N-pct", "number:language", "fr",
                "number:country", "FR");
        el(pct, "number:number", "number:decimal-places", "0", "number:min-integer-digits", "1");
        el(pct, "number:text").setTextContent("\u00A0%");

        // the sheets print with the page style « Default » (landscape, see printLayout)
        Element sheetStyle = el(styles, "style:style", "style:name", "ta1", "style:family", "table",
                "style:master-page-name", "Default");
        el(sheetStyle, "style:table-properties", "table:display", "true", "style:writing-mode", "lr-tb");
        Element head = el(styles, "style:style", "style:name", "ce-head", "style:family", "table-cell");
        el(head, "style:table-cell-properties", "fo:background-color", "#e8ecf1", "fo:wrap-option", "wrap",
                "style:vertical-align", "middle");
        el(head, "style:text-properties", "fo:font-weight", "bold");
        dataCell(styles, "ce-int", "N-int");
        dataCell(styles, "ce-dec", "N-dec");
        dataCell(styles, "ce-pct", "N-pct");
        dataCell(styles, "ce-date", "N-date");
    }

    private static void dataCell(Element styles, String name, String dataStyle) {
        el(styles, "style:style", "style:name", name, "style:family", "table-cell",
                "style:data-style-name", dataStyle);
    }
}
