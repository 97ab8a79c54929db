package fr.ancrage.ui.territories;

import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Department;
import fr.ancrage.domain.Epci;
import fr.ancrage.domain.GeographyVersion;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.Text;
import fr.ancrage.domain.ValidationException;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.QpvCode;
import fr.ancrage.service.TerritoryService;
import fr.ancrage.ui.common.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The QPV form: checks the code as it is typed, deduces the geography and the department from it,
 * offers the EPCI of the department and its communes, and shows the service's refusals per field.
 * Missing required values are reported only once the user has tried to save.
 */
public final class QpvFormViewModel {

    public static final String CODE = TerritoryService.QPV_CODE;
    public static final String NAME = TerritoryService.QPV_NAME;
    public static final String DEPARTMENT = TerritoryService.QPV_DEPARTMENT;
    /** Issues the service reports on a field the form does not show. */
    public static final String OTHER = "other";

    private final TaskRunner tasks;
    private final TerritoryService service;
    private final List<Epci> allEpcis;
    private final Qpv original;
    private final RecordMeta meta;

    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<GeographyVersion> version = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Department> departments;
    private final ObjectProperty<Department> department = new SimpleObjectProperty<>();
    private final ObservableList<Epci> epciChoices = FXCollections.observableArrayList();
    private final ObservableList<Epci> readOnlyEpciChoices = FXCollections.unmodifiableObservableList(epciChoices);
    private final ObjectProperty<Epci> epci = new SimpleObjectProperty<>();
    private final ObservableList<CommuneChoice> communeChoices = FXCollections.observableArrayList();
    private final StringProperty communeFilter = new SimpleStringProperty("");
    private final FilteredList<CommuneChoice> visibleCommuneChoices = new FilteredList<>(communeChoices);
    private final Set<String> selectedCommunes = new TreeSet<>();
    private final ReadOnlyIntegerWrapper selectedCommuneCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper loadingCommunes = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final FieldIssues issues = new FieldIssues(List.of(CODE, NAME, DEPARTMENT, OTHER));
    private boolean submitted;
    /** True while an existing QPV is put into the form: the communes are loaded once, at the end. */
    private boolean populating;
    private long communeRequest;

