package fr.ancrage.ui.exchange;

import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.exchange.Merge;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.ExchangeKind;
import fr.ancrage.service.exchange.Decisions;
import fr.ancrage.service.exchange.ExchangeService;
import fr.ancrage.service.exchange.ImportPlan;
import fr.ancrage.ui.common.ErrorMessages;
import fr.ancrage.ui.common.Formats;
import fr.ancrage.ui.common.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The import of a package, step by step: read and checked in the background (the preview: nothing
 * written), the user's answers to its conflicts and to the records offered for merging, then, on
 * « Importer » only, everything written in one transaction; the result and its report, or the
 * French message of a refusal with the base unchanged.
 */
public final class ImportViewModel {

    /** Where the import stands. */
    public enum Step { READING, REFUSED, PREVIEW, WRITING, DONE }

    /** Which records of the package the list shows. */
    public enum Filter { ALL, NEW, UPDATED, DELETED, CONFLICT }

    /** The answer to one field changed differently on both sides; this base's value until told. */
    public final class FieldAnswer {
        final ExchangeKind kind;
        final Merge.FieldConflict conflict;
        public final ObjectProperty<Merge.Choice> choice = new SimpleObjectProperty<>(Merge.Choice.MINE);
        /** The value typed for « Modifier », as the interface writes it (25/12/2026, 12,5). */
        public final StringProperty edited = new SimpleStringProperty("");
        private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

        FieldAnswer(ExchangeKind kind, Merge.FieldConflict conflict) {
            this.kind = kind;
            this.conflict = conflict;
            edited.set(editable(conflict.mine()));
            problem.bind(Bindings.createStringBinding(() -> choice.get() == Merge.Choice.EDIT ? check() : "",
                    choice, edited));
        }

        public Merge.FieldConflict conflict() {
            return conflict;
        }

        /** What is wrong with the value typed (empty: nothing, or « Modifier » not chosen). */
        public ReadOnlyStringProperty problemProperty() {
            return problem.getReadOnlyProperty();
        }

        /** A value of the field can be typed: not a choice among values, a link to a record or yes/no. */
        public boolean mayBeEdited() {
            return ExchangeTexts.editable(kind, conflict.field(), conflict.mine(), conflict.theirs());
        }

        private boolean isDate() {
            return ExchangeTexts.isoDate(conflict.mine()).isPresent() || ExchangeTexts.isoDate(conflict.theirs()).isPresent();
        }

        private boolean isNumber() {
            return conflict.field().startsWith("target/") || conflict.field().equals("realisedValue");
        }

        private String editable(String raw) {
            if (raw == null) {
                return "";
            }
            if (isDate()) {
                return ExchangeTexts.isoDate(raw).map(Formats::date).orElse(raw);
            }
            if (isNumber()) {
                try {
                    return fr.ancrage.i18n.Numerals.of(i18n.locale()).decimal(new BigDecimal(raw), 0,
                            Formats.VALUE_DECIMALS).replace('\u202F', ' ').replace('\u00A0', ' ');
                } catch (NumberFormatException e) {
                    return raw;
                }
            }
            return raw;
        }

        private String check() {
            String typed = edited.get() == null ? "" : edited.get().strip();
            if (typed.isEmpty()) {
                return "";
            }
            if (isDate() && parseDate(typed).isEmpty()) {
                return i18n.get("exchange.edit.date");
            }
            if (isNumber() && Formats.parseAmount(typed).isEmpty()) {
                return i18n.get("exchange.edit.number");
            }
            return "";
        }

        /** The value typed, as the package and the base write it; null for none. */
        String raw() {
            String typed = edited.get() == null ? "" : edited.get().strip();
            if (isDate()) {
                return typed.isEmpty() ? null : parseDate(typed).map(LocalDate::toString).orElse(typed);
            }
            if (isNumber()) {
                return typed.isEmpty() ? null : Formats.parseAmount(typed).map(v -> v.signum() == 0 ? "0"
                        : v.stripTrailingZeros().toPlainString()).orElse(typed);
            }
            return edited.get() == null ? "" : edited.get();
        }

        Merge.Resolution resolution() {
            return switch (choice.get()) {
                case MINE -> Merge.Resolution.MINE;
                case THEIRS -> Merge.Resolution.THEIRS;
                case EDIT -> Merge.Resolution.edit(raw());
            };
        }
    }

