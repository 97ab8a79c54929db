package fr.ancrage.ui.imports;

import fr.ancrage.documents.sheets.CsvSettings;
import fr.ancrage.domain.imports.ColumnMapping;
import fr.ancrage.domain.imports.ImportField;
import fr.ancrage.i18n.I18n;
import fr.ancrage.domain.imports.SheetKind;
import fr.ancrage.service.imports.SheetImport;
import fr.ancrage.service.imports.SheetImports;
import fr.ancrage.ui.common.ErrorMessages;
import fr.ancrage.ui.common.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The import of a team's spreadsheet, step by step (issue 18): the file opened in the background,
 * what it holds found out (organisations, contacts, conventions, engagements; the user can correct it) and its
 * first rows shown as read, the columns mapped (recognised from their headers, changed by the
 * user), every row checked (nothing written), a decision per row, then, on « Importer » only, the
 * rows written in one transaction and a report that can be saved.
 */
public final class SheetImportViewModel {

    /** Where the import stands. */
    public enum Step { OPENING, MAPPING, CHECKING, PREVIEW, WRITING, DONE, REFUSED }

    private final I18n i18n;
    private final SheetImports sheets;
    private final TaskRunner tasks;
    private final ErrorMessages errors;
    private final Path file;
    private final Runnable onWritten;

