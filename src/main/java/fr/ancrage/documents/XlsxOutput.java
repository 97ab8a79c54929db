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

    private XlsxOutput() {
    }

    public static void write(Workbook workbook, String producerVersion, OutputStream target) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook xlsx = new org.dhatim.fastexcel.Workbook(out, "Ancrage", producerVersion);
        xlsx.properties().setTitle(SafeText.clean(workbook.title()));
        List<String> names = SheetNames.unique(workbook.sheets().stream().map(Workbook.Sheet::name).toList());
        for (int i = 0; i < names.size(); i++) {
            Workbook.Sheet sheet = workbook.sheets().get(i);
            Worksheet ws = xlsx.newWorksheet(names.get(i));
            List<Workbook.Column> columns = sheet.columns();
            for (int c = 0; c < columns.size(); c++) {
                ws.value(0, c, SafeText.clean(columns.get(c).header()));
                ws.width(c, columns.get(c).width());
            }
            ws.range(0, 0, 0, columns.size() - 1).style().bold().fillColor("E8ECF1").wrapText(true).set();
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
        Zips.reproducible(out.toByteArray(), workbook.created(), java.util.Map.of("docProps/core.xml",
                xml -> xml.replaceAll("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", "$1" + created + "$2")), target);
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
