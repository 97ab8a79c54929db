package fr.ancrage.documents;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One sheet as CSV the way French spreadsheets read it: UTF-8 with a byte order mark, {@code ;}
 * between fields, decimal comma, dates as dd/mm/yyyy; codes are written as they are (leading zeros
 * kept), quoted by FastCSV when they need it.
 */
public final class CsvOutput {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private CsvOutput() {
    }

    public static void write(Workbook.Sheet sheet, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CsvWriter csv = CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.CRLF).build(writer);
        csv.writeRecord(sheet.columns().stream().map(c -> SafeText.clean(c.header())).toList());
        for (List<Object> row : sheet.rows()) {
            List<String> fields = new ArrayList<>(row.size());
            for (int c = 0; c < row.size(); c++) {
                fields.add(text(sheet.columns().get(c).kind(), row.get(c)));
            }
            csv.writeRecord(fields);
        }
        csv.flush();
        writer.flush();
    }

    static String text(Workbook.Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case TEXT, CODE -> neutralised(SafeText.clean(value.toString()));
            case INTEGER -> Workbook.decimal(value).setScale(0, RoundingMode.HALF_UP).toPlainString();
            case DECIMAL -> plain(Workbook.decimal(value));
            case PERCENT -> plain(Workbook.decimal(value).movePointRight(2).setScale(1, RoundingMode.HALF_UP)) + " %";
            case DATE -> Workbook.date(value).format(DATE);
        };
    }

    /**
     * A text a spreadsheet would take for a formula (it begins with {@code = + - @}, a tab or a
     * carriage return) is written after a single quote, as OWASP recommends against CSV injection: a
     * company named {@code =HYPERLINK(…)} stays a name. The ODS and XLSX writers do the same to their
     * text cells, so that a sheet saved again as CSV stays harmless (decision 0014). Issue 16.
     */
    static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
