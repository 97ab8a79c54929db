package fr.ancrage.documents;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spreadsheets a team prints (issue 16): A4 landscape, one page wide, the header row on every page,
 * the PDFs' font; in XLSX a used range that says the sheet's size and colours with their alpha.
 */
class SpreadsheetPrintTest {

    @TempDir
    Path dir;

    /** 14 columns (about 62 cm wide at their widths), 80 rows, and a narrow sheet. */
    static Workbook wide() {
        List<Workbook.Column> columns = new ArrayList<>();
        for (int c = 0; c < 14; c++) {
            columns.add(Workbook.Column.of("Colonne " + c, c % 2 == 0 ? Workbook.Kind.TEXT : Workbook.Kind.INTEGER));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < 14; c++) {
                row.add(c % 2 == 0 ? "texte " + i : i);
            }
            rows.add(row);
        }
        return new Workbook("2024 & après : liste large", OffsetDateTime.parse("2026-03-17T10:30:00+01:00"),
                List.of(new Workbook.Sheet("Large", columns, rows),
                        new Workbook.Sheet("Étroite", columns.subList(0, 3), List.of(List.of("a", 1, "b")))));
    }

    private static String entry(Path zip, String name) throws Exception {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return new String(z.getInputStream(z.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void xlsxPrintsOnA4OnePageWideWithItsHeaderRowOnEveryPage() throws Exception {
        Path xlsx = dir.resolve("liste.xlsx");
        SafeFiles.write(xlsx, out -> XlsxOutput.write(wide(), "1.0", out));
        String sheet = entry(xlsx, "xl/worksheets/sheet1.xml");
        assertThat(sheet).contains("<dimension ref=\"A1:N81\"/>", "paperSize=\"9\"", "orientation=\"landscape\"",
                "fitToWidth=\"1\"", "fitToHeight=\"0\"", "<pageSetUpPr fitToPage=\"true\"");
        // the title's first digit is not taken for the header's font size, « & » stays a character
        assertThat(sheet).contains("&amp;9&amp;K000000 2024 &amp;&amp; apr");
        assertThat(entry(xlsx, "xl/worksheets/sheet2.xml")).contains("<dimension ref=\"A1:C2\"/>");
        assertThat(entry(xlsx, "xl/workbook.xml")).contains("_xlnm.Print_Titles", "'Large'!$1:$1");
        String styles = entry(xlsx, "xl/styles.xml");
        assertThat(styles).contains("<name val=\"Liberation Sans\"/>").doesNotContainPattern("rgb=\"[0-9A-F]{6}\"");
    }

    @Test
    void odsScalesAWideSheetToThePageWidth() throws Exception {
        Path ods = dir.resolve("liste.ods");
        SafeFiles.write(ods, out -> OdsOutput.write(wide(), "1.0", out));
        Conformance.assertValidOdf(ods);
        assertThat(OdsOutput.scale(wide().sheets().getFirst())).isEqualTo(43);
        assertThat(OdsOutput.scale(wide().sheets().getLast())).isEqualTo(100);
        String styles = entry(ods, "styles.xml");
        assertThat(styles).contains("style:scale-to=\"43%\"", "style:master-page style:name=\"Fit43\"",
                "<text:page-count>", "style:font-name=\"Liberation Sans\"");
        assertThat(entry(ods, "content.xml")).contains("style:master-page-name=\"Fit43\"");

        Path soffice = Conformance.libreOffice();
        Assumptions.assumeTrue(soffice != null, "skipped: LibreOffice (soffice) is not installed here");
        Path pdf = Conformance.convert(soffice, ods, "pdf", Files.createDirectories(dir.resolve("lo")));
        // one page for the wide sheet (it was 3 pages wide), one for the narrow one
        assertThat(Conformance.pdfPages(pdf)).isEqualTo(2);
        assertThat(Conformance.pdfText(pdf)).contains("Colonne 13", "texte 79", "Page 1 / 2", "Page 2 / 2");
    }
}