    /** A record in conflict: its fields' answers, or (deleted on one side) keep or delete. */
    public final class RecordAnswer {
        final ImportPlan.Item item;
        /** For a deletion conflict: MINE keeps this base's side, THEIRS takes the package's. */
        public final ObjectProperty<Merge.Choice> choice = new SimpleObjectProperty<>(Merge.Choice.MINE);
        public final List<FieldAnswer> fields;

        RecordAnswer(ImportPlan.Item item) {
            this.item = item;
            List<FieldAnswer> list = new ArrayList<>();
            item.conflicts().forEach(c -> list.add(new FieldAnswer(item.kind(), c)));
            this.fields = List.copyOf(list);
        }

        public ImportPlan.Item item() {
            return item;
        }

        /** « Tout garder » / « Tout prendre »: the same answer for every field. */
        public void all(Merge.Choice answer) {
            choice.set(answer);
            fields.forEach(f -> f.choice.set(answer));
        }
    }

    /** A record of the package recognised as one of this base; when offered, the user may keep them apart. */
    public static final class MatchAnswer {
        final ImportPlan.Match match;
        public final BooleanProperty merge = new SimpleBooleanProperty(true);

        MatchAnswer(ImportPlan.Match match) {
            this.match = match;
            merge.set(match.merged() || !match.offered());
        }

        public ImportPlan.Match match() {
            return match;
        }
    }

    private final I18n i18n;
    private final ExchangeService exchange;
    private final TaskRunner tasks;
    private final ErrorMessages errors;
    private final Callable<Map<UUID, String>> catalogueNames;
    private final Path file;
    private final Runnable onImported;

