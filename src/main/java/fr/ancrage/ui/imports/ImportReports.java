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

/** The report an import leaves: one CSV, written in the background, whole or not at all. */
final class ImportReports {

    private ImportReports() {
    }

    /**
     * Writes the report's {@code rows} under {@code headers} (bundle keys, all text columns) to
     * {@code target}; {@code then} once written, the reason in {@code problem} if not.
     */
    static void save(I18n i18n, TaskRunner tasks, ErrorMessages errors, StringProperty problem, Path target,
                     List<String> headers, List<List<Object>> rows, Runnable then) {
        tasks.run(() -> {
            Workbook.Sheet sheet = new Workbook.Sheet(i18n.get("import.report.sheet"), headers.stream()
                    .map(h -> Workbook.Column.of(i18n.get(h), Workbook.Kind.TEXT)).toList(), rows);
            SafeFiles.write(target, out -> CsvOutput.write(sheet, out));
            return target;
        }, saved -> then.run(), e -> problem.set(errors.describe(e)));
    }

    /** The report's file name: {@code prefix}, the imported file's name without its extension, the day. */
    static String name(String prefix, Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return prefix + (dot > 0 ? name.substring(0, dot) : name) + "-" + LocalDate.now() + ".csv";
    }
}
