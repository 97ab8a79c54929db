package fr.ancrage.ui.catalogue;

import fr.ancrage.domain.ActionType;
import fr.ancrage.domain.Catalogue;
import fr.ancrage.domain.EngagementCategory;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.Text;
import fr.ancrage.domain.ValidationException;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.service.CatalogueService;
import fr.ancrage.service.CatalogueService.Usage;
import fr.ancrage.ui.catalogue.CatalogueEntry.CategoryEntry;
import fr.ancrage.ui.catalogue.CatalogueEntry.TypeEntry;
import fr.ancrage.ui.common.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The référentiel des engagements: the catalogue and its use, loaded off the FX thread, the tree
 * filtered by name, the form of the selected entry and the changes that go to the store at once
 * (indicators, deactivation, deletion). Deactivated entries stay listed so they can be reactivated.
 */
public final class CatalogueViewModel {

    /** A category and its action types, as the tree shows them. */
    public record Branch(EngagementCategory category, List<ActionType> types) {
    }

    /** An indicator of the open form, with the number of targets already set on it. */
    public record IndicatorRow(Indicator indicator, int uses) {
    }

    private record Snapshot(Catalogue catalogue, Usage usage) {
    }

    private final CatalogueService service;
    private final TaskRunner tasks;
    private final ObjectProperty<Catalogue> catalogue = new SimpleObjectProperty<>(Catalogue.empty());
    private final ObjectProperty<Usage> usage = new SimpleObjectProperty<>(new Usage(Map.of(), Map.of()));
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObservableList<Branch> branches = FXCollections.observableArrayList();
    private final ObservableList<IndicatorRow> rows = FXCollections.observableArrayList();
    private final ObservableList<Indicator> addable = FXCollections.observableArrayList();
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private final CatalogueFormViewModel form = new CatalogueFormViewModel(catalogue);

    public CatalogueViewModel(CatalogueService service, TaskRunner tasks) {
        this.service = service;
        this.tasks = tasks;
        searchText.subscribe(t -> refilter());
        form.indicatorIds().addListener((ListChangeListener<UUID>) c -> refreshRows());
        form.kindProperty().subscribe(k -> refreshRows());
        form.categoryIdProperty().subscribe(k -> refreshRows());
    }

    /** Loads the catalogue and its use; the open form keeps its unsaved changes. */
    public void load(Consumer<Throwable> onFailure, Runnable then) {
        tasks.run(this::snapshot, s -> {
            apply(s);
            loaded.set(true);
            then.run();
        }, onFailure);
    }

    private Snapshot snapshot() {
        return new Snapshot(service.catalogue(), service.usage());
    }

    private void apply(Snapshot s) {
        catalogue.set(s.catalogue());
        usage.set(s.usage());
        if (!form.refresh(s.catalogue())) {
            form.clear();
        }
        refilter();
        refreshRows();
    }

    /**
     * Runs {@code work} in the background, then, on the FX thread: {@code before} (the form takes the
     * result), the reloaded catalogue, and {@code after} (the view selects, says…).
     */
    private <T> void change(Callable<T> work, Consumer<T> before, Consumer<T> after, Consumer<Throwable> onFailure) {
        tasks.run(() -> new Changed<>(work.call(), snapshot()), result -> {
            before.accept(result.value());
            apply(result.snapshot());
            after.accept(result.value());
        }, onFailure);
    }

    private record Changed<T>(T value, Snapshot snapshot) {
    }

    private void refilter() {
        String key = Text.searchKey(searchText.get());
        Catalogue all = catalogue.get();
        List<Branch> shown = new ArrayList<>();
        for (EngagementCategory category : all.categories()) {
            List<ActionType> types = all.actionTypesOf(category.id());
            boolean categoryMatches = key.isEmpty() || Text.searchKey(category.name()).contains(key);
            List<ActionType> matching = categoryMatches ? types
                    : types.stream().filter(t -> Text.searchKey(t.name()).contains(key)).toList();
            if (categoryMatches || !matching.isEmpty()) {
                shown.add(new Branch(category, matching));
            }
        }
        branches.setAll(shown);
    }

