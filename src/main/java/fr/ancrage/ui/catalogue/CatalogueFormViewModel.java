package fr.ancrage.ui.catalogue;

import fr.ancrage.domain.ActionType;
import fr.ancrage.domain.Catalogue;
import fr.ancrage.domain.CatalogueRules;
import fr.ancrage.domain.EngagementCategory;
import fr.ancrage.domain.PaqteAxis;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.ui.catalogue.CatalogueEntry.CategoryEntry;
import fr.ancrage.ui.catalogue.CatalogueEntry.TypeEntry;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The form of the référentiel: a category (name, active) or an action type (name, PaQte axis, active
 * and the ordered indicators its form asks for). Changes wait for "Enregistrer"; the name is checked
 * as the user types.
 */
public final class CatalogueFormViewModel {

    /** What the form edits; {@code null} when nothing is open. */
    public enum Kind { CATEGORY, ACTION_TYPE }

    private final ObservableValue<Catalogue> catalogue;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<CatalogueEntry> original = new SimpleObjectProperty<>();
    private final ObjectProperty<UUID> categoryId = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<PaqteAxis> axis = new SimpleObjectProperty<>();
    private final BooleanProperty active = new SimpleBooleanProperty(true);
    private final ObservableList<UUID> indicatorIds = FXCollections.observableArrayList();
    private final ObjectProperty<List<Issue>> nameIssues = new SimpleObjectProperty<>(List.of());
    private final BooleanProperty dirty = new SimpleBooleanProperty(false);
    private boolean loading;

    public CatalogueFormViewModel(ObservableValue<Catalogue> catalogue) {
        this.catalogue = catalogue;
        name.subscribe(v -> {
            if (!loading) {
                checkName();
            }
        });
        for (Observable o : new Observable[] {name, axis, active, indicatorIds}) {
            fr.ancrage.ui.common.Changes.onChange(o, () -> {
                if (!loading) {
                    dirty.set(true);
                }
            });
        }
    }

    public void clear() {
        start(null, null, null);
    }

    /** Opens a stored entry. */
    public void load(CatalogueEntry entry) {
        UUID category = switch (entry) {
            case CategoryEntry c -> c.id();
            case TypeEntry t -> t.type().categoryId();
        };
        start(entry instanceof CategoryEntry ? Kind.CATEGORY : Kind.ACTION_TYPE, entry, category);
    }

    public void startCategory() {
        start(Kind.CATEGORY, null, null);
    }

    public void startActionType(UUID category) {
        start(Kind.ACTION_TYPE, null, category);
    }

    private void start(Kind newKind, CatalogueEntry entry, UUID category) {
        loading = true;
        kind.set(newKind);
        original.set(entry);
        categoryId.set(category);
        name.set(entry == null ? "" : entry.name());
        active.set(entry == null || entry.active());
        axis.set(entry instanceof TypeEntry t ? t.type().axis() : null);
        indicatorIds.setAll(entry instanceof TypeEntry t ? t.type().indicatorIds() : List.of());
        nameIssues.set(List.of());
        loading = false;
        dirty.set(false);
    }

    /**
     * After the catalogue was reloaded: an untouched form shows the stored entry again; a form with
     * changes keeps them on top of the stored version (so that saving is not refused as stale) and
     * forgets indicators deleted meanwhile. False when the entry no longer exists.
     */
    public boolean refresh(Catalogue fresh) {
        CatalogueEntry entry = original.get();
        if (entry == null) {
            return kind.get() == null || categoryId.get() == null || fresh.category(categoryId.get()).isPresent();
        }
        CatalogueEntry stored = switch (entry) {
            case CategoryEntry c -> fresh.category(c.id()).map(CategoryEntry::new).orElse(null);
            case TypeEntry t -> fresh.actionType(t.id()).map(TypeEntry::new).orElse(null);
        };
        if (stored == null) {
            return false;
        }
        if (!dirty.get()) {
            load(stored);
            return true;
        }
        loading = true;
        original.set(stored);
        indicatorIds.removeIf(id -> fresh.indicator(id).isEmpty());
        loading = false;
        return true;
    }

    /** The stored entry changed its state (deactivated from the toolbar): the form follows, changes kept. */
    public void followActive(boolean value) {
        loading = true;
        active.set(value);
        loading = false;
    }

    public EngagementCategory toCategory() {
        EngagementCategory stored = original.get() instanceof CategoryEntry c ? c.category() : null;
        return stored == null
                ? new EngagementCategory(RecordMeta.fresh(), "", name.get(), 0, active.get())
                : new EngagementCategory(stored.meta(), stored.code(), name.get(), stored.position(), active.get());
    }

    public ActionType toActionType() {
        ActionType stored = original.get() instanceof TypeEntry t ? t.type() : null;
        return stored == null
                ? new ActionType(RecordMeta.fresh(), categoryId.get(), "", name.get(), axis.get(), 0, active.get(),
                List.copyOf(indicatorIds))
                : new ActionType(stored.meta(), stored.categoryId(), stored.code(), name.get(), axis.get(),
                stored.position(), active.get(), List.copyOf(indicatorIds));
    }

    private Map<String, List<Issue>> check() {
        Catalogue all = catalogue.getValue();
        return switch (kind.get()) {
            case CATEGORY -> CatalogueRules.checkCategory(toCategory(), all.categories());
            case ACTION_TYPE -> CatalogueRules.checkActionType(toActionType(), all.actionTypesOf(categoryId.get()), all);
            case null -> Map.of();
        };
    }

    private void checkName() {
        nameIssues.set(check().getOrDefault(CatalogueRules.NAME, List.of()));
    }

    /** Runs the rules on the whole form; true when it can be saved. */
    public boolean validateAll() {
        checkName();
        return !Issue.anyError(nameIssues.get());
    }

    /** Shows the store's refusals at the name field; returns those the form has no field for. */
    public Map<String, List<Issue>> showIssues(Map<String, List<Issue>> found) {
        Map<String, List<Issue>> rest = new LinkedHashMap<>(found);
        List<Issue> atName = rest.remove(CatalogueRules.NAME);
        if (atName != null) {
            nameIssues.set(atName);
        }
        return rest;
    }

    /** Moves an indicator of the action type's form up (-1) or down (+1). */
    public void move(UUID indicatorId, int delta) {
        int index = indicatorIds.indexOf(indicatorId);
        int target = index + delta;
        if (index < 0 || target < 0 || target >= indicatorIds.size()) {
            return;
        }
        indicatorIds.remove(index);
        indicatorIds.add(target, indicatorId);
    }

    public void addIndicator(UUID indicatorId) {
        if (!indicatorIds.contains(indicatorId)) {
            indicatorIds.add(indicatorId);
        }
    }

    /** Adds an indicator the store already put on the stored form, without counting it as a change. */
    public void addStoredIndicator(ActionType stored, UUID indicatorId) {
        loading = true;
        original.set(new TypeEntry(stored));
        if (!indicatorIds.contains(indicatorId)) {
            indicatorIds.add(indicatorId);
        }
        loading = false;
    }

    public void removeIndicator(UUID indicatorId) {
        indicatorIds.remove(indicatorId);
    }

    public boolean isNew() {
        return original.get() == null;
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public ObjectProperty<CatalogueEntry> originalProperty() {
        return original;
    }

    public ObjectProperty<UUID> categoryIdProperty() {
        return categoryId;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<PaqteAxis> axisProperty() {
        return axis;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    public ObservableList<UUID> indicatorIds() {
        return indicatorIds;
    }

    public ObjectProperty<List<Issue>> nameIssues() {
        return nameIssues;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }
}
