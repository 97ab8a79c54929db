package fr.ancrage.ui.imports;

import fr.ancrage.domain.imports.ReferenceUpdate;
import fr.ancrage.i18n.I18n;
import fr.ancrage.service.imports.ReferenceUpdateImport;
import fr.ancrage.service.imports.ReferenceUpdateTexts;
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

/**
 * The update of the administrative divisions (issue 18): the release read and compared with the
 * base in the background, every change shown (what records still use first to review), then, on
 * « Mettre à jour » only, applied in one transaction; the report can be saved.
 */
public final class ReferenceUpdateViewModel {

    public enum Step { READING, PREVIEW, WRITING, DONE, REFUSED }

    private final I18n i18n;
    private final ReferenceUpdateImport imports;
    private final TaskRunner tasks;
    private final ErrorMessages errors;
    private final Path folder;
    private final Runnable onWritten;
    private final ReferenceUpdateTexts texts;

    public final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.READING);
    public final ObjectProperty<ReferenceUpdate.Plan> plan = new SimpleObjectProperty<>();
    public final ObservableList<ReferenceUpdate.Change> shown = FXCollections.observableArrayList();
    public final BooleanProperty onlyReview = new SimpleBooleanProperty(false);
    public final StringProperty problem = new SimpleStringProperty("");

    public ReferenceUpdateViewModel(I18n i18n, ReferenceUpdateImport imports, TaskRunner tasks, ErrorMessages errors,
                                    Path folder, Runnable onWritten) {
        this.i18n = i18n;
        this.imports = imports;
        this.tasks = tasks;
        this.errors = errors;
        this.folder = folder;
        this.onWritten = onWritten;
        this.texts = new ReferenceUpdateTexts(i18n);
        onlyReview.subscribe(this::filter);
    }

    public Path folder() {
        return folder;
    }

    public ReferenceUpdateTexts texts() {
        return texts;
    }

    public void read() {
        step.set(Step.READING);
        problem.set("");
        tasks.run(() -> imports.preview(folder), p -> {
            plan.set(p);
            filter();
            step.set(Step.PREVIEW);
        }, e -> {
            problem.set(errors.describe(e));
            step.set(Step.REFUSED);
        });
    }

    private void filter() {
        ReferenceUpdate.Plan p = plan.get();
        if (p == null) {
            shown.clear();
            return;
        }
        // what records still use first: it needs the team's review
        List<ReferenceUpdate.Change> list = new ArrayList<>(p.toReview());
        if (!onlyReview.get()) {
            p.changes().stream().filter(c -> !c.kept()).forEach(list::add);
        }
        shown.setAll(list);
    }

    public String summary() {
        ReferenceUpdate.Plan p = plan.get();
        if (p == null) {
            return "";
        }
        return texts.summary(p) + (step.get() == Step.DONE || p.changesNothing() ? ""
                : " " + i18n.get("import.reference.nothingYet"));
    }

    public boolean somethingToWrite() {
        ReferenceUpdate.Plan p = plan.get();
        return p != null && !p.changesNothing();
    }

    public void update() {
        ReferenceUpdate.Plan p = plan.get();
        if (p == null || step.get() != Step.PREVIEW) {
            return;
        }
        problem.set("");
        step.set(Step.WRITING);
        tasks.run(() -> imports.write(p), done -> {
            plan.set(done);
            filter();
            step.set(Step.DONE);
            onWritten.run();
        }, e -> {
            problem.set(errors.describe(e));
            step.set(Step.PREVIEW);
        });
    }

    /** Saves every change (an ODS, or a CSV by its name): level, code, change, name, detail. */
    public void saveReport(Path target, Runnable then) {
        List<List<Object>> rows = new ArrayList<>();
        for (ReferenceUpdate.Change c : plan.get().changes()) {
            rows.add(List.of(texts.level(c), c.code(), texts.kind(c), texts.name(c), texts.detail(c)));
        }
        ImportReports.save(i18n, tasks, errors, problem, target, List.of("import.reference.col.level",
                "import.reference.col.code", "import.reference.col.change", "import.reference.col.name",
                "import.qpv.col.detail"), rows, then);
    }

    public String reportName() {
        return ImportReports.name("rapport-referentiel-", folder);
    }
}
