package fr.ancrage.ui.imports;

import fr.ancrage.domain.imports.QpvList;
import fr.ancrage.i18n.I18n;
import fr.ancrage.service.imports.QpvListImport;
import fr.ancrage.service.imports.QpvListTexts;
import fr.ancrage.ui.common.ErrorMessages;
import fr.ancrage.ui.common.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The import of the official QPV list (issue 18): the file read and compared with the base in the
 * background (nothing written; can be stopped), what would change shown QPV by QPV, then, on
 * « Importer » only, the new and changed QPVs written in one transaction and the report.
 */
public final class QpvListImportViewModel {

    public enum Step { READING, PREVIEW, WRITING, DONE, REFUSED }

    private final I18n i18n;
    private final QpvListImport imports;
    private final TaskRunner tasks;
    private final ErrorMessages errors;
    private final Path file;
    private final Runnable onWritten;
    private final QpvListTexts texts;

    public final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.READING);
    public final ObjectProperty<QpvListImport.Preview> preview = new SimpleObjectProperty<>();
    /** The QPVs shown: every one but the unchanged, unless asked. */
    public final ObservableList<QpvList.Line> shown = FXCollections.observableArrayList();
    public final BooleanProperty showUnchanged = new SimpleBooleanProperty(false);
    public final ObservableList<QpvListImport.Done> done = FXCollections.observableArrayList();
    public final StringProperty problem = new SimpleStringProperty("");
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private TaskRunner.Cancellable running;

    public QpvListImportViewModel(I18n i18n, QpvListImport imports, TaskRunner tasks, ErrorMessages errors, Path file,
                                  Runnable onWritten) {
        this.i18n = i18n;
        this.imports = imports;
        this.tasks = tasks;
        this.errors = errors;
        this.file = file;
        this.onWritten = onWritten;
        this.texts = new QpvListTexts(i18n);
        showUnchanged.subscribe(this::filter);
    }

    public Path file() {
        return file;
    }

    /** Reads the file and compares it with the base, in the background. */
    public void read() {
        step.set(Step.READING);
        problem.set("");
        cancelled.set(false);
        running = tasks.run(() -> imports.preview(file, cancelled::get), p -> {
            preview.set(p);
            filter();
            step.set(Step.PREVIEW);
        }, e -> {
            problem.set(e instanceof CancellationException ? i18n.get("import.qpv.cancelled") : errors.describe(e));
            step.set(Step.REFUSED);
        });
    }

    /** Stops the reading: nothing was written. */
    public void cancel() {
        cancelled.set(true);
        if (running != null && step.get() == Step.READING) {
            running.cancel();
            problem.set(i18n.get("import.qpv.cancelled"));
            step.set(Step.REFUSED);
        }
    }

    private void filter() {
        QpvListImport.Preview p = preview.get();
        shown.setAll(p == null ? List.of() : p.plan().lines().stream()
                .filter(l -> showUnchanged.get() || l.change() != QpvList.Change.UNCHANGED).toList());
    }

    /** Whether « Importer » has something to write. */
    public boolean somethingToWrite() {
        QpvListImport.Preview p = preview.get();
        return p != null && p.plan().count(QpvList.Change.NEW) + p.plan().count(QpvList.Change.UPDATED) > 0;
    }

    /** The summary of the preview: how many QPVs of which geography, and what would be done. */
    public String summary() {
        return preview.get() == null ? "" : texts.summary(preview.get()) + " " + i18n.get("import.qpv.summary.nothingYet");
    }

    /** The columns recognised, as the file names them. */
    public String columns() {
        return preview.get() == null ? "" : texts.columns(preview.get());
    }

    public String change(QpvList.Line l) {
        return texts.change(l);
    }

    public String detail(QpvList.Line l) {
        return texts.detail(preview.get(), l);
    }

    public String doneSummary() {
        return texts.done(done);
    }

    /** Writes the new and changed QPVs in one transaction. */
    public void importNow() {
        QpvListImport.Preview p = preview.get();
        if (p == null || step.get() != Step.PREVIEW) {
            return;
        }
        problem.set("");
        step.set(Step.WRITING);
        running = tasks.run(() -> imports.write(p), result -> {
            done.setAll(result);
            step.set(Step.DONE);
            onWritten.run();
        }, e -> {
            problem.set(errors.describe(e));
            step.set(Step.PREVIEW);
        });
    }

    /** Saves the report (an ODS, or a CSV by its name): code, name, outcome, detail. */
    public void saveReport(Path target, Runnable then) {
        List<List<Object>> rows = new ArrayList<>();
        for (QpvListImport.Done d : done) {
            rows.add(List.of(d.line().code(), d.line().name(), i18n.get("import.qpv.outcome." + d.outcome().name()),
                    detail(d.line())));
        }
        ImportReports.save(i18n, tasks, errors, problem, target, List.of("qpv.column.code", "qpv.column.name",
                "import.report.outcome", "import.report.why"), rows, then);
    }

    public String reportName() {
        return ImportReports.name("rapport-import-qpv-", file);
    }
}