    private void refreshRows() {
        Catalogue all = catalogue.get();
        UUID categoryId = form.categoryIdProperty().get();
        List<Indicator> indicators = switch (form.kindProperty().get()) {
            case ACTION_TYPE -> form.indicatorIds().stream().map(all::indicator).flatMap(Optional::stream).toList();
            case CATEGORY -> categoryId == null ? List.of() : all.indicatorsOf(categoryId);
            case null -> List.of();
        };
        rows.setAll(indicators.stream().map(i -> new IndicatorRow(i, usage.get().ofIndicator(i.id()))).toList());
        addable.setAll(form.kindProperty().get() != CatalogueFormViewModel.Kind.ACTION_TYPE || categoryId == null
                ? List.of()
                : all.indicatorsOf(categoryId).stream()
                .filter(i -> i.active() && !form.indicatorIds().contains(i.id())).toList());
    }

    /** Opens the stored version of an entry in the form. */
    public void open(CatalogueEntry entry) {
        find(entry.id()).ifPresentOrElse(form::load, () -> form.load(entry));
    }

    /** The entry with this id in the loaded catalogue. */
    public Optional<CatalogueEntry> find(UUID id) {
        Catalogue all = catalogue.get();
        return all.category(id).<CatalogueEntry>map(CategoryEntry::new)
                .or(() -> all.actionType(id).map(TypeEntry::new));
    }

    public void newCategory() {
        form.startCategory();
    }

    public void newActionType(UUID categoryId) {
        form.startActionType(categoryId);
    }

    /**
     * Saves the form. A refusal of the name shows at the field; other refusals and failures go to
     * {@code onFailure}. Does nothing (but show the messages) when the form is not valid.
     */
    public void save(Consumer<CatalogueEntry> onSaved, Consumer<Throwable> onFailure) {
        if (!form.validateAll()) {
            return;
        }
        // the candidate is read here, on the FX thread; only the store works in the background
        Callable<CatalogueEntry> work;
        if (form.kindProperty().get() == CatalogueFormViewModel.Kind.CATEGORY) {
            EngagementCategory candidate = form.toCategory();
            work = () -> new CategoryEntry(service.save(candidate));
        } else {
            ActionType candidate = form.toActionType();
            work = () -> new TypeEntry(service.save(candidate));
        }
        change(work, form::load, onSaved, error -> {
            if (error instanceof ValidationException v) {
                Map<String, List<Issue>> rest = form.showIssues(v.issues());
                if (!rest.isEmpty()) {
                    onFailure.accept(new ValidationException(rest));
                }
            } else {
                onFailure.accept(error);
            }
        });
    }

    /** Deactivates the stored entry, or reactivates it; the form keeps its other changes. */
    public void toggleActive(Runnable onDone, Consumer<Throwable> onFailure) {
        CatalogueEntry entry = form.originalProperty().get();
        if (entry == null) {
            return;
        }
        Callable<CatalogueEntry> work = switch (entry) {
            case CategoryEntry c -> () -> new CategoryEntry(service.save(c.category().withActive(!c.active())));
            case TypeEntry t -> () -> new TypeEntry(service.save(t.type().withActive(!t.active())));
        };
        change(work, saved -> { }, saved -> {
            form.followActive(saved.active());
            onDone.run();
        }, onFailure);
    }

    /** Deletes the stored entry; the store refuses one that is used (or, for a category, not empty). */
    public void delete(Runnable onDeleted, Consumer<Throwable> onFailure) {
        CatalogueEntry entry = form.originalProperty().get();
        if (entry == null) {
            return;
        }
        Runnable work = switch (entry) {
            case CategoryEntry c -> () -> service.deleteCategory(c.category());
            case TypeEntry t -> () -> service.deleteActionType(t.type());
        };
        change(() -> {
            work.run();
            return entry;
        }, deleted -> form.clear(), deleted -> onDeleted.run(), onFailure);
    }

