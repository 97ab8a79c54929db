package fr.ancrage.ui.organisations;

import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Department;
import fr.ancrage.domain.Epci;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.OrganisationListItem;
import fr.ancrage.domain.Text;
import fr.ancrage.service.OrganisationService;
import fr.ancrage.service.TerritoryService;
import fr.ancrage.ui.common.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The organisations list: loading off the FX thread, instant text search and filters. */
public final class OrganisationsViewModel {

    private final OrganisationService organisations;
    private final TerritoryService territories;
    private final TaskRunner tasks;

    private final ObservableList<OrganisationListItem> items = FXCollections.observableArrayList();
    private final FilteredList<OrganisationListItem> filtered = new FilteredList<>(items);
    private final SortedList<OrganisationListItem> sorted = new SortedList<>(filtered);
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<OrganisationKind> kindFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Department> departmentFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Epci> epciFilter = new SimpleObjectProperty<>();
    private final ObservableList<Department> departments = FXCollections.observableArrayList();
    private final ObservableList<Epci> epcis = FXCollections.observableArrayList();
    private final ObservableList<Commune> communes = FXCollections.observableArrayList();
    private boolean territoriesStale;
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);

    public OrganisationsViewModel(OrganisationService organisations, TerritoryService territories, TaskRunner tasks) {
        this.organisations = organisations;
        this.territories = territories;
        this.tasks = tasks;
        searchText.subscribe(t -> refilter());
        kindFilter.subscribe(k -> refilter());
        departmentFilter.subscribe(d -> {
            refreshEpciChoices();
            refilter();
        });
        epciFilter.subscribe(e -> refilter());
    }

    /** The territories are read again at the next load (the reference data was updated). */
    public void forgetTerritories() {
        territoriesStale = true;
    }

    /** Loads the list (and, the first time, the territories used by the filters and the form). */
    public void load(Consumer<Throwable> onFailure, Runnable then) {
        loading.set(true);
        boolean withTerritories = communes.isEmpty() || territoriesStale;
        territoriesStale = false;
        tasks.run(() -> new Snapshot(organisations.list(),
                        withTerritories ? territories.departments() : List.of(),
                        withTerritories ? territories.epcis() : List.of(),
                        withTerritories ? territories.communes() : List.of()),
                snapshot -> {
                    if (withTerritories) {
                        departments.setAll(snapshot.departments);
                        allEpcis.clear();
                        snapshot.epcis.forEach(e -> allEpcis.put(e.siren(), e));
                        communes.setAll(snapshot.communes);
                    }
                    items.setAll(snapshot.items);
                    refreshEpciChoices();
                    loading.set(false);
                    loaded.set(true);
                    then.run();
                },
                error -> {
                    loading.set(false);
                    onFailure.accept(error);
                });
    }

    private final Map<String, Epci> allEpcis = new TreeMap<>();

    private record Snapshot(List<OrganisationListItem> items, List<Department> departments, List<Epci> epcis,
                            List<Commune> communes) {
    }

    /** EPCI choices: those where organisations are, within the chosen department. */
    private void refreshEpciChoices() {
        Epci current = epciFilter.get();
        List<Epci> choices = new ArrayList<>();
        items.stream().map(OrganisationListItem::epciSiren).filter(s -> !s.isEmpty()).distinct()
                .map(allEpcis::get).filter(e -> e != null)
                .filter(e -> departmentFilter.get() == null || e.departmentCode().equals(departmentFilter.get().code()))
                .sorted(Comparator.comparing(Epci::name)).forEach(choices::add);
        epcis.setAll(choices);
        if (current != null && !choices.contains(current)) {
            epciFilter.set(null);
        }
    }

    private void refilter() {
        String key = Text.searchKey(searchText.get());
        OrganisationKind kind = kindFilter.get();
        Department department = departmentFilter.get();
        Epci epci = epciFilter.get();
        Predicate<OrganisationListItem> p = item -> (kind == null || item.organisation().kind() == kind)
                && (department == null || department.code().equals(item.departmentCode()))
                && (epci == null || epci.siren().equals(item.epciSiren()))
                && (key.isEmpty() || matches(item, key));
        filtered.setPredicate(p);
    }

    private static boolean matches(OrganisationListItem item, String key) {
        var o = item.organisation();
        String digits = key.replace(" ", "");
        return Text.searchKey(o.legalName()).contains(key)
                || Text.searchKey(item.communeName()).contains(key)
                || (!digits.isEmpty() && (o.siret().contains(digits) || o.siren().contains(digits)))
                || o.networks().stream().anyMatch(n -> Text.searchKey(n).contains(key));
    }

    public void clearFilters() {
        searchText.set("");
        kindFilter.set(null);
        departmentFilter.set(null);
        epciFilter.set(null);
    }

    public SortedList<OrganisationListItem> rows() {
        return sorted;
    }

    public ObservableList<OrganisationListItem> allItems() {
        return items;
    }

    public int visibleCount() {
        return filtered.size();
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<OrganisationKind> kindFilterProperty() {
        return kindFilter;
    }

    public ObjectProperty<Department> departmentFilterProperty() {
        return departmentFilter;
    }

    public ObjectProperty<Epci> epciFilterProperty() {
        return epciFilter;
    }

    public ObservableList<Department> departments() {
        return departments;
    }

    public ObservableList<Epci> epciChoices() {
        return epcis;
    }

    public ObservableList<Commune> communes() {
        return communes;
    }

    public Epci epci(String siren) {
        return allEpcis.get(siren);
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }
}
