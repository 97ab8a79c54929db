package fr.ancrage.ui.conventions;

import fr.ancrage.domain.ActionType;
import fr.ancrage.domain.Catalogue;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.EngagementCategory;
import fr.ancrage.domain.EngagementFacet;
import fr.ancrage.domain.PaqteAxis;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Department;
import fr.ancrage.domain.Epci;
import fr.ancrage.domain.Framework;
import fr.ancrage.domain.OrganisationListItem;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.Text;
import fr.ancrage.service.CatalogueService;
import fr.ancrage.service.ConventionService;
import fr.ancrage.service.EngagementService;
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

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** The conventions list with its search and filters, and the choices the form needs. */
public final class ConventionsViewModel {

    private final ConventionService conventions;
    private final OrganisationService organisations;
    private final TerritoryService territories;
    private final TaskRunner tasks;
    private final EngagementService engagements;
    private final CatalogueService catalogues;

    private final ObservableList<ConventionListItem> items = FXCollections.observableArrayList();
    private final FilteredList<ConventionListItem> filtered = new FilteredList<>(items);
    private final SortedList<ConventionListItem> sorted = new SortedList<>(filtered);
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<ConventionStatus> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Framework> frameworkFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Department> departmentFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Epci> epciFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<EngagementCategory> categoryFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<ActionType> actionTypeFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<PaqteAxis> axisFilter = new SimpleObjectProperty<>();
    private final ObservableList<EngagementCategory> categories = FXCollections.observableArrayList();
    private final ObservableList<ActionType> actionTypeChoices = FXCollections.observableArrayList();
    private Catalogue catalogue = Catalogue.empty();
    private Map<UUID, List<EngagementFacet>> facets = Map.of();
    private final ObservableList<Department> departments = FXCollections.observableArrayList();
    private boolean territoriesStale;
    private final ObservableList<Epci> allEpcis = FXCollections.observableArrayList();
    private final ObservableList<Epci> epciChoices = FXCollections.observableArrayList();
    private final ObservableList<OrganisationListItem> companies = FXCollections.observableArrayList();
    private final ObservableList<Qpv> qpvs = FXCollections.observableArrayList();
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);

    public ConventionsViewModel(ConventionService conventions, OrganisationService organisations,
                                TerritoryService territories, EngagementService engagements,
                                CatalogueService catalogues, TaskRunner tasks) {
        this.conventions = conventions;
        this.engagements = engagements;
        this.catalogues = catalogues;
        this.organisations = organisations;
        this.territories = territories;
        this.tasks = tasks;
        searchText.subscribe(t -> refilter());
        statusFilter.subscribe(t -> refilter());
        frameworkFilter.subscribe(t -> refilter());
        departmentFilter.subscribe(d -> {
            refreshEpciChoices();
            refilter();
        });
        epciFilter.subscribe(t -> refilter());
        categoryFilter.subscribe(c -> {
            refreshActionTypeChoices();
            refilter();
        });
        actionTypeFilter.subscribe(t -> refilter());
        axisFilter.subscribe(t -> refilter());
    }

    private void refreshActionTypeChoices() {
        EngagementCategory category = categoryFilter.get();
        ActionType current = actionTypeFilter.get();
        actionTypeChoices.setAll(category == null ? catalogue.actionTypes() : catalogue.actionTypesOf(category.id()));
        if (current != null && !actionTypeChoices.contains(current)) {
            actionTypeFilter.set(null);
        }
    }

    private record Snapshot(List<ConventionListItem> items, List<OrganisationListItem> companies, List<Qpv> qpvs,
                            List<Department> departments, List<Epci> epcis, Catalogue catalogue,
                            Map<UUID, List<EngagementFacet>> facets) {
    }

    /** The territories are read again at the next load (the reference data was updated). */
    public void forgetTerritories() {
        territoriesStale = true;
    }

    public void load(Consumer<Throwable> onFailure, Runnable then) {
        boolean withTerritories = departments.isEmpty() || territoriesStale;
        territoriesStale = false;
        tasks.run(() -> new Snapshot(conventions.list(),
                        organisations.list().stream().filter(o -> o.organisation().kind().isCompany()).toList(),
                        territories.qpvs(),
                        withTerritories ? territories.departments() : List.of(),
                        withTerritories ? territories.epcis() : List.of(), catalogues.catalogue(),
                        engagements.facets()),
                s -> {
                    if (withTerritories) {
                        departments.setAll(s.departments);
                        allEpcis.setAll(s.epcis);
                    }
                    companies.setAll(s.companies);
                    qpvs.setAll(s.qpvs);
                    catalogue = s.catalogue;
                    facets = s.facets;
                    categories.setAll(catalogue.categories());
                    refreshActionTypeChoices();
                    items.setAll(s.items);
                    refilter();
                    refreshEpciChoices();
                    loaded.set(true);
                    then.run();
                }, onFailure);
    }

    private void refreshEpciChoices() {
        Epci current = epciFilter.get();
        var used = items.stream().map(ConventionListItem::epciSiren).filter(s -> !s.isEmpty()).distinct().toList();
        epciChoices.setAll(allEpcis.stream().filter(e -> used.contains(e.siren()))
                .filter(e -> departmentFilter.get() == null || e.departmentCode().equals(departmentFilter.get().code()))
                .sorted(Comparator.comparing(Epci::name)).toList());
        if (current != null && !epciChoices.contains(current)) {
            epciFilter.set(null);
        }
    }

    private void refilter() {
        String key = Text.searchKey(searchText.get());
        ConventionStatus status = statusFilter.get();
        Framework framework = frameworkFilter.get();
        Department department = departmentFilter.get();
        Epci epci = epciFilter.get();
        EngagementCategory category = categoryFilter.get();
        ActionType type = actionTypeFilter.get();
        PaqteAxis axis = axisFilter.get();
        boolean byEngagement = category != null || type != null || axis != null;
        filtered.setPredicate(c -> (status == null || c.status() == status)
                && (!byEngagement || facets.getOrDefault(c.id(), List.of()).stream().anyMatch(f ->
                (category == null || f.categoryId().equals(category.id()))
                        && (type == null || f.actionTypeId().equals(type.id()))
                        && (axis == null || f.axis() == axis)))
                && (framework == null || c.framework() == framework)
                && (department == null || department.code().equals(c.departmentCode()))
                && (epci == null || epci.siren().equals(c.epciSiren()))
                && (key.isEmpty() || Text.searchKey(c.reference() + " " + c.title() + " " + c.companyName() + " "
                + c.epciName() + " " + c.stateReferent()).contains(key)));
    }

    public void clearFilters() {
        searchText.set("");
        statusFilter.set(null);
        frameworkFilter.set(null);
        departmentFilter.set(null);
        epciFilter.set(null);
        categoryFilter.set(null);
        actionTypeFilter.set(null);
        axisFilter.set(null);
    }

    /** Reloads what the engagement filters look at, after engagements changed. */
    public void reloadFacets(Consumer<Throwable> onFailure) {
        tasks.run(engagements::facets, f -> {
            facets = f;
            // refiltering would drop the table's selection: only when an engagement filter is on
            if (categoryFilter.get() != null || actionTypeFilter.get() != null || axisFilter.get() != null) {
                refilter();
            }
        }, onFailure);
    }

    public ObjectProperty<EngagementCategory> categoryFilterProperty() {
        return categoryFilter;
    }

    public ObjectProperty<ActionType> actionTypeFilterProperty() {
        return actionTypeFilter;
    }

    public ObjectProperty<PaqteAxis> axisFilterProperty() {
        return axisFilter;
    }

    public ObservableList<EngagementCategory> categories() {
        return categories;
    }

    public ObservableList<ActionType> actionTypeChoices() {
        return actionTypeChoices;
    }

    public SortedList<ConventionListItem> rows() {
        return sorted;
    }

    public ObservableList<ConventionListItem> allItems() {
        return items;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<ConventionStatus> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<Framework> frameworkFilterProperty() {
        return frameworkFilter;
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

    public ObservableList<Epci> allEpcis() {
        return allEpcis;
    }

    public ObservableList<Epci> epciChoices() {
        return epciChoices;
    }

    public ObservableList<OrganisationListItem> companies() {
        return companies;
    }

    public ObservableList<Qpv> qpvs() {
        return qpvs;
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }
}
