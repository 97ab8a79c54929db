package fr.ancrage.documents;

import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A workbook as Office Open XML (XLSX) with fastexcel: a bold, frozen header row with a filter,
 * numbers as numbers, dates as dates, codes as text; a text that begins like a formula is written
 * after a quote, as in the CSV.
 */
public final class XlsxOutput {

    static final String FONT = "Liberation Sans";

    private XlsxOutput() {
    }

    public static void write(Workbook workbook, String producerVersion, OutputStream target) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook xlsx = new org.dhatim.fastexcel.Workbook(out, "Ancrage", producerVersion);
        xlsx.properties().setTitle(SafeText.clean(workbook.title()));
        // the family of the PDFs (Liberation Sans has Arial's metrics: Excel without it uses Arial)
        xlsx.setGlobalDefaultFont(FONT, 10);
        java.util.Map<String, java.util.function.UnaryOperator<String>> rewrite = new java.util.HashMap<>();
        int index = 0;
        List<String> names = SheetNames.unique(workbook.sheets().stream().map(Workbook.Sheet::name).toList());
        for (int i = 0; i < names.size(); i++) {
            Workbook.Sheet sheet = workbook.sheets().get(i);
            Worksheet ws = xlsx.newWorksheet(names.get(i));
            List<Workbook.Column> columns = sheet.columns();
            printLayout(ws, workbook.title());
            // the streaming writer leaves the used range at A1: said right, readers size the sheet from it
            String range = "A1:" + columnName(columns.size() - 1) + (sheet.rows().size() + 1);
            rewrite.put("xl/worksheets/sheet" + (++index) + ".xml",
                    xml -> xml.replaceFirst("<dimension ref=\"[^\"]*\"/>", "<dimension ref=\"" + range + "\"/>"));
            for (int c = 0; c < columns.size(); c++) {
                ws.value(0, c, SafeText.clean(columns.get(c).header()));
                ws.width(c, columns.get(c).width());
            }
            ws.range(0, 0, 0, columns.size() - 1).style().bold().fillColor("FFE8ECF1").wrapText(true).set();
            // the sheet's head (frozen row, filter) is written with its first rows: set it before them
            ws.freezePane(0, 1);
            if (!sheet.rows().isEmpty()) {
                ws.setAutoFilter(0, 0, sheet.rows().size(), columns.size() - 1);
            }
            int r = 1;
            for (List<Object> row : sheet.rows()) {
                for (int c = 0; c < columns.size(); c++) {
                    cell(ws, r, c, columns.get(c).kind(), row.get(c));
                    // styled as written: rows are flushed from memory as the sheet grows
                    String format = format(columns.get(c).kind(), row.get(c));
                    if (format != null && row.get(c) != null) {
                        ws.style(r, c).format(format).set();
                    }
                }
                r++;
                if ((r & 1023) == 0) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new java.io.InterruptedIOException("cancelled");
                    }
                    ws.flush();
                }
            }
            // a sheet flushed in parts must be finished before the next one starts
            ws.finish();
        }
        xlsx.finish();
        String created = workbook.created().toInstant().toString();
        rewrite.put("docProps/core.xml",
                xml -> xml.replaceAll("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", "$1" + created + "$2"));
        Zips.reproducible(out.toByteArray(), workbook.created(), rewrite, target);
    }

    /**
     * Printed, a sheet goes on A4 in landscape, as wide as one page (as many pages down as needed),
     * its header row repeated on every page, the workbook's title above and the page number below.
     */
    private static void printLayout(Worksheet ws, String title) {
        ws.paperSize(org.dhatim.fastexcel.PaperSize.A4_PAPER);
        ws.pageOrientation("landscape");
        ws.setFitToPage(true);
        ws.fitToWidth((short) 1);
        ws.fitToHeight((short) 0);
        ws.repeatRows(0);
        ws.leftMargin(0.6f);
        ws.rightMargin(0.6f);
        // « & » starts a code in a header: doubled, it is the character itself
        // after the font size code, a title's first digit would be read as part of the size
        String header = (Character.isDigit(title.isEmpty() ? 'x' : title.charAt(0)) ? " " : "") + title.replace("&", "&&");
        ws.header(header, org.dhatim.fastexcel.Position.CENTER, FONT, 9);
        ws.footer("&P / &N", org.dhatim.fastexcel.Position.RIGHT, FONT, 9);
    }

    /** A, B, … Z, AA, AB… for a column index from 0. */
    static String columnName(int index) {
        StringBuilder name = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
    }

    private static String format(Workbook.Kind kind, Object value) {
        return switch (kind) {
            case INTEGER -> "#,##0";
            // a whole value shows no decimals, even in a column of amounts
            case DECIMAL -> value != null && Workbook.decimal(value).stripTrailingZeros().scale() <= 0 ? "#,##0" : "#,##0.00";
            case PERCENT -> "0%";
            case DATE -> "dd/mm/yyyy";
            default -> null;
        };
    }

    private static void cell(Worksheet ws, int r, int c, Workbook.Kind kind, Object value) {
        if (value == null) {
            return;
        }
        switch (kind) {
            // cleaned, and after a quote when it begins like a formula, as in the CSV (OWASP, decision 0014)
            case TEXT, CODE -> ws.value(r, c, CsvOutput.text(kind, value));
            case INTEGER, DECIMAL, PERCENT -> ws.value(r, c, Workbook.decimal(value));
            case DATE -> ws.value(r, c, Workbook.date(value));
        }
    }
}
