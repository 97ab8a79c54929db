package fr.ancrage.ui.conventions;

import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Department;
import fr.ancrage.domain.Epci;
import fr.ancrage.domain.Framework;
import fr.ancrage.domain.OrganisationListItem;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.Text;
import fr.ancrage.service.ConventionService;
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
import java.util.function.Consumer;

/** The conventions list with its search and filters, and the choices the form needs. */
public final class ConventionsViewModel {

    private final ConventionService conventions;
    private final OrganisationService organisations;
    private final TerritoryService territories;
    private final TaskRunner tasks;

    private final ObservableList<ConventionListItem> items = FXCollections.observableArrayList();
    private final FilteredList<ConventionListItem> filtered = new FilteredList<>(items);
    private final SortedList<ConventionListItem> sorted = new SortedList<>(filtered);
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<ConventionStatus> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Framework> frameworkFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Department> departmentFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Epci> epciFilter = new SimpleObjectProperty<>();
    private final ObservableList<Department> departments = FXCollections.observableArrayList();
    private final ObservableList<Epci> allEpcis = FXCollections.observableArrayList();
    private final ObservableList<Epci> epciChoices = FXCollections.observableArrayList();
    private final ObservableList<OrganisationListItem> companies = FXCollections.observableArrayList();
    private final ObservableList<Qpv> qpvs = FXCollections.observableArrayList();
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);

    public ConventionsViewModel(ConventionService conventions, OrganisationService organisations,
                                TerritoryService territories, TaskRunner tasks) {
        this.conventions = conventions;
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
    }

    private record Snapshot(List<ConventionListItem> items, List<OrganisationListItem> companies, List<Qpv> qpvs,
                            List<Department> departments, List<Epci> epcis) {
    }

    public void load(Consumer<Throwable> onFailure, Runnable then) {
        boolean withTerritories = departments.isEmpty();
        tasks.run(() -> new Snapshot(conventions.list(),
                        organisations.list().stream().filter(o -> o.organisation().kind().isCompany()).toList(),
                        territories.qpvs(),
                        withTerritories ? territories.departments() : List.of(),
                        withTerritories ? territories.epcis() : List.of()),
                s -> {
                    if (withTerritories) {
                        departments.setAll(s.departments);
                        allEpcis.setAll(s.epcis);
                    }
                    companies.setAll(s.companies);
                    qpvs.setAll(s.qpvs);
                    items.setAll(s.items);
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
        filtered.setPredicate(c -> (status == null || c.status() == status)
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