    /**
     * A blank indicator for the open form's category, to fill in the dialog; empty when the form has
     * no stored category yet.
     */
    public Optional<Indicator> indicatorDraft() {
        UUID categoryId = form.categoryIdProperty().get();
        return categoryId == null ? Optional.empty()
                : Optional.of(new Indicator(RecordMeta.fresh(), categoryId, "", "", IndicatorUnit.COUNT, true, 0, true));
    }

    /** The other indicators of the category, against which a name is checked. */
    public List<Indicator> indicatorsOfCategory(UUID categoryId) {
        return catalogue.get().indicatorsOf(categoryId);
    }

    /**
     * Stores an indicator from the dialog. A new one joins the open action type's form: at once for
     * a stored action type ({@link CatalogueService#addIndicator}), with the form's other changes for
     * a new one.
     */
    public void saveIndicator(Indicator candidate, Runnable onSaved, Consumer<Throwable> onFailure) {
        CatalogueEntry entry = form.originalProperty().get();
        boolean forType = form.kindProperty().get() == CatalogueFormViewModel.Kind.ACTION_TYPE;
        if (candidate.meta().isNew() && forType && entry instanceof TypeEntry t) {
            change(() -> service.addIndicator(t.type(), candidate), stored -> form.addStoredIndicator(stored,
                    candidate.id()), stored -> onSaved.run(), onFailure);
        } else {
            change(() -> service.save(candidate), saved -> {
                if (candidate.meta().isNew() && forType) {
                    form.addIndicator(saved.id());
                }
            }, saved -> onSaved.run(), onFailure);
        }
    }

    /** Deactivates an indicator (it leaves the forms of new engagements) or reactivates it. */
    public void setIndicatorActive(Indicator indicator, boolean active, Consumer<Throwable> onFailure) {
        change(() -> service.save(indicator.withActive(active)), saved -> { }, saved -> { }, onFailure);
    }

    /** Deletes an indicator without targets; it leaves every form. */
    public void deleteIndicator(Indicator indicator, Runnable onDeleted, Consumer<Throwable> onFailure) {
        change(() -> {
            service.deleteIndicator(indicator);
            return indicator;
        }, deleted -> { }, deleted -> onDeleted.run(), onFailure);
    }

    /** How many engagements use an action type, or the action types of a category. */
    public int uses(CatalogueEntry entry) {
        return switch (entry) {
            case TypeEntry t -> usage.get().ofActionType(t.id());
            case CategoryEntry c -> catalogue.get().actionTypesOf(c.id()).stream()
                    .mapToInt(t -> usage.get().ofActionType(t.id())).sum();
        };
    }

    /**
     * True when the store would accept to delete the entry: an action type no engagement uses, an
     * empty category. (The store decides; this only spares a useless question.)
     */
    public boolean deletable(CatalogueEntry entry) {
        return switch (entry) {
            case TypeEntry t -> usage.get().ofActionType(t.id()) == 0;
            case CategoryEntry c -> catalogue.get().actionTypesOf(c.id()).isEmpty()
                    && catalogue.get().indicatorsOf(c.id()).isEmpty();
        };
    }

    public CatalogueFormViewModel form() {
        return form;
    }

    public ObjectProperty<Catalogue> catalogueProperty() {
        return catalogue;
    }

    public ObjectProperty<Usage> usageProperty() {
        return usage;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** The categories and action types to show, in catalogue order, filtered by the search text. */
    public ObservableList<Branch> branches() {
        return branches;
    }

    /** The indicators of the open form: those the action type asks for, or all those of the category. */
    public ObservableList<IndicatorRow> rows() {
        return rows;
    }

    /** The category's active indicators the open action type does not ask for yet. */
    public ObservableList<Indicator> addable() {
        return addable;
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }
}
