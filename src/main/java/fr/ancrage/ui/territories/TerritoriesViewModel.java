package fr.ancrage.ui.territories;

import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Department;
import fr.ancrage.domain.Epci;
import fr.ancrage.domain.ReferenceDataVersion;
import fr.ancrage.domain.Text;
import fr.ancrage.service.TerritoryService;
import fr.ancrage.ui.common.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Territories section: reference data version, the linked lists department → EPCI → commune,
 * the search of a commune across France, and the QPV list ({@link #qpvs()}). Each selection loads
 * the next list in the background.
 */
public final class TerritoriesViewModel {

    /** Siren of the pseudo-EPCI grouping the communes of a department that belong to none (islands). */
    public static final String NO_EPCI = "";
    static final int MAX_MATCHES = 50;
    private static final Logger LOG = LoggerFactory.getLogger(TerritoriesViewModel.class);

    private final TaskRunner tasks;
    private final TerritoryService service;
    private final QpvListViewModel qpvs;
    private Consumer<Throwable> onFailure = e -> LOG.warn("Territories task failed", e);
    private ReferenceData reference = ReferenceData.NONE;

    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loadingReference = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper communesLoaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ReferenceDataVersion> referenceVersion = new ReadOnlyObjectWrapper<>();
    private final SelectableList<Department> departments = new SelectableList<>(d -> d.code() + " " + d.name());
    private final SelectableList<Epci> epcis = new SelectableList<>(e -> e.name() + " " + e.siren());
    private final SelectableList<Commune> communes =
            new SelectableList<>(c -> c.name() + " " + c.code() + " " + c.postcodes());
    private final StringProperty communeSearch = new SimpleStringProperty("");
    private final ObservableList<Commune> communeMatches = FXCollections.observableArrayList();
    private final ObservableList<Commune> readOnlyMatches = FXCollections.unmodifiableObservableList(communeMatches);
    private String pendingEpci;
    private String pendingCommune;

    public TerritoriesViewModel(TaskRunner tasks, TerritoryService service) {
        this.tasks = tasks;
        this.service = service;
        this.qpvs = new QpvListViewModel(tasks, service, e -> onFailure.accept(e));
        departments.selectedProperty().subscribe(this::loadEpcis);
        epcis.selectedProperty().subscribe(this::loadCommunes);
        communeSearch.subscribe(q -> communeMatches.setAll(reference.finder().find(q, MAX_MATCHES)));
    }

    /** Where failures of background work go; the view shows them in a dialog. */
    public void setOnFailure(Consumer<Throwable> onFailure) {
        this.onFailure = onFailure;
    }

    /**
     * Loads the reference once (it does not change while the app runs), the QPVs each time. The
     * 35 000 communes come in a second step, so that the departments show without waiting for them.
     */
    public void activate() {
        if (loaded.get()) {
            qpvs.load();
            return;
        }
        if (loadingReference.get()) {
            return;
        }
        loadingReference.set(true);
        tasks.run(() -> ReferenceData.load(service), data -> {
            apply(data);
            loaded.set(true);
            qpvs.load();
            tasks.run(() -> data.withCommunes(service.communes()), full -> {
                loadingReference.set(false);
                apply(full);
                communesLoaded.set(true);
            }, this::referenceFailed);
        }, this::referenceFailed);
    }

    /** Reads the reference again (after an update of the administrative divisions). */
    public void reload() {
        if (loadingReference.get()) {
            return;
        }
        loaded.set(false);
        activate();
    }

    private void referenceFailed(Throwable e) {
        loadingReference.set(false);
        onFailure.accept(e);
    }

    private void apply(ReferenceData data) {
        reference = data;
        referenceVersion.set(data.version().orElse(null));
        if (!departments.items().equals(data.departments())) {
            departments.setAll(data.departments());
        }
        qpvs.setReference(data);
        communeMatches.setAll(data.finder().find(communeSearch.get(), MAX_MATCHES));
    }

    private void loadEpcis(Department department) {
        Map<String, Epci> bySiren = reference.epcisBySiren();
        epcis.reload(tasks, department == null ? null : () -> epcisOf(department, bySiren), this::selectPendingEpci,
                onFailure);
    }

    /**
     * The EPCI seated in the department, those seated elsewhere that hold some of its communes, and
     * a pseudo-EPCI for its communes outside any EPCI (islands, overseas collectivities).
     */
    private List<Epci> epcisOf(Department department, Map<String, Epci> bySiren) {
        List<Epci> result = new ArrayList<>(service.epcisOfDepartment(department.code()));
        Set<String> sirens = new HashSet<>(result.stream().map(Epci::siren).toList());
        boolean outside = false;
        for (Commune c : service.communesOfDepartment(department.code())) {
            if (c.epciSiren().isEmpty()) {
                outside = true;
            } else if (bySiren.containsKey(c.epciSiren()) && sirens.add(c.epciSiren())) {
                result.add(bySiren.get(c.epciSiren()));
            }
        }
        result.sort(Comparator.comparing((Epci e) -> Text.searchKey(e.name())));
        if (outside) {
            result.add(new Epci(NO_EPCI, "", "", department.code(), null));
        }
        return result;
    }

    private void loadCommunes(Epci epci) {
        communes.reload(tasks, epci == null ? null : () -> communesOf(epci), this::selectPendingCommune, onFailure);
    }

    private List<Commune> communesOf(Epci epci) {
        if (isNoEpci(epci)) {
            return service.communesOfDepartment(epci.departmentCode()).stream()
                    .filter(c -> c.epciSiren().isEmpty()).toList();
        }
        return service.communesOfEpci(epci.siren());
    }

    public static boolean isNoEpci(Epci epci) {
        return epci != null && NO_EPCI.equals(epci.siren());
    }

    /** Shows a commune found by the search: its department, its EPCI, then the commune itself. */
    public void goTo(Commune commune) {
        Department department = reference.departmentsByCode().get(commune.departmentCode());
        if (department == null) {
            return;
        }
        departments.filterProperty().set("");
        epcis.filterProperty().set("");
        communes.filterProperty().set("");
        communeSearch.set("");
        pendingEpci = commune.epciSiren();
        pendingCommune = commune.code();
        if (!department.equals(departments.selected())) {
            departments.selectedProperty().set(department);
        } else if (!epcis.isLoading()) {
            selectPendingEpci();
        }
    }

    private void selectPendingEpci() {
        String siren = pendingEpci;
        pendingEpci = null;
        if (siren == null) {
            return;
        }
        Epci before = epcis.selected();
        if (!epcis.select(e -> e.siren().equals(siren))) {
            pendingCommune = null;
        } else if (epcis.selected().equals(before) && !communes.isLoading()) {
            selectPendingCommune();
        }
    }

    private void selectPendingCommune() {
        String code = pendingCommune;
        pendingCommune = null;
        if (code != null) {
            communes.select(c -> c.code().equals(code));
        }
    }

    public SelectableList<Department> departments() {
        return departments;
    }

    public SelectableList<Epci> epcis() {
        return epcis;
    }

    public SelectableList<Commune> communes() {
        return communes;
    }

    public QpvListViewModel qpvs() {
        return qpvs;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingReferenceProperty() {
        return loadingReference.getReadOnlyProperty();
    }

    /** True once all communes are in memory: the commune search works from then on. */
    public ReadOnlyBooleanProperty communesLoadedProperty() {
        return communesLoaded.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReferenceDataVersion> referenceVersionProperty() {
        return referenceVersion.getReadOnlyProperty();
    }

    /** The text of the commune search across France; {@link #communeMatches()} follows it. */
    public StringProperty communeSearchProperty() {
        return communeSearch;
    }

    public ObservableList<Commune> communeMatches() {
        return readOnlyMatches;
    }

    /** Department label ("25 – Doubs") from its code, for the commune search results. */
    public String departmentLabel(String code) {
        return reference.departmentLabel(code);
    }
}