    public final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.OPENING);
    public final ObjectProperty<SheetImport.Opened> opened = new SimpleObjectProperty<>();
    public final ObjectProperty<ColumnMapping> mapping = new SimpleObjectProperty<>(new ColumnMapping(Map.of()));
    public final ObjectProperty<SheetImport.Preview> preview = new SimpleObjectProperty<>();
    public final ObservableList<SheetImport.Done> done = FXCollections.observableArrayList();
    /** What went wrong, said in French: a file refused, a mapping to change, a row's decision. */
    public final StringProperty problem = new SimpleStringProperty("");
    /** The names of the mappings saved for this import. */
    public final ObservableList<String> mappingNames = FXCollections.observableArrayList();
    /** The saved mapping the columns are read with ("" for none). */
    public final StringProperty mappingName = new SimpleStringProperty("");
    /** What was last done with a saved mapping, said in French (« Correspondance enregistrée »…). */
    public final StringProperty mappingNote = new SimpleStringProperty("");
    /** The decisions the user changed, by row number. */
    public final Map<Integer, SheetImport.Decision> decisions = new HashMap<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private TaskRunner.Cancellable running;

    public SheetImportViewModel(I18n i18n, SheetImports sheets, TaskRunner tasks, ErrorMessages errors,
                                Path file, Runnable onWritten) {
        this.i18n = i18n;
        this.sheets = sheets;
        this.tasks = tasks;
        this.errors = errors;
        this.file = file;
        this.onWritten = onWritten;
    }

    public Path file() {
        return file;
    }

    /** Opens the file (again, with another sheet or CSV settings): back to the mapping. */
    public void open(CsvSettings csv, int sheet) {
        open(csv, sheet, null);
    }

    /** As {@link #open(CsvSettings, int)}; {@code headerRow}: the row of the headers, 0 for none (null: found out). */
    public void open(CsvSettings csv, int sheet, Integer headerRow) {
        step.set(Step.OPENING);
        problem.set("");
        // what the sheet holds: found out at the first opening, then the user's
        SheetKind kind = opened.get() == null ? null : opened.get().kind();
        running = tasks.run(() -> {
            SheetImport.Opened o = sheets.open(file, csv, sheet, headerRow, kind);
            return new Object[] {o, sheets.of(o.kind()).mappings()};
        }, this::showOpened, e -> {
            problem.set(errors.describe(e));
            step.set(opened.get() == null ? Step.REFUSED : Step.MAPPING);
        });
    }

    /** Reads the sheet as holding {@code kind}: its columns recognised again for that kind's fields. */
    public void chooseKind(SheetKind kind) {
        SheetImport.Opened o = opened.get();
        if (o == null || kind == null || kind == o.kind()) {
            return;
        }
        problem.set("");
        running = tasks.run(() -> {
            SheetImport target = sheets.of(kind);
            return new Object[] {target.as(o), target.mappings()};
        }, this::showOpened, e -> problem.set(errors.describe(e)));
    }

    /** What the sheet holds now. */
    public SheetKind kind() {
        return opened.get() == null ? SheetKind.ORGANISATIONS : opened.get().kind();
    }

    /** The file opened (or read as another kind's): its columns, the mappings saved for its kind. */
    private void showOpened(Object[] result) {
        SheetImport.Opened o = (SheetImport.Opened) result[0];
        @SuppressWarnings("unchecked")
        List<fr.ancrage.domain.imports.SavedMapping> saved = (List<fr.ancrage.domain.imports.SavedMapping>) result[1];
        mappingNames.setAll(saved.stream().map(fr.ancrage.domain.imports.SavedMapping::name).toList());
        mappingNote.set(o.mappingName().isEmpty() ? "" : i18n.format("import.mapping.applied", o.mappingName()));
        mappingName.set(o.mappingName());
        mapping.set(o.recognised());
        opened.set(o);
        step.set(Step.MAPPING);
    }

    /** Reads the columns with the mapping saved under {@code name}. */
    public void useMapping(String name) {
        SheetImport.Opened o = opened.get();
        if (o == null || name == null || name.equals(o.mappingName())) {
            return;
        }
        tasks.run(() -> sheets.of(o.kind()).withMapping(o, name), with -> {
            mappingNote.set(i18n.format("import.mapping.applied", name));
            mappingName.set(name);
            opened.set(with);
            mapping.set(with.recognised());
        }, e -> problem.set(errors.describe(e)));
    }

    /** Saves the columns as they are mapped now under {@code name}, for the next file of the same shape. */
    public void saveMapping(String name) {
        SheetImport.Opened o = opened.get();
        ColumnMapping m = mapping.get();
        if (o == null) {
            return;
        }
        problem.set("");
        tasks.run(() -> {
            // what the sheet holds as captured here, never read from the thread of the task
            SheetImport target = sheets.of(o.kind());
            var saved = target.saveMapping(name, o, m);
            return new Object[] {saved, target.mappings()};
        }, result -> {
            var saved = (fr.ancrage.domain.imports.SavedMapping) result[0];
            @SuppressWarnings("unchecked")
            List<fr.ancrage.domain.imports.SavedMapping> all = (List<fr.ancrage.domain.imports.SavedMapping>) result[1];
            mappingNames.setAll(all.stream().map(fr.ancrage.domain.imports.SavedMapping::name).toList());
            mappingNote.set(i18n.format("import.mapping.saved", saved.name()));
            mappingName.set(saved.name());
        }, e -> problem.set(errors.describe(e)));
    }

    /** The field a column fills (null: none). */
    public void map(int column, ImportField field) {
        mapping.set(mapping.get().with(column, field));
    }

    /** Why the mapping cannot be used yet, or empty. */
    public String mappingProblem() {
        return SheetImport.mappingProblem(i18n, kind(), mapping.get());
    }

    /** Checks every row in the background; nothing is written. Can be cancelled. */
    public void check() {
        if (!mappingProblem().isEmpty()) {
            problem.set(mappingProblem());
            return;
        }
        problem.set("");
        cancelled.set(false);
        decisions.clear();
        step.set(Step.CHECKING);
        SheetImport.Opened o = opened.get();
        ColumnMapping m = mapping.get();
        running = tasks.run(() -> sheets.of(o.kind()).preview(o, m, cancelled::get), p -> {
            preview.set(p);
            step.set(Step.PREVIEW);
        }, e -> {
            if (!(e instanceof java.util.concurrent.CancellationException)) {
                problem.set(errors.describe(e));
            }
            step.set(Step.MAPPING);
        });
    }

    /** Stops a check under way: back to the mapping. */
    public void cancel() {
        cancelled.set(true);
        if (running != null && step.get() == Step.CHECKING) {
            running.cancel();
            step.set(Step.MAPPING);
        }
    }

    public void backToMapping() {
        step.set(Step.MAPPING);
        problem.set("");
    }

    /** The decision of a row: the user's, or the one proposed. */
    public SheetImport.Decision decision(SheetImport.Line line) {
        return decisions.getOrDefault(line.row().number(), line.proposed());
    }

    public void decide(SheetImport.Line line, SheetImport.Decision decision) {
        if (decision == null || decision == line.proposed()) {
            decisions.remove(line.row().number());
        } else {
            decisions.put(line.row().number(), decision);
        }
    }

    /**
     * Takes {@code decision} for every row of {@code group} that allows it; returns how many rows
     * it applies to.
     */
    public int decideAll(SheetImport.Group group, SheetImport.Decision decision) {
        SheetImport.Preview p = preview.get();
        if (p == null) {
            return 0;
        }
        int n = 0;
        for (SheetImport.Line l : p.lines()) {
            if (l.group() == group && l.choices().contains(decision)) {
                decide(l, decision);
                n++;
            }
        }
        return n;
    }

    /** The groups of rows the preview holds, with how many rows each. */
    public java.util.Map<SheetImport.Group, Long> groups() {
        SheetImport.Preview p = preview.get();
        java.util.Map<SheetImport.Group, Long> counts = new java.util.EnumMap<>(SheetImport.Group.class);
        if (p != null) {
            p.lines().forEach(l -> counts.merge(l.group(), 1L, Long::sum));
        }
        return counts;
    }

    /** How many rows each decision takes now. */
    public long count(SheetImport.Decision d) {
        SheetImport.Preview p = preview.get();
        return p == null ? 0 : p.lines().stream().filter(l -> decision(l) == d).count();
    }

    /** Writes the rows as decided, in one transaction. */
    public void importNow() {
        SheetImport.Preview p = preview.get();
        if (p == null || step.get() != Step.PREVIEW) {
            return;
        }
        problem.set("");
        step.set(Step.WRITING);
        Map<Integer, SheetImport.Decision> chosen = Map.copyOf(decisions);
        running = tasks.run(() -> sheets.of(p.opened().kind()).write(p, chosen), result -> {
            done.setAll(result);
            step.set(Step.DONE);
            onWritten.run();
        }, e -> {
            problem.set(errors.describe(e));
            step.set(Step.PREVIEW);
        });
    }

    /** How many rows ended as {@code outcome}. */
    public long doneCount(SheetImport.Outcome outcome) {
        return done.stream().filter(d -> d.outcome() == outcome).count();
    }

    /** Saves the report (an ODS, or a CSV by its name): one line per row, its number, name, outcome, why. */
    public void saveReport(Path target, Runnable then) {
        List<List<Object>> rows = new ArrayList<>();
        for (SheetImport.Done d : done) {
            rows.add(List.of(String.valueOf(d.row()), d.name(), i18n.get("import.outcome." + d.outcome().name()), d.why()));
        }
        ImportReports.save(i18n, tasks, errors, problem, target, List.of("import.report.row", "import.kind." + kind().name() + ".name",
                "import.report.outcome", "import.report.why"), rows, then);
    }

    /** The report's file name: the spreadsheet's, dated. */
    public String reportName() {
        return ImportReports.name("rapport-import-", file);
    }
}
