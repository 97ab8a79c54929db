package fr.ancrage.ui.documents;

import fr.ancrage.documents.Format;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.DashboardFilter;
import fr.ancrage.domain.Department;
import fr.ancrage.domain.Epci;
import fr.ancrage.i18n.I18n;
import fr.ancrage.service.documents.DocumentService;
import fr.ancrage.ui.common.ErrorMessages;
import fr.ancrage.ui.common.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The export screen's state: what (kind, convention, territory, year), in which formats, where; the
 * export runs in the background with its progress, can be cancelled (nothing partial stays), and
 * ends with the files written or a French message.
 */
public final class DocumentsViewModel {

    /** What the screen exports. */
    public enum Kind {
        FICHE(EnumSet.of(Format.PDF, Format.ODT), EnumSet.of(Format.PDF, Format.ODT)),
        TO_SIGN(EnumSet.of(Format.ODT, Format.PDF), EnumSet.of(Format.ODT, Format.PDF)),
        BILAN(EnumSet.allOf(Format.class), EnumSet.of(Format.PDF, Format.ODS)),
        PACKAGE(EnumSet.allOf(Format.class), EnumSet.of(Format.PDF, Format.ODS, Format.XLSX)),
        CEREMONY(EnumSet.allOf(Format.class), EnumSet.of(Format.PDF, Format.ODS));

        final Set<Format> allowed;
        final Set<Format> byDefault;

        Kind(Set<Format> allowed, Set<Format> byDefault) {
            this.allowed = allowed;
            this.byDefault = byDefault;
        }

        public boolean allows(Format f) {
            return allowed.contains(f);
        }

        /** The fiche and the convention to sign are about one convention; the others about a territory. */
        public boolean needsConvention() {
            return this == FICHE || this == TO_SIGN;
        }

        /** The bilan and its package are about a territory and a year. */
        public boolean needsTerritory() {
            return this == BILAN || this == PACKAGE;
        }
    }

    private final I18n i18n;
    private final DocumentService documents;
    private final TaskRunner tasks;
    private final ErrorMessages errors;