    QpvFormViewModel(TaskRunner tasks, TerritoryService service, List<Department> departments, List<Epci> epcis,
                     Qpv original) {
        this.tasks = tasks;
        this.service = service;
        this.allEpcis = List.copyOf(epcis);
        this.original = original;
        this.meta = original == null ? RecordMeta.fresh() : original.meta();
        this.departments = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(departments));
        communeFilter.subscribe(q -> visibleCommuneChoices.setPredicate(SelectableList.matching(q,
                (CommuneChoice c) -> c.commune().name() + " " + c.commune().code() + " " + c.commune().postcodes())));
        code.subscribe((before, now) -> onCode(now));
        name.subscribe((before, now) -> edited(NAME));
        department.subscribe((before, now) -> onDepartment(now));
        epci.subscribe((before, now) -> reloadCommunes());
        if (original != null) {
            populating = true;
            selectedCommunes.addAll(original.communeCodes());
            selectedCommuneCount.set(selectedCommunes.size());
            name.set(original.name());
            code.set(original.code());
            department.set(departments.stream().filter(d -> d.code().equals(original.departmentCode()))
                    .findFirst().orElse(department.get()));
            epci.set(epciChoices.stream().filter(e -> e.siren().equals(original.epciSiren())).findFirst()
                    .orElse(null));
            populating = false;
        }
        reloadCommunes();
    }

    public boolean isNew() {
        return original == null;
    }

    private void onCode(String value) {
        Optional<GeographyVersion> deduced = QpvCode.versionOf(value);
        version.set(deduced.orElse(null));
        if (deduced.isPresent()) {
            String departmentCode = QpvCode.departmentCodeOf(value);
            departments.stream().filter(d -> d.code().equals(departmentCode)).findFirst().ifPresent(department::set);
        }
        edited(CODE);
    }

    private void onDepartment(Department value) {
        List<Epci> choices = value == null ? List.of() : allEpcis.stream()
                .filter(e -> e.departmentCode().equals(value.code())
                        || (original != null && e.siren().equals(original.epciSiren())))
                .toList();
        epciChoices.setAll(choices);
        Epci current = epci.get();
        if (current != null && !choices.contains(current)) {
            epci.set(null);
        } else {
            reloadCommunes();
        }
        edited(DEPARTMENT);
    }

    /** The communes of the chosen EPCI, or of the department when no EPCI is chosen. */
    private void reloadCommunes() {
        if (populating) {
            return;
        }
        long mine = ++communeRequest;
        Epci e = epci.get();
        Department d = department.get();
        communeChoices.clear();
        loadingCommunes.set(e != null || d != null);
        if (e == null && d == null) {
            return;
        }
        tasks.run(() -> e != null ? service.communesOfEpci(e.siren()) : service.communesOfDepartment(d.code()),
                list -> {
                    if (mine == communeRequest) {
                        loadingCommunes.set(false);
                        communeChoices.setAll(list.stream().map(this::choice).toList());
                    }
                }, error -> {
                    if (mine == communeRequest) {
                        loadingCommunes.set(false);
                    }
                    issues.refuse(Map.of(OTHER, List.of(Issue.error("qpv.form.communes.failed"))));
                    revalidate();
                });
    }

    private CommuneChoice choice(Commune commune) {
        CommuneChoice choice = new CommuneChoice(commune, selectedCommunes.contains(commune.code()));
        choice.selectedProperty().subscribe(on -> {
            if (on) {
                selectedCommunes.add(commune.code());
            } else {
                selectedCommunes.remove(commune.code());
            }
            selectedCommuneCount.set(selectedCommunes.size());
        });
        return choice;
    }

    /** A field changed: what the service said about it no longer holds. */
    private void edited(String field) {
        issues.forget(field);
        if (DEPARTMENT.equals(field) || CODE.equals(field)) {
            issues.forget(OTHER);
        }
        revalidate();
    }

    private void revalidate() {
        List<Issue> codeIssues = new ArrayList<>(QpvCode.check(code.get()));
        if (submitted && Text.isBlank(code.get())) {
            codeIssues.add(Issue.error("validation.qpv.code.required"));
        }
        List<Issue> nameIssues = new ArrayList<>();
        if (submitted && Text.isBlank(name.get())) {
            nameIssues.add(Issue.error("validation.qpv.name.required"));
        }
        List<Issue> departmentIssues = new ArrayList<>();
        Department d = department.get();
        if (d == null && submitted) {
            departmentIssues.add(Issue.error("validation.qpv.department.required"));
        } else if (d != null && version.get() != null) {
            String expected = QpvCode.departmentCodeOf(code.get());
            if (!expected.equals(d.code())) {
                departmentIssues.add(Issue.error("validation.qpv.departmentMismatch", expected));
            }
        }
        issues.show(CODE, codeIssues);
        issues.show(NAME, nameIssues);
        issues.show(DEPARTMENT, departmentIssues);
        issues.show(OTHER, List.of());
    }

    /**
     * Checks the form and, when nothing blocks, saves in the background. A refusal of the service
     * ends up at the fields; any other failure goes to {@code onFailure}.
     *
     * @return false when the form shows errors and nothing was sent
     */
    public boolean save(Consumer<Qpv> onSaved, Consumer<Throwable> onFailure) {
        submitted = true;
        revalidate();
        if (firstErrorField().isPresent() || saving.get()) {
            return false;
        }
        Qpv qpv = toQpv();
        saving.set(true);
        tasks.run(() -> service.saveQpv(qpv), saved -> {
            saving.set(false);
            onSaved.accept(saved);
        }, error -> {
            saving.set(false);
            Optional<ValidationException> refused = validationCause(error);
            if (refused.isEmpty()) {
                onFailure.accept(error);
                return;
            }
            issues.refuse(refused.get().issues());
            revalidate();
        });
        return true;
    }

    private static Optional<ValidationException> validationCause(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof ValidationException v) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The first field showing an error, in the order of the form. */
    public Optional<String> firstErrorField() {
        return issues.firstError();
    }

    Qpv toQpv() {
        List<String> communes = loadingCommunes.get() || communeChoices.isEmpty() ? List.copyOf(selectedCommunes)
                : communeChoices.stream().filter(c -> c.selectedProperty().get()).map(c -> c.commune().code())
                        .toList();
        return new Qpv(meta, QpvCode.normalize(code.get()), name.get(), version.get(),
                department.get() == null ? "" : department.get().code(), epci.get() == null ? "" : epci.get().siren(),
                communes);
    }

    public ReadOnlyObjectProperty<List<Issue>> issues(String field) {
        return issues.of(field);
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyObjectProperty<GeographyVersion> versionProperty() {
        return version.getReadOnlyProperty();
    }

    public ObservableList<Department> departments() {
        return departments;
    }

    public ObjectProperty<Department> departmentProperty() {
        return department;
    }

    public ObservableList<Epci> epciChoices() {
        return readOnlyEpciChoices;
    }

    public ObjectProperty<Epci> epciProperty() {
        return epci;
    }

    public ObservableList<CommuneChoice> visibleCommuneChoices() {
        return visibleCommuneChoices;
    }

    public StringProperty communeFilterProperty() {
        return communeFilter;
    }

    public ReadOnlyIntegerProperty selectedCommuneCountProperty() {
        return selectedCommuneCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingCommunesProperty() {
        return loadingCommunes.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }
}
