package fr.ancrage.ui.ceremonies;

import fr.ancrage.ui.common.TableColumns;
import fr.ancrage.domain.Attendance;
import fr.ancrage.domain.Ceremony;
import fr.ancrage.domain.CeremonyClosing;
import fr.ancrage.domain.CeremonyItem;
import fr.ancrage.domain.CeremonyListItem;
import fr.ancrage.domain.CeremonyRules;
import fr.ancrage.domain.CeremonySignatory;
import fr.ancrage.domain.CeremonyTask;
import fr.ancrage.domain.ProgrammeItem;
import fr.ancrage.domain.ValidationException;
import fr.ancrage.service.CeremonyService;
import fr.ancrage.service.documents.DocumentService.CeremonyDocument;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.ListEditing;
import fr.ancrage.ui.common.DetailSupport;
import fr.ancrage.ui.common.FieldFeedback;
import fr.ancrage.ui.common.Keys;
import fr.ancrage.ui.common.Formats;
import fr.ancrage.ui.common.Navigator;
import fr.ancrage.ui.common.Section;
import fr.ancrage.ui.common.SectionShortcuts;
import fr.ancrage.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * « Cérémonies de signature »: prepare a ceremony (the conventions to sign in signing order, their
 * signatories' answers, the programme, the checklist), mark who came on the day, close it, and
 * produce its documents.
 */
public final class CeremoniesView implements Section {

    /** What a dragged line carries: its index in the signing order. */
    private static final DataFormat ORDER = new DataFormat("application/x-ancrage-signing-order");

    private final UiContext ui;
    private final Navigator navigator;
    private final java.util.function.BiConsumer<UUID, CeremonyDocument> exportDocument;
    private final CeremoniesViewModel model;
    private final CeremonyFormViewModel form = new CeremonyFormViewModel();
    private final DetailSupport support;
    private final BooleanProperty creating = new SimpleBooleanProperty();
    private Parent root;
    private boolean syncing;
    /** The lines shown: the view model's, replaced with care for the selection ({@link #refreshLines}). */
    private final javafx.collections.ObservableList<CeremonyItem> shown =
            javafx.collections.FXCollections.observableArrayList();
    private boolean refreshing;

    @FXML private ComboBox<CeremonyListItem> ceremonyBox;
    @FXML private Label statusBadge;
    @FXML private Button newButton;
    @FXML private Button deleteButton;
    @FXML private TabPane tabs;
    @FXML private Tab conventionsTab;
    @FXML private Tab formTab;
    @FXML private Tab programmeTab;
    @FXML private Button addButton;
    @FXML private Button removeButton;
    @FXML private Button upButton;
    @FXML private Button downButton;
    @FXML private Button openConventionButton;
    @FXML private TableView<CeremonyItem> itemsTable;
    @FXML private TableColumn<CeremonyItem, String> orderColumn;
    @FXML private TableColumn<CeremonyItem, String> companyColumn;
    @FXML private TableColumn<CeremonyItem, String> referenceColumn;
    @FXML private TableColumn<CeremonyItem, String> answersColumn;
    @FXML private TableColumn<CeremonyItem, String> warningsColumn;
    @FXML private Label signatoriesTitle;
    @FXML private Button invitedButton;
    @FXML private Button confirmedButton;
    @FXML private Button declinedButton;
    @FXML private Button presentButton;
    @FXML private Button allConfirmedButton;
    @FXML private Button allPresentButton;
    @FXML private TableView<CeremonySignatory> signatoriesTable;
    @FXML private TableColumn<CeremonySignatory, String> signatoryNameColumn;
    @FXML private TableColumn<CeremonySignatory, String> signatoryTitleColumn;
    @FXML private TableColumn<CeremonySignatory, String> signatoryOrganisationColumn;
    @FXML private TableColumn<CeremonySignatory, String> signatoryRoleColumn;
    @FXML private TableColumn<CeremonySignatory, String> attendanceColumn;
    @FXML private Label countLabel;
    @FXML private TextField titleField;
    @FXML private Label titleMessage;
    @FXML private DatePicker datePicker;
    @FXML private Label dateMessage;
    @FXML private TextField timeField;
    @FXML private Label timeMessage;
    @FXML private TextField placeField;
    @FXML private Label placeMessage;
    @FXML private TextField hostField;
    @FXML private Label hostMessage;
    @FXML private TextArea partnersArea;
    @FXML private Label partnersMessage;
    @FXML private TextArea pressArea;
    @FXML private Label pressMessage;
    @FXML private TextArea notesArea;
    @FXML private Label notesMessage;
    @FXML private Button addTaskButton;
    @FXML private Button editTaskButton;
    @FXML private Button removeTaskButton;
    @FXML private Button upTaskButton;
    @FXML private Button downTaskButton;
    @FXML private TableView<CeremonyTask> tasksTable;
    @FXML private TableColumn<CeremonyTask, Boolean> taskDoneColumn;
    @FXML private TableColumn<CeremonyTask, String> taskLabelColumn;
    @FXML private TableColumn<CeremonyTask, String> taskOwnerColumn;
    @FXML private TableColumn<CeremonyTask, String> taskDueColumn;
    @FXML private Label tasksMessage;
    @FXML private Button addProgrammeButton;
    @FXML private Button editProgrammeButton;
    @FXML private Button removeProgrammeButton;
    @FXML private Button upProgrammeButton;
    @FXML private Button downProgrammeButton;
    @FXML private TableView<ProgrammeItem> programmeTable;
    @FXML private TableColumn<ProgrammeItem, String> programmeTimeColumn;
    @FXML private TableColumn<ProgrammeItem, String> programmeSpeakerColumn;
    @FXML private TableColumn<ProgrammeItem, String> programmeSpeakerTitleColumn;
    @FXML private TableColumn<ProgrammeItem, String> programmeSubjectColumn;
    @FXML private Label programmeMessage;
    @FXML private Label formStatus;
    @FXML private MenuButton documentsMenu;
    @FXML private MenuItem dossierItem;
    @FXML private MenuItem tentsItem;
    @FXML private MenuItem printItem;
    @FXML private MenuItem pressItem;
    @FXML private Button reopenButton;
    @FXML private Button closeButton;
    @FXML private Button cancelButton;
    @FXML private Button saveButton;

    public CeremoniesView(UiContext ui, CeremonyService ceremonies, Navigator navigator,
                          java.util.function.BiConsumer<UUID, CeremonyDocument> exportDocument) {
        this.ui = ui;
        this.navigator = navigator;
        this.exportDocument = exportDocument;
        this.support = new DetailSupport(ui, () -> root, form.dirtyProperty());
        this.model = new CeremoniesViewModel(ceremonies, ui.tasks(), support::showError);
    }

    @Override
    public String id() {
        return "ceremonies";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignP.PEN;
    }

    @Override
    public Node root() {
        if (root == null) {
            root = ui.loader().load(CeremoniesView.class, () -> this);
        }
        return root;
    }

    @Override
    public boolean hasUnsavedChanges() {
        return form.dirtyProperty().get();
    }

    @Override
    public SectionShortcuts shortcuts() {
        return SectionShortcuts.of(newButton, saveButton);
    }

    @Override
    public void activate() {
        if (!form.dirtyProperty().get()) {
            model.loadList(null, this::afterLoad);
        }
    }

    /** The view model, for tests that drive the screen. */
    public CeremoniesViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        var i18n = ui.i18n();
        ceremonyBox.setItems(model.list);
        ceremonyBox.setConverter(Cells.converter(c -> i18n.format("ceremonies.name", Formats.date(c.date()), c.title())));
        ceremonyBox.setPromptText(i18n.get("ceremonies.none"));
        ceremonyBox.valueProperty().addListener((obs, old, now) -> {
            if (syncing || now == null || (model.current.get() != null && model.current.get().id().equals(now.id())
                    && !creating.get())) {
                return;
            }
            if (!support.mayLeaveForm()) {
                sync(old);
                return;
            }
            creating.set(false);
            model.show(now.id(), this::afterLoad);
        });
        model.current.subscribe(c -> {
            if (c != null) {
                form.load(c);
            } else if (!creating.get()) {
                form.clear();
            }
            showStatus();
        });

        BooleanBinding none = model.current.isNull();
        BooleanBinding closed = Bindings.createBooleanBinding(model::closed, model.current);
        BooleanBinding locked = none.or(closed);
        conventionsTab.disableProperty().bind(creating);
        // no form without a ceremony: « Nouvelle cérémonie » starts one
        formTab.disableProperty().bind(none.and(creating.not()));
        programmeTab.disableProperty().bind(none.and(creating.not()));
        // its conventions were signed on its date
        datePicker.disableProperty().bind(closed);
        // a ceremony that signed conventions is part of their history
        deleteButton.disableProperty().bind(none.or(creating).or(Bindings.createBooleanBinding(
                () -> model.items.stream().anyMatch(CeremonyItem::signed), model.items)));
        addButton.disableProperty().bind(locked);
        var noItem = itemsTable.getSelectionModel().selectedItemProperty().isNull();
        removeButton.disableProperty().bind(locked.or(noItem));
        upButton.disableProperty().bind(locked.or(noItem));
        downButton.disableProperty().bind(locked.or(noItem));
        openConventionButton.disableProperty().bind(noItem);
        var noSignatory = Bindings.isEmpty(signatoriesTable.getSelectionModel().getSelectedItems());
        for (Button b : List.of(invitedButton, confirmedButton, declinedButton, presentButton)) {
            b.disableProperty().bind(locked.or(noSignatory));
        }
        allConfirmedButton.disableProperty().bind(locked.or(noItem));
        allPresentButton.disableProperty().bind(locked.or(noItem));
        // nothing to close without a convention to sign (issue 15): the button says why in its tooltip
        closeButton.disableProperty().bind(locked.or(creating).or(form.dirtyProperty()).or(Bindings.isEmpty(model.items)));
        javafx.scene.control.Tooltip closeHint = new javafx.scene.control.Tooltip(ui.i18n().get("ceremonies.close.empty"));
        model.items.subscribe(() -> closeButton.setTooltip(model.items.isEmpty() ? closeHint : null));
        closeButton.visibleProperty().bind(closed.not());
        closeButton.managedProperty().bind(closeButton.visibleProperty());
        reopenButton.visibleProperty().bind(closed);
        reopenButton.disableProperty().bind(form.dirtyProperty());
        reopenButton.managedProperty().bind(closed);
        documentsMenu.disableProperty().bind(none.or(creating).or(Bindings.isEmpty(model.items)));
        saveButton.disableProperty().bind(form.dirtyProperty().not());
        cancelButton.disableProperty().bind(form.dirtyProperty().not());

        initItems();
        initSignatories();
        initForm();
        initLists();
        Keys.listAndForm(ui.i18n(), null, ceremonyBox, newButton, saveButton, cancelButton);
    }

    private void initItems() {
        var i18n = ui.i18n();
        itemsTable.setItems(shown);
        Cells.text(orderColumn, i -> String.valueOf(shown.indexOf(i) + 1));
        Cells.text(companyColumn, CeremonyItem::companyName);
        Cells.text(referenceColumn, CeremonyItem::reference);
        Cells.text(answersColumn, i -> i.signed() ? i18n.get("ceremonies.signed") : answers(i));
        Cells.text(warningsColumn, i -> model.closed() && !i.signed() ? i18n.get("ceremonies.laterDate")
                : i.warnings().stream().map(i18n::label).collect(Collectors.joining(" · ")));
        TableColumns.remember(ui, itemsTable, "ceremonies-items", warningsColumn);
        model.current.subscribe(c -> itemsTable.setPlaceholder(Cells.placeholder(i18n.get(c == null
                ? "ceremonies.items.noCeremony" : "ceremonies.items.empty"))));
        itemsTable.setRowFactory(t -> orderRow());
        itemsTable.setOnKeyPressed(e -> {
            if ((e.isAltDown() || e.isShortcutDown()) && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
                move(e.getCode() == KeyCode.UP ? -1 : 1);
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && itemsTable.getSelectionModel().getSelectedItem() != null) {
                signatoriesTable.requestFocus();
                signatoriesTable.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        // the lines are read again after every change: the same convention and signatories stay selected
        itemsTable.getSelectionModel().selectedItemProperty().subscribe(item -> {
            if (!refreshing) {
                showSignatories(item);
            }
        });
        model.items.addListener((javafx.collections.ListChangeListener<CeremonyItem>) change -> refreshLines());
        model.items.subscribe(this::updateCount);
    }

    /** « 3/4 confirmés », on the day « 2/4 présents », and who declined. */
    private String answers(CeremonyItem i) {
        var i18n = ui.i18n();
        int total = i.signatories().size();
        long present = i.count(Attendance.PRESENT);
        String main = present > 0 ? i18n.format("ceremonies.answers.present", present, total)
                : i18n.format("ceremonies.answers.confirmed", i.count(Attendance.CONFIRMED), total);
        long declined = i.count(Attendance.DECLINED);
        return declined == 0 ? main : i18n.format("ceremonies.answers.declined", main, declined);
    }

    /** A line of the signing order: dragged and dropped to change the order, flagged when it has warnings. */
    private TableRow<CeremonyItem> orderRow() {
        TableRow<CeremonyItem> row = new TableRow<>() {
            @Override
            protected void updateItem(CeremonyItem item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("ceremony-warning", "signed-row");
                if (!empty && item != null) {
                    if (item.signed()) {
                        getStyleClass().add("signed-row");
                    } else if (!item.warnings().isEmpty() || model.closed()) {
                        getStyleClass().add("ceremony-warning");
                    }
                }
            }
        };
        row.setOnDragDetected(e -> {
            if (row.isEmpty() || model.closed()) {
                return;
            }
            var board = row.startDragAndDrop(TransferMode.MOVE);
            board.setDragView(row.snapshot(null, null));
            ClipboardContent content = new ClipboardContent();
            content.put(ORDER, row.getIndex());
            board.setContent(content);
            e.consume();
        });
        row.setOnDragOver(e -> {
            if (e.getDragboard().hasContent(ORDER)) {
                e.acceptTransferModes(TransferMode.MOVE);
                e.consume();
            }
        });
        row.setOnDragDropped(e -> {
            if (!e.getDragboard().hasContent(ORDER)) {
                return;
            }
            int from = (Integer) e.getDragboard().getContent(ORDER);
            int to = row.isEmpty() ? model.items.size() - 1 : row.getIndex();
            itemsTable.getSelectionModel().clearAndSelect(from);
            e.setDropCompleted(model.move(from, to));
            e.consume();
        });
        return row;
    }

    private void move(int step) {
        int i = itemsTable.getSelectionModel().getSelectedIndex();
        if (!model.closed() && model.move(i, i + step)) {
            itemsTable.scrollTo(Math.max(0, i + step - 3));
        }
    }

    private void initSignatories() {
        var i18n = ui.i18n();
        signatoriesTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Cells.text(signatoryNameColumn, CeremonySignatory::fullName);
        signatoryTitleColumn.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(
                c.getValue().jobTitle()));
        signatoryTitleColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("missing");
                if (empty) {
                    setText(null);
                } else if (item == null || item.isEmpty()) {
                    setText(i18n.get("ceremonies.noTitle"));
                    getStyleClass().add("missing");
                } else {
                    setText(item);
                }
            }
        });
        Cells.text(signatoryOrganisationColumn, CeremonySignatory::organisationName);
        Cells.text(signatoryRoleColumn, s -> i18n.label(s.role()));
        Cells.text(attendanceColumn, s -> i18n.label(s.attendance()));
        TableColumns.remember(ui, signatoriesTable, "ceremonies-signatories", signatoryOrganisationColumn);
        signatoriesTable.setPlaceholder(Cells.placeholder(i18n.get("ceremonies.signatories.empty")));
        // on the day, from the keyboard: P present, E excusé, C confirmed, I invited
        signatoriesTable.setOnKeyPressed(e -> {
            if (e.isShortcutDown() || e.isAltDown() || e.isMetaDown() || e.isControlDown()) {
                return; // Ctrl+C copies, it does not confirm
            }
            Attendance a = switch (e.getCode()) {
                case P -> Attendance.PRESENT;
                case E -> Attendance.DECLINED;
                case C -> Attendance.CONFIRMED;
                case I -> Attendance.INVITED;
                default -> null;
            };
            if (a != null && !model.closed()) {
                mark(a);
                e.consume();
            }
        });
    }

    /** Shows the lines read again, keeping the convention and the signatories selected. */
    private void refreshLines() {
        CeremonyItem before = itemsTable.getSelectionModel().getSelectedItem();
        UUID keep = before == null ? null : before.conventionId();
        List<UUID> signatories = signatoriesTable.getSelectionModel().getSelectedItems().stream()
                .map(CeremonySignatory::signatoryId).toList();
        refreshing = true;
        try {
            shown.setAll(model.items);
            itemsTable.getSelectionModel().clearSelection();
            for (int i = 0; i < shown.size(); i++) {
                if (shown.get(i).conventionId().equals(keep)) {
                    itemsTable.getSelectionModel().clearAndSelect(i);
                }
            }
        } finally {
            refreshing = false;
        }
        CeremonyItem now = itemsTable.getSelectionModel().getSelectedItem();
        showSignatories(now);
        if (now != null) {
            for (int i = 0; i < signatoriesTable.getItems().size(); i++) {
                if (signatories.contains(signatoriesTable.getItems().get(i).signatoryId())) {
                    signatoriesTable.getSelectionModel().select(i);
                }
            }
        }
    }

    private void showSignatories(CeremonyItem item) {
        var i18n = ui.i18n();
        signatoriesTable.getItems().setAll(item == null ? List.of() : item.signatories());
        signatoriesTitle.setText(item == null ? i18n.get("ceremonies.signatories") : i18n.format(
                "ceremonies.signatoriesOf", item.companyName(), item.reference()));
    }

    private void updateCount() {
        var i18n = ui.i18n();
        List<CeremonyItem> items = model.items;
        long signatories = items.stream().mapToLong(i -> i.signatories().size()).sum();
        long confirmed = items.stream().mapToLong(i -> i.count(Attendance.CONFIRMED) + i.count(Attendance.PRESENT)).sum();
        long present = items.stream().mapToLong(i -> i.count(Attendance.PRESENT)).sum();
        long declined = items.stream().mapToLong(i -> i.count(Attendance.DECLINED)).sum();
        long warned = items.stream().filter(i -> !i.signed() && !i.warnings().isEmpty()).count();
        countLabel.setText(model.current.get() == null ? "" : i18n.format("ceremonies.count", items.size(),
                signatories, confirmed, declined, present, warned));
    }

    private void initForm() {
        bindText(titleField, form.title, titleMessage, CeremonyRules.TITLE);
        bindText(timeField, form.startTime, timeMessage, CeremonyFormViewModel.START_TIME);
        bindText(placeField, form.place, placeMessage, CeremonyRules.PLACE);
        bindText(hostField, form.host, hostMessage, CeremonyRules.HOST);
        bindText(partnersArea, form.partners, partnersMessage, CeremonyRules.PARTNERS);
        bindText(pressArea, form.press, pressMessage, CeremonyRules.PRESS);
        bindText(notesArea, form.notes, notesMessage, CeremonyRules.NOTES);
        datePicker.setConverter(Formats.dateConverter(form::unreadableDate));
        datePicker.valueProperty().bindBidirectional(form.date);
        FieldFeedback.bind(datePicker, dateMessage, form.issues(CeremonyRules.DATE), ui.i18n());
        FieldFeedback.bind(tasksTable, tasksMessage, form.issues(CeremonyRules.TASKS), ui.i18n());
        FieldFeedback.bind(programmeTable, programmeMessage, form.issues(CeremonyRules.PROGRAMME), ui.i18n());
        form.dirtyProperty().subscribe(this::showStatus);
    }

    private void bindText(javafx.scene.control.TextInputControl field, javafx.beans.property.StringProperty value,
                          Label message, String issuesKey) {
        field.textProperty().bindBidirectional(value);
        FieldFeedback.bind(field, message, form.issues(issuesKey), ui.i18n());
    }

    private void initLists() {
        var i18n = ui.i18n();
        CeremonyLines lines = new CeremonyLines(ui);
        var readOnly = model.current.isNull().and(creating.not());
        ListEditing.wire(tasksTable, form.tasks, new ListEditing.Buttons(addTaskButton, editTaskButton,
                        removeTaskButton, upTaskButton, downTaskButton), () -> lines.task(support.window(), null),
                t -> lines.task(support.window(), t), readOnly);
        taskDoneColumn.setCellValueFactory(c -> new javafx.beans.property.SimpleBooleanProperty(c.getValue().done()));
        taskDoneColumn.setCellFactory(c -> new TableCell<>() {
            private final CheckBox box = new CheckBox();

            {
                box.setOnAction(e -> {
                    int i = getIndex();
                    if (i >= 0 && i < form.tasks.size()) {
                        form.tasks.set(i, form.tasks.get(i).withDone(box.isSelected()));
                    }
                });
            }

            @Override
            protected void updateItem(Boolean item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    box.setSelected(item);
                    setGraphic(box);
                }
            }
        });
        var previous = tasksTable.getOnKeyPressed();
        tasksTable.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.SPACE && !readOnly.get()) {
                ListEditing.replaceSelected(tasksTable, form.tasks, t -> t.withDone(!t.done()));
                e.consume();
            } else {
                previous.handle(e);
            }
        });
        Cells.text(taskLabelColumn, CeremonyTask::label);
        Cells.text(taskOwnerColumn, CeremonyTask::owner);
        Cells.text(taskDueColumn, t -> t.late(model.service().today())
                ? i18n.format("ceremonies.late", Formats.date(t.dueDate())) : Formats.date(t.dueDate()));
        TableColumns.remember(ui, tasksTable, "ceremonies-tasks", taskLabelColumn);
        creating.subscribe(c -> tasksTable.setPlaceholder(Cells.placeholder(i18n.get(c
                ? "ceremonies.tasks.defaultComing" : "ceremonies.tasks.empty"))));

        ListEditing.wire(programmeTable, form.programme, new ListEditing.Buttons(addProgrammeButton,
                        editProgrammeButton, removeProgrammeButton, upProgrammeButton, downProgrammeButton),
                () -> lines.programme(support.window(), null), p -> lines.programme(support.window(), p), readOnly);
        Cells.text(programmeTimeColumn, p -> CeremonyFormViewModel.timeText(p.time()));
        Cells.text(programmeSpeakerColumn, ProgrammeItem::speaker);
        Cells.text(programmeSpeakerTitleColumn, ProgrammeItem::speakerTitle);
        Cells.text(programmeSubjectColumn, ProgrammeItem::subject);
        TableColumns.remember(ui, programmeTable, "ceremonies-programme", programmeSubjectColumn);
        programmeTable.setPlaceholder(Cells.placeholder(i18n.get("ceremonies.programme.empty")));
    }

    private void afterLoad() {
        Ceremony c = model.current.get();
        sync(c == null ? null : model.list.stream().filter(l -> l.id().equals(c.id())).findFirst().orElse(null));
        if (c == null && !creating.get()) {
            form.clear();
        }
        showStatus();
        updateCount();
    }

    private void sync(CeremonyListItem value) {
        syncing = true;
        ceremonyBox.setValue(value);
        syncing = false;
    }

    private void showStatus() {
        var i18n = ui.i18n();
        Ceremony c = model.current.get();
        statusBadge.getStyleClass().removeAll("status-signed", "status-ready_to_sign");
        if (creating.get()) {
            statusBadge.setText(i18n.get("ceremonies.status.new"));
        } else if (c == null) {
            statusBadge.setText("");
        } else if (c.closed()) {
            statusBadge.setText(i18n.format("ceremonies.status.closed", Formats.date(c.closedOn())));
            statusBadge.getStyleClass().add("status-signed");
        } else {
            statusBadge.setText(i18n.get("ceremonies.status.open"));
            statusBadge.getStyleClass().add("status-ready_to_sign");
        }
        statusBadge.setVisible(!statusBadge.getText().isEmpty());
        formStatus.setText(form.dirtyProperty().get() ? i18n.get("ceremonies.unsaved") : c != null && c.closed()
                ? i18n.get("ceremonies.closedHint") : "");
    }

    @FXML
    private void onNew() {
        if (!support.mayLeaveForm()) {
            return;
        }
        var i18n = ui.i18n();
        creating.set(true);
        sync(null);
        model.current.set(null);
        model.items.clear();
        form.startNew(i18n.get("ceremonies.proposed.title"), model.service().today().plusMonths(1),
                i18n.get("ceremonies.proposed.place"), i18n.get("ceremonies.proposed.host"));
        tabs.getSelectionModel().select(formTab);
        titleField.requestFocus();
        titleField.selectAll();
        showStatus();
    }

    @FXML
    private void onSave() {
        if (!form.validateAll()) {
            focus(form.firstErrorField());
            return;
        }
        model.save(form.toCeremony(), saved -> {
            boolean wasNew = creating.get();
            creating.set(false);
            afterLoad();
            if (wasNew) {
                tabs.getSelectionModel().select(conventionsTab);
            }
        }, error -> {
            if (error instanceof ValidationException v) {
                Map<String, List<fr.ancrage.domain.validation.Issue>> rest = form.showIssues(v.issues());
                focus(form.firstErrorField());
                if (!rest.isEmpty()) {
                    support.showError(new ValidationException(rest));
                }
            } else {
                support.showError(error);
            }
        });
    }

    private void focus(String field) {
        if (field == null) {
            return;
        }
        tabs.getSelectionModel().select(field.equals(CeremonyRules.PROGRAMME) ? programmeTab : formTab);
        Node target = switch (field) {
            case CeremonyRules.TITLE -> titleField;
            case CeremonyRules.DATE -> datePicker;
            case CeremonyFormViewModel.START_TIME -> timeField;
            case CeremonyRules.PLACE -> placeField;
            case CeremonyRules.HOST -> hostField;
            case CeremonyRules.PARTNERS -> partnersArea;
            case CeremonyRules.PRESS -> pressArea;
            case CeremonyRules.PROGRAMME -> programmeTable;
            case CeremonyRules.TASKS -> tasksTable;
            default -> notesArea;
        };
        target.requestFocus();
    }

    @FXML
    private void onCancel() {
        Ceremony c = model.current.get();
        creating.set(false);
        if (c != null) {
            form.load(c);
        } else {
            form.clear();
            model.loadList(null, this::afterLoad);
        }
        showStatus();
    }

    @FXML
    private void onDelete() {
        Ceremony c = model.current.get();
        if (c != null) {
            // a refused deletion is said with its reason, never asked first (issue 15)
            model.deletionRefusal(refused -> {
                if (refused.isPresent()) {
                    ui.dialogs().error(support.window(), ui.i18n().get("delete.refused.title"),
                            ui.errors().describe(refused.get()));
                } else if (ui.dialogs().confirm(support.window(), ui.i18n().get("ceremonies.delete.title"),
                        ui.i18n().format("ceremonies.delete.message", c.title(), model.items.size()),
                        ui.i18n().get("action.delete"))) {
                    model.delete(this::afterLoad);
                }
            });
        }
    }

    @FXML
    private void onAdd() {
        Ceremony c = model.current.get();
        if (c == null) {
            return;
        }
        ui.tasks().run(() -> new Candidates(model.service().candidates(), model.service().readyElsewhere(c.id())),
                found -> {
                    var chosen = new AddConventionsDialog(ui).show(support.window(), found.ready(), found.elsewhere());
                    if (!chosen.isEmpty()) {
                        model.add(chosen, () -> model.items.stream().filter(i -> chosen.contains(i.conventionId()))
                                .findFirst().ifPresent(i -> {
                                    itemsTable.getSelectionModel().select(shown.indexOf(i));
                                    itemsTable.scrollTo(shown.indexOf(i));
                                }));
                    }
                }, support::showError);
    }

    private record Candidates(List<fr.ancrage.domain.ConventionListItem> ready, long elsewhere) {
    }

    @FXML
    private void onRemove() {
        CeremonyItem item = itemsTable.getSelectionModel().getSelectedItem();
        if (item != null && ui.dialogs().confirm(support.window(), ui.i18n().get("ceremonies.remove.title"),
                ui.i18n().format("ceremonies.remove.message", item.companyName(), item.reference()),
                ui.i18n().get("ceremonies.remove"))) {
            model.remove(item, () -> { });
        }
    }

    @FXML
    private void onUp() {
        move(-1);
    }

    @FXML
    private void onDown() {
        move(1);
    }

    @FXML
    private void onOpenConvention() {
        CeremonyItem item = itemsTable.getSelectionModel().getSelectedItem();
        if (item != null && support.mayLeaveForm()) {
            form.load(model.current.get());
            navigator.openConvention(item.conventionId());
        }
    }

    private void mark(Attendance attendance) {
        model.setAttendance(List.copyOf(signatoriesTable.getSelectionModel().getSelectedItems()), attendance,
                () -> { });
    }

    private void markAll(Attendance attendance) {
        CeremonyItem item = itemsTable.getSelectionModel().getSelectedItem();
        if (item != null) {
            model.setAttendance(item.signatories(), attendance, () -> { });
        }
    }

    @FXML
    private void onInvited() {
        mark(Attendance.INVITED);
    }

    @FXML
    private void onConfirmed() {
        mark(Attendance.CONFIRMED);
    }

    @FXML
    private void onDeclined() {
        mark(Attendance.DECLINED);
    }

    @FXML
    private void onPresent() {
        mark(Attendance.PRESENT);
    }

    @FXML
    private void onAllConfirmed() {
        markAll(Attendance.CONFIRMED);
    }

    @FXML
    private void onAllPresent() {
        markAll(Attendance.PRESENT);
    }

    @FXML
    private void onClose() {
        var i18n = ui.i18n();
        Ceremony c = model.current.get();
        if (c == null) {
            return;
        }
        long signable = model.items.stream().filter(CeremonyItem::signable).count();
        if (!ui.dialogs().confirm(support.window(), i18n.get("ceremonies.close.title"), i18n.format(
                "ceremonies.close.message", signable, Formats.date(c.date()), model.items.size() - signable),
                i18n.get("ceremonies.close"))) {
            return;
        }
        model.close(this::showClosing);
    }

    private void showClosing(CeremonyClosing closing) {
        afterLoad();
        var i18n = ui.i18n();
        StringBuilder text = new StringBuilder(i18n.format("ceremonies.closed.signed", closing.signed().size(),
                Formats.date(closing.ceremony().date())));
        if (closing.notSigned().stream().anyMatch(i -> i.status() == fr.ancrage.domain.ConventionStatus.READY_TO_SIGN)) {
            text.append("\n\n").append(i18n.get("ceremonies.closed.later"));
            for (CeremonyItem item : closing.notSigned().stream()
                    .filter(i -> i.status() == fr.ancrage.domain.ConventionStatus.READY_TO_SIGN).toList()) {
                String absent = item.signatories().stream().filter(s -> s.attendance() != Attendance.PRESENT)
                        .map(s -> i18n.format("ceremonies.closed.absent", s.fullName(), i18n.label(s.attendance())))
                        .collect(Collectors.joining(", "));
                text.append("\n• ").append(i18n.format("ceremonies.closed.item", item.companyName(), item.reference(),
                        absent.isEmpty() ? i18n.label(fr.ancrage.domain.CeremonyWarning.NO_SIGNATORY) : absent));
            }
        }
        // the others left « prête à signer » before the closing (back in negotiation, signed elsewhere…)
        List<CeremonyItem> others = closing.notSigned().stream()
                .filter(i -> i.status() != fr.ancrage.domain.ConventionStatus.READY_TO_SIGN).toList();
        if (!others.isEmpty()) {
            text.append("\n\n").append(i18n.get("ceremonies.closed.others"));
            others.forEach(item -> text.append("\n• ").append(i18n.format("ceremonies.closed.item", item.companyName(),
                    item.reference(), i18n.label(item.status()))));
        }
        ui.dialogs().info(support.window(), i18n.get(closing.alreadyClosed() ? "ceremonies.closed.already"
                : "ceremonies.closed.title"), text.toString());
    }

    @FXML
    private void onReopen() {
        var i18n = ui.i18n();
        Ceremony c = model.current.get();
        if (c == null) {
            return;
        }
        long signed = model.items.stream().filter(CeremonyItem::signed).count();
        boolean past = c.past(model.service().today());
        if (past && !ui.dialogs().confirm(support.window(), i18n.get("ceremonies.reopen.title"), i18n.format(
                "ceremonies.reopen.past", Formats.date(c.date()), signed), i18n.get("ceremonies.reopen"))) {
            return;
        }
        model.reopen(past, reopening -> {
            afterLoad();
            if (!reopening.kept().isEmpty()) {
                ui.dialogs().info(support.window(), i18n.get("ceremonies.reopen.title"), i18n.format(
                        "ceremonies.reopen.kept", reopening.unsigned().size(), reopening.kept().stream()
                                .map(i -> i.companyName() + " (" + i.reference() + ")")
                                .collect(Collectors.joining(", "))));
            }
        });
    }

    @FXML
    private void onTemplates() {
        ui.tasks().run(model.service()::templates, templates -> new TemplatesDialog(ui, model.service())
                .show(support.window(), templates), support::showError);
    }

    @FXML
    private void onDossier() {
        export(CeremonyDocument.DOSSIER);
    }

    @FXML
    private void onTents() {
        export(CeremonyDocument.TENTS);
    }

    @FXML
    private void onPrint() {
        export(CeremonyDocument.PRINT);
    }

    @FXML
    private void onPress() {
        export(CeremonyDocument.PRESS);
    }

    private void export(CeremonyDocument document) {
        Ceremony c = model.current.get();
        if (c != null && support.mayLeaveForm()) {
            form.load(c);
            exportDocument.accept(c.id(), document);
        }
    }
}