    public final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.READING);
    /** Why the package was refused, or why the import failed (the base unchanged). */
    public final StringProperty problem = new SimpleStringProperty("");
    public final ObjectProperty<ImportPlan> preview = new SimpleObjectProperty<>();
    public final ObjectProperty<ImportPlan> result = new SimpleObjectProperty<>();
    public final StringProperty report = new SimpleStringProperty("");
    public final ObservableList<RecordAnswer> conflicts = FXCollections.observableArrayList();
    public final ObservableList<MatchAnswer> matches = FXCollections.observableArrayList();
    private final ObservableList<ImportPlan.Item> allItems = FXCollections.observableArrayList();
    public final FilteredList<ImportPlan.Item> items = new FilteredList<>(allItems);
    public final ObjectProperty<Filter> filter = new SimpleObjectProperty<>(Filter.ALL);
    /** Every value typed for « Modifier » is readable. */
    private final BooleanProperty editsReadable = new SimpleBooleanProperty(true);
    private final BooleanBinding canImport;
    private final Map<UUID, String> names = new HashMap<>();
    private TaskRunner.Cancellable reading;
    /** The user asked to stop the import being written: it is rolled back at its next step. */
    public final BooleanProperty cancelling = new SimpleBooleanProperty(false);
    private final AtomicBoolean stopImport = new AtomicBoolean();

    public ImportViewModel(I18n i18n, ExchangeService exchange, TaskRunner tasks, ErrorMessages errors,
                           Callable<Map<UUID, String>> catalogueNames, Path file, Runnable onImported) {
        this.i18n = i18n;
        this.exchange = exchange;
        this.tasks = tasks;
        this.errors = errors;
        this.catalogueNames = catalogueNames;
        this.file = file;
        this.onImported = onImported;
        filter.subscribe(f -> items.setPredicate(i -> f == Filter.ALL || i.outcome().name().equals(f.name())));
        canImport = Bindings.createBooleanBinding(() -> step.get() == Step.PREVIEW && editsReadable.get(), step,
                editsReadable);
    }

    public Path file() {
        return file;
    }

    /** « Importer » may be pressed: the preview is shown and every value typed is readable. */
    public BooleanBinding canImport() {
        return canImport;
    }

    /** The texts of kinds, fields and values, the names of the records the package and the catalogue know. */
    ExchangeTexts texts(ZoneId zone) {
        return new ExchangeTexts(i18n, zone, id -> Optional.ofNullable(names.get(id)));
    }

    /** Reads and checks the package, and computes what importing it would do: nothing is written. */
    public void read() {
        record Read(ImportPlan plan, Map<UUID, String> names) {
        }
        step.set(Step.READING);
        problem.set("");
        reading = tasks.run(() -> {
            ImportPlan plan = exchange.preview(file);
            Map<UUID, String> known = new HashMap<>();
            for (ImportPlan.Item i : plan.items()) {
                if (i.label() != null && !i.label().isBlank()) {
                    known.put(i.id(), i.label());
                }
            }
            for (ImportPlan.Match m : plan.matches()) {
                known.put(m.foreignId(), m.label());
                known.put(m.localId(), m.label());
            }
            known.putAll(catalogueNames.call());
            return new Read(plan, known);
        }, read -> {
            names.clear();
            names.putAll(read.names());
            show(read.plan());
        }, error -> {
            step.set(Step.REFUSED);
            problem.set(describe(error));
        });
    }

    /** Stops waiting for the preview (the dialog was closed); it writes nothing anyway. */
    public void abandon() {
        if (reading != null && step.get() == Step.READING) {
            reading.cancel();
        }
    }

    private void show(ImportPlan plan) {
        preview.set(plan);
        allItems.setAll(plan.items());
        List<RecordAnswer> answers = new ArrayList<>();
        plan.items().stream().filter(ImportPlan.Item::isConflict).forEach(i -> answers.add(new RecordAnswer(i)));
        conflicts.setAll(answers);
        Runnable readable = () -> editsReadable.set(conflicts.stream().flatMap(r -> r.fields.stream())
                .allMatch(f -> f.problem.get().isEmpty()));
        answers.stream().flatMap(r -> r.fields.stream()).forEach(f -> f.problem.addListener(o -> readable.run()));
        readable.run();
        List<MatchAnswer> m = new ArrayList<>();
        plan.matches().forEach(x -> m.add(new MatchAnswer(x)));
        matches.setAll(m);
        step.set(Step.PREVIEW);
    }

    /** How many records of the package the list shows under {@code f}. */
    public long count(Filter f) {
        return allItems.stream().filter(i -> f == Filter.ALL || i.outcome().name().equals(f.name())).count();
    }

    /** The user's answers as the service takes them. */
    public Decisions decisions() {
        Decisions d = Decisions.keepMine();
        for (RecordAnswer r : conflicts) {
            if (r.item.recordConflict() != Merge.RecordConflict.NONE) {
                d.record(r.item.id(), r.choice.get());
            } else {
                r.fields.forEach(f -> d.field(r.item.id(), f.conflict.field(), f.resolution()));
            }
        }
        for (MatchAnswer m : matches) {
            if (m.match.offered()) {
                d.merge(m.match.foreignId(), m.merge.get());
            }
        }
        return d;
    }

    /** Writes everything with the answers given, in one transaction, in the background. */
    public void importNow() {
        if (!canImport.get()) {
            return;
        }
        record Done(ImportPlan plan, String report) {
        }
        Decisions answers = decisions();
        ImportPlan shown = preview.get();
        // keeping a record apart only takes conflicts away (it arrives as a new record): the import is
        // refused only if it meets a conflict this preview did not show
        ImportPlan expected = shown;
        stopImport.set(false);
        cancelling.set(false);
        step.set(Step.WRITING);
        problem.set("");
        tasks.run(() -> {
            ImportPlan done = exchange.importPackage(file, answers, expected, stopImport::get);
            return new Done(done, exchange.reportText(done, answers));
        }, done -> {
            cancelling.set(false);
            result.set(done.plan());
            report.set(done.report());
            step.set(Step.DONE);
            onImported.run();
        }, error -> {
            cancelling.set(false);
            step.set(Step.PREVIEW);
            problem.set(error instanceof CancellationException
                    ? i18n.get("exchange.import.cancelled") : describe(error));
        });
    }

    /**
     * Stops the import being written: its transaction is rolled back at its next step, nothing
     * written, and the preview is shown again. An import past its last step ends whole.
     */
    public void cancelImport() {
        if (step.get() == Step.WRITING) {
            stopImport.set(true);
            cancelling.set(true);
        }
    }

    /** A refusal's French message (the exchange's own words), or any other failure's. */
    String describe(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof RuleViolationException r) {
                return exchange.message(r);
            }
        }
        return errors.describe(error);
    }

    static Optional<LocalDate> parseDate(String typed) {
        try {
            return Optional.of(LocalDate.parse(typed, Formats.DATE));
        } catch (DateTimeParseException e) {
            return ExchangeTexts.isoDate(typed);
        }
    }
}
