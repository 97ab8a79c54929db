package fr.ancrage.ui.imports;

import fr.ancrage.documents.CsvOutput;
import fr.ancrage.documents.SafeFiles;
import fr.ancrage.documents.Workbook;
import fr.ancrage.i18n.I18n;
import fr.ancrage.ui.common.ErrorMessages;
import fr.ancrage.ui.common.TaskRunner;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The report an import leaves: one ODS workbook (or a CSV, by the file's name), written in the
 * background, whole or not at all.
 */
final class ImportReports {

    private ImportReports() {
    }

    /**
     * Writes the report's {@code rows} under {@code headers} (bundle keys, all text columns) to
     * {@code target}, an ODS unless its name ends in {@code .csv}; {@code then} once written, the
     * reason in {@code problem} if not.
     */
    static void save(I18n i18n, TaskRunner tasks, ErrorMessages errors, StringProperty problem, Path target,
                     List<String> headers, List<List<Object>> rows, Runnable then) {
        tasks.run(() -> {
            Workbook.Sheet sheet = new Workbook.Sheet(i18n.get("import.report.sheet"), headers.stream()
                    .map(h -> Workbook.Column.of(i18n.get(h), Workbook.Kind.TEXT)).toList(), rows);
            if (target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                SafeFiles.write(target, out -> CsvOutput.write(sheet, out));
            } else {
                Workbook workbook = new Workbook(i18n.get("import.report.sheet"), java.time.OffsetDateTime.now(),
                        List.of(sheet));
                SafeFiles.write(target, out -> fr.ancrage.documents.OdsOutput.write(workbook,
                        fr.ancrage.service.documents.Producer.label(), out));
            }
            return target;
        }, saved -> then.run(), e -> problem.set(errors.describe(e)));
    }

    /** The report's file name: {@code prefix}, the imported file's name without its extension, the day. */
    static String name(String prefix, Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return prefix + (dot > 0 ? name.substring(0, dot) : name) + "-" + LocalDate.now() + ".ods";
    }
}