    public final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.BILAN);
    public final ObjectProperty<ConventionListItem> convention = new SimpleObjectProperty<>();
    public final ObjectProperty<Department> department = new SimpleObjectProperty<>();
    /** null: the whole department. */
    public final ObjectProperty<Epci> epci = new SimpleObjectProperty<>();
    public final ObjectProperty<Integer> year = new SimpleObjectProperty<>();
    public final StringProperty folder = new SimpleStringProperty("");
    public final Map<Format, BooleanProperty> formats = new EnumMap<>(Format.class);
    public final ObservableList<ConventionListItem> conventions = FXCollections.observableArrayList();
    public final ObservableList<Integer> years = FXCollections.observableArrayList();
    public final ObjectProperty<fr.ancrage.domain.CeremonyListItem> ceremony = new SimpleObjectProperty<>();
    public final ObservableList<fr.ancrage.domain.CeremonyListItem> ceremonies = FXCollections.observableArrayList();
    /** The documents of the ceremony to write (all by default). */
    public final Map<DocumentService.CeremonyDocument, BooleanProperty> ceremonyDocuments =
            new java.util.EnumMap<>(DocumentService.CeremonyDocument.class);
    /** How many originals of each convention to print: one per signing party, usually three. */
    public final javafx.beans.property.IntegerProperty originals = new javafx.beans.property.SimpleIntegerProperty(3);

    public final BooleanProperty running = new SimpleBooleanProperty();
    public final DoubleProperty progress = new SimpleDoubleProperty();
    public final StringProperty step = new SimpleStringProperty("");
    /** The outcome of the last export: the files written, or the message of its failure. */
    public final ObservableList<Path> written = FXCollections.observableArrayList();
    public final StringProperty outcome = new SimpleStringProperty("");
    public final BooleanProperty failed = new SimpleBooleanProperty();

    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private AtomicBoolean cancelled = new AtomicBoolean();

    public DocumentsViewModel(I18n i18n, DocumentService documents, TaskRunner tasks, ErrorMessages errors) {
        this.i18n = i18n;
        this.documents = documents;
        this.tasks = tasks;
        this.errors = errors;
        for (Format f : Format.values()) {
            formats.put(f, new SimpleBooleanProperty(Kind.BILAN.byDefault.contains(f)));
        }
        for (DocumentService.CeremonyDocument d : DocumentService.CeremonyDocument.values()) {
            ceremonyDocuments.put(d, new SimpleBooleanProperty(true));
        }
        kind.subscribe(k -> {
            for (Format f : Format.values()) {
                formats.get(f).set(k.byDefault.contains(f));
            }
        });
        List<javafx.beans.Observable> inputs = new java.util.ArrayList<>(List.of(kind, convention, department, year, folder,
                ceremony, originals));
        inputs.addAll(formats.values());
        inputs.addAll(ceremonyDocuments.values());
        problem.bind(Bindings.createStringBinding(this::check, inputs.toArray(javafx.beans.Observable[]::new)));
        // the outcome shown is that of the choices made: another choice clears it
        for (javafx.beans.value.ObservableValue<?> input : List.of(kind, convention, department, epci, year,
                ceremony)) {
            input.addListener((o, before, now) -> {
                if (!running.get()) {
                    outcome.set("");
                    written.clear();
                    failed.set(false);
                }
            });
        }
    }

    /** What is missing before the export can run (empty: nothing). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding canExport() {
        return problem.isEmpty().and(running.not());
    }

    private String check() {
        Kind k = kind.get();
        if (k.needsConvention() && convention.get() == null) {
            return i18n.get("documents.problem.convention");
        }
        if (k.needsTerritory() && department.get() == null) {
            return i18n.get("documents.problem.territory");
        }
        if (k.needsTerritory() && year.get() == null) {
            return i18n.get("documents.problem.year");
        }
        if (k == Kind.CEREMONY && ceremony.get() == null) {
            return i18n.get("documents.problem.ceremony");
        }
        if (k == Kind.CEREMONY && selectedCeremonyDocuments().isEmpty()) {
            return i18n.get("documents.problem.ceremonyDocument");
        }
        if (selectedFormats().isEmpty() && k != Kind.PACKAGE && k != Kind.CEREMONY) {
            return i18n.get("documents.problem.format");
        }
        if (folder.get() == null || folder.get().isBlank()) {
            return i18n.get("documents.problem.folder");
        }
        return "";
    }

    public Set<Format> selectedFormats() {
        Set<Format> chosen = EnumSet.noneOf(Format.class);
        formats.forEach((f, p) -> {
            if (p.get() && kind.get().allows(f)) {
                chosen.add(f);
            }
        });
        return chosen;
    }

    public Set<DocumentService.CeremonyDocument> selectedCeremonyDocuments() {
        Set<DocumentService.CeremonyDocument> chosen = EnumSet.noneOf(DocumentService.CeremonyDocument.class);
        ceremonyDocuments.forEach((d, p) -> {
            if (p.get()) {
                chosen.add(d);
            }
        });
        return chosen;
    }

    /** Prepares the export of one document of a ceremony (from the ceremonies screen). */
    public void prepareCeremony(DocumentService.CeremonyDocument only) {
        kind.set(Kind.CEREMONY);
        ceremonyDocuments.forEach((d, p) -> p.set(d == only));
    }

    public DashboardFilter territory() {
        if (epci.get() != null) {
            return new DashboardFilter(null, epci.get().siren(), null, null);
        }
        return new DashboardFilter(department.get() == null ? null : department.get().code(), null, null, null);
    }

    /** Starts the export in the background; the outcome and the files written follow. */
    public void export() {
        if (!problem.get().isEmpty() || running.get()) {
            return;
        }
        Kind k = kind.get();
        Path target = folderPath(folder.get());
        if (target == null) {
            failed.set(true);
            outcome.set(i18n.format("doc.error.noFolder", folder.get().strip()));
            return;
        }
        Set<Format> chosen = selectedFormats();
        DashboardFilter territory = territory();
        Integer y = year.get();
        ConventionListItem c = convention.get();
        var ceremonyChosen = ceremony.get();
        var ceremonyDocs = selectedCeremonyDocuments();
        int copies = originals.get();
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        running.set(true);
        failed.set(false);
        outcome.set("");
        written.clear();
        progress.set(0);
        step.set(i18n.get("doc.progress.reading"));
        DocumentService.Progress report = new DocumentService.Progress() {
            @Override
            public void step(int done, int total, String what) {
                tasks.onFxThread(() -> {
                    progress.set(total == 0 ? 0 : (double) done / total);
                    if (!what.isEmpty()) {
                        step.set(what);
                    }
                });
            }

            @Override
            public boolean cancelled() {
                return stop.get();
            }
        };
        tasks.run(() -> {
            if (!Files.isDirectory(target)) {
                throw new fr.ancrage.domain.RuleViolationException("doc.error.noFolder", target.toString());
            }
            return switch (k) {
                case FICHE -> documents.exportFiche(c.id(), chosen, target, report).files();
                case TO_SIGN -> documents.exportConventionToSign(c.id(), chosen, target, report).files();
                case BILAN -> documents.exportBilan(territory, y, chosen, target, report).files();
                case PACKAGE -> List.of(documents.exportBilanPackage(territory, y, chosen, target, report));
                case CEREMONY -> documents.exportCeremony(ceremonyChosen.id(), ceremonyDocs, copies, chosen, target,
                        report).files();
            };
        }, files -> {
            running.set(false);
            progress.set(1);
            step.set("");
            written.setAll(files);
            outcome.set(i18n.format("documents.done", files.size(), target.toAbsolutePath().normalize().toString()));
        }, error -> {
            running.set(false);
            progress.set(0);
            step.set("");
            failed.set(true);
            outcome.set(errors.describe(error));
        });
    }

    /** The team's own template of the convention to sign (empty: the one provided is used). */
    public final ObjectProperty<java.util.Optional<Path>> customTemplate = new SimpleObjectProperty<>(java.util.Optional.empty());

    /** Reads which template of the convention to sign is in use. */
    public void refreshTemplate() {
        tasks.run(documents::customConventionTemplate, customTemplate::set, error -> org.slf4j.LoggerFactory
                .getLogger(DocumentsViewModel.class).warn("The template folder could not be read", error));
    }

    /**
     * Copies the provided template into the data folder (unless the team has one already) and hands
     * its path to {@code open}.
     */
    public void editTemplate(java.util.function.Consumer<Path> open) {
        tasks.run(documents::editableConventionTemplate, path -> {
            customTemplate.set(java.util.Optional.of(path));
            open.accept(path);
        }, error -> {
            failed.set(true);
            outcome.set(errors.describe(error));
        });
    }

    /** Back to the provided template; the team's copy is kept as .bak. */
    public void useProvidedTemplate() {
        tasks.run(() -> {
            documents.useProvidedConventionTemplate();
            return documents.customConventionTemplate();
        }, customTemplate::set, error -> {
            failed.set(true);
            outcome.set(errors.describe(error));
        });
    }

    /** The folder typed, or null when no file system could name it (characters it refuses). */
    static Path folderPath(String typed) {
        try {
            return Path.of(typed == null || typed.isBlank() ? "." : typed.strip());
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /**
     * The year a bilan is proposed for: the latest year whose realised values are in
     * ({@code latestReported}, null: none), among the {@code years} the conventions cover; without
     * any, last year, else the latest year gone by, else the first to come; null without years.
     * Never a year whose figures are all to come (issue 16).
     */
    public static Integer proposedYear(List<Integer> years, Integer latestReported, java.time.LocalDate today) {
        if (years.isEmpty()) {
            return null;
        }
        if (latestReported != null && years.contains(latestReported)) {
            return latestReported;
        }
        int lastYear = today.getYear() - 1;
        if (years.contains(lastYear)) {
            return lastYear;
        }
        return years.stream().filter(y -> y <= today.getYear()).reduce((a, b) -> b).orElse(years.getFirst());
    }

    /** Asks the running export to stop; it deletes what it had written and reports « annulé ». */
    public void cancel() {
        cancelled.set(true);
    }
}
