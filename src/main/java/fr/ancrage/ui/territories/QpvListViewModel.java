package fr.ancrage.ui.territories;

import fr.ancrage.domain.Qpv;
import fr.ancrage.service.TerritoryService;
import fr.ancrage.ui.common.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** The QPV tab: the list with its search, deletion, and the forms to create or change a QPV. */
public final class QpvListViewModel {

    /** One line of the table, with the names of the department, EPCI and communes resolved. */
    public record Row(Qpv qpv, String department, String epci, String communes) {

        String searchText() {
            return String.join(" ", qpv.code(), qpv.name(), qpv.geographyVersion().year(), department, epci,
                    communes);
        }
    }

    private final TaskRunner tasks;
    private final TerritoryService service;
    private final Consumer<Throwable> onFailure;
    private ReferenceData reference = ReferenceData.NONE;
    private List<Qpv> qpvs = List.of();
    private long request;

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final StringProperty filter = new SimpleStringProperty("");
    private final FilteredList<Row> visibleRows = new FilteredList<>(rows);
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);

    QpvListViewModel(TaskRunner tasks, TerritoryService service, Consumer<Throwable> onFailure) {
        this.tasks = tasks;
        this.service = service;
        this.onFailure = onFailure;
        filter.subscribe(q -> visibleRows.setPredicate(SelectableList.matching(q, Row::searchText)));
    }

    void setReference(ReferenceData data) {
        reference = data;
        rebuild(selectedId());
    }

    /** Reloads the QPVs, keeping the selected one selected. */
    public void load() {
        load(selectedId());
    }

    private void load(UUID select) {
        long mine = ++request;
        loading.set(true);
        tasks.run(service::qpvs, list -> {
            if (mine == request) {
                loading.set(false);
                qpvs = list;
                rebuild(select);
                loaded.set(true);
            }
        }, e -> {
            if (mine == request) {
                loading.set(false);
            }
            onFailure.accept(e);
        });
    }

    /** After a form saved: reloads and selects the saved QPV, clearing a search that would hide it. */
    public void saved(Qpv qpv) {
        Row row = toRow(qpv);
        if (visibleRows.getPredicate() != null && !visibleRows.getPredicate().test(row)) {
            filter.set("");
        }
        load(qpv.id());
    }

    /** Deletes in the background; a QPV used by a convention is refused by the service. */
    public void delete(Qpv qpv, Runnable onDeleted, Consumer<Throwable> onRefused) {
        tasks.run(() -> {
            service.deleteQpv(qpv);
            return qpv;
        }, done -> {
            selected.set(null);
            load(null);
            onDeleted.run();
        }, onRefused);
    }

    public QpvFormViewModel newForm() {
        return new QpvFormViewModel(tasks, service, reference.departments(), reference.epcis(), null);
    }

    public QpvFormViewModel editForm(Qpv qpv) {
        return new QpvFormViewModel(tasks, service, reference.departments(), reference.epcis(), qpv);
    }

    private void rebuild(UUID select) {
        rows.setAll(qpvs.stream().map(this::toRow).toList());
        selected.set(select == null ? null
                : rows.stream().filter(r -> r.qpv().id().equals(select)).findFirst().orElse(null));
    }

    private Row toRow(Qpv q) {
        String communes = q.communeCodes().stream().map(reference::communeName).collect(Collectors.joining(", "));
        return new Row(q, reference.departmentLabel(q.departmentCode()), reference.epciName(q.epciSiren()), communes);
    }

    private UUID selectedId() {
        return selected.get() == null ? null : selected.get().qpv().id();
    }

    public ObservableList<Row> visibleRows() {
        return visibleRows;
    }

    public ObservableList<Row> rows() {
        return readOnlyRows;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
