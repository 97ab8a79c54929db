package fr.ancrage.ui.exchange;

import fr.ancrage.domain.exchange.Merge;
import fr.ancrage.service.documents.DocumentService;
import fr.ancrage.service.exchange.ImportPlan;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.Dialogs;
import fr.ancrage.ui.common.UiContext;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * « Importer un paquet » : the package read and checked in the background, then its preview — who
 * made it, when, what it holds; per kind of record how many are new, changed, unchanged, deleted or
 * in conflict; the records that change; the records recognised as already here and the conventions
 * renumbered; and, field by field, the conflicts to answer (this base's value, the package's, the
 * one both had before). Nothing is written before « Importer »; « Annuler » is the default button
 * and Escape's answer. After the import, the result and its report, which can be saved.
 */
public final class ImportDialog {

    private final UiContext ui;
    private final ImportViewModel vm;
    private final ReportPane reportPane;
    private final ButtonType importType;
    private final ButtonType cancelType;
    private final ButtonType closeType;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private ExchangeTexts texts;

    private final Label from = label("importFrom", null);
    private final Label already = label("importAlready", "warning");
    private final Label nothing = label("importNothing", null);
    private final Label totals = label("importTotals", null);
    private final Label problem = label("importProblem", "error");
    private final TabPane tabs = new TabPane();
    private final VBox reading = new VBox(8);
    private final VBox done = new VBox(10);
    private final VBox refused = new VBox(10);
    private final Label refusal = label("importRefused", null);
    private final Label doneLabel = label("importDone", null);
    private final VBox conflictBlocks = new VBox(14);
    private final VBox matchRows = new VBox(8);
    private final ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    private final Label progressLabel = new Label();

    public ImportDialog(UiContext ui, ImportViewModel vm, DocumentService documents, FileChoice files) {
        this.ui = ui;
        this.vm = vm;
        this.reportPane = new ReportPane(ui, documents, files);
        var i18n = ui.i18n();
        importType = new ButtonType(i18n.get("exchange.import.confirm"), ButtonBar.ButtonData.OK_DONE);
        cancelType = new ButtonType(i18n.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        closeType = new ButtonType(i18n.get("action.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    /** Shows the dialog and reads the package; returns once it is closed. */
    public void show(Window owner) {
        var i18n = ui.i18n();
        texts = vm.texts(ui.clock().getZone());
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(i18n.get("exchange.import.title"));
        dialog.setHeaderText(null);
        dialog.getDialogPane().setId("importDialog");
        dialog.getDialogPane().setContent(content());
        Dialogs.sizeLarge(dialog, 960, 620);
        dialog.setOnShown(e -> Dialogs.keepCentred(dialog.getDialogPane().getScene().getWindow(), owner));
        dialog.setOnCloseRequest(e -> {
            if (vm.step.get() == ImportViewModel.Step.WRITING) {
                // the import ends whole or not at all: « Annuler » (or Escape) rolls it back, and the
                // dialog stays to say so
                e.consume();
                vm.cancelImport();
            } else {
                vm.abandon();
            }
        });
        vm.step.subscribe(this::showStep);
        vm.cancelling.subscribe(stopping -> {
            if (stopping) {
                progressLabel.setText(ui.i18n().get("exchange.import.cancelling"));
                dialog.getDialogPane().lookupButton(cancelType).setDisable(true);
            }
        });
        // a refused package is said in the middle of the dialog; a failed import above its preview
        vm.problem.subscribe(p -> {
            boolean whole = vm.step.get() == ImportViewModel.Step.REFUSED;
            refusal.setText(whole ? p : "");
            problem.setText(whole ? "" : p);
        });
        vm.read();
        dialog.showAndWait();
    }

    private Node content() {
        var i18n = ui.i18n();
        Label file = new Label(i18n.format("exchange.import.file", vm.file().getFileName().toString()));
        file.getStyleClass().add("hint");
        file.setId("importFile");
        VBox top = new VBox(4, file, from, already, nothing, totals, problem);
        top.setPadding(new Insets(0, 0, 8, 0));

        progressLabel.setText(i18n.get("exchange.import.reading"));
        progress.setMaxWidth(Double.MAX_VALUE);
        reading.getChildren().setAll(progress, progressLabel);
        reading.setId("importReading");
        reading.setAlignment(Pos.CENTER);
        reading.setPadding(new Insets(40));

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("importTabs");

        done.setId("importResult");
        Label refusedTitle = new Label(i18n.get("exchange.import.refused"),
                new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignA.ALERT_OUTLINE));
        refusedTitle.getStyleClass().add("conflict-title");
        refusal.getStyleClass().add("import-refusal");
        Label unchanged = new Label(i18n.get("exchange.import.refused.unchanged"));
        unchanged.getStyleClass().add("hint");
        unchanged.setWrapText(true);
        refused.getChildren().setAll(refusedTitle, refusal, unchanged);
        refused.setPadding(new Insets(30, 40, 0, 40));
        refused.setMaxWidth(760);
        StackPane.setAlignment(refused, Pos.TOP_CENTER);
        StackPane center = new StackPane(reading, tabs, done, refused);
        BorderPane pane = new BorderPane(center);
        pane.setTop(top);
        pane.setPadding(new Insets(10, 12, 4, 12));
        return pane;
    }

    private void showStep(ImportViewModel.Step step) {
        var i18n = ui.i18n();
        reading.setVisible(step == ImportViewModel.Step.READING || step == ImportViewModel.Step.WRITING);
        tabs.setVisible(step == ImportViewModel.Step.PREVIEW);
        done.setVisible(step == ImportViewModel.Step.DONE);
        refused.setVisible(step == ImportViewModel.Step.REFUSED);
        switch (step) {
            case READING -> {
                progressLabel.setText(i18n.get("exchange.import.reading"));
                buttons(importType, cancelType);
            }
            case REFUSED -> buttons(closeType);
            case PREVIEW -> {
                if (tabs.getTabs().isEmpty()) {
                    preview(vm.preview.get());
                }
                buttons(importType, cancelType);
            }
            case WRITING -> progressLabel.setText(i18n.get("exchange.import.writing"));
            case DONE -> {
                result(vm.result.get());
                buttons(closeType);
            }
        }
    }

    /** The dialog's buttons; the one that closes is the default, so that Enter never imports. */
    private void buttons(ButtonType... types) {
        var pane = dialog.getDialogPane();
        pane.getButtonTypes().setAll(types);
        for (ButtonType t : types) {
            Button b = (Button) pane.lookupButton(t);
            b.setDefaultButton(t != importType);
            b.setCancelButton(t != importType);
            if (!b.disableProperty().isBound()) {
                b.setDisable(false);
            }
            if (b.getProperties().putIfAbsent(ImportDialog.class, Boolean.TRUE) != null) {
                continue; // the same button again (back to the preview after a refusal): set up once
            }
            if (t == importType) {
                b.setId("importButton");
                b.disableProperty().bind(vm.canImport().not());
                b.addEventFilter(ActionEvent.ACTION, e -> {
                    e.consume(); // the dialog stays open to show the result
                    vm.importNow();
                });
            } else {
                b.setId(t == closeType ? "importCloseButton" : "importCancelButton");
            }
        }
    }

    // --- Preview -------------------------------------------------------------------------------

    private void preview(ImportPlan plan) {
        var i18n = ui.i18n();
        from.setText(i18n.format("exchange.import.from", texts.baseName(plan.baseName()), texts.when(plan.packageAt()),
                plan.scope() == null || plan.scope().isBlank() ? "—" : plan.scope()));
        if (plan.alreadyImportedAt() != null) {
            already.setText(i18n.format("exchange.import.already", texts.when(plan.alreadyImportedAt())));
        }
        if (plan.changesNothing()) {
            nothing.setText(i18n.get("exchange.import.nothing"));
        }
        ImportPlan.Counts t = plan.totals();
        String line = totalsText(t);
        totals.setText(plan.conflictCount() == 0 ? line
                : line + "\n" + i18n.format("exchange.import.conflictsToAnswer", plan.conflictCount()));

        Tab summary = new Tab(i18n.get("exchange.tab.summary"), pad(counts(plan, "importCounts")));
        summary.setId("summaryTab");
        Tab records = new Tab(i18n.format("exchange.tab.records", plan.items().size()), records());
        records.setId("recordsTab");
        tabs.getTabs().setAll(summary, records);
        if (plan.conflictCount() > 0) {
            Tab conflicts = new Tab(i18n.format("exchange.tab.conflicts", plan.conflictCount()), conflicts());
            conflicts.setId("conflictsTab");
            tabs.getTabs().add(conflicts);
        }
        if (!plan.matches().isEmpty() || !plan.renumberings().isEmpty()) {
            Tab matches = new Tab(i18n.format("exchange.tab.matches", plan.matches().size() + plan.renumberings().size()),
                    matches(plan));
            matches.setId("matchesTab");
            tabs.getTabs().add(matches);
        }
        // the questions first: what the user must answer before importing
        tabs.getTabs().stream().filter(x -> "conflictsTab".equals(x.getId())).findFirst().ifPresent(tab -> {
            tabs.getSelectionModel().select(tab);
            javafx.application.Platform.runLater(() -> tabs.getSelectionModel().select(tab));
        });
    }

    private String totalsText(ImportPlan.Counts t) {
        return ui.i18n().format("exchange.import.totals", t.created(), t.updated(), t.unchanged(), t.deleted(),
                t.conflicts());
    }

    private static Node pad(Node n) {
        VBox box = new VBox(n);
        box.setPadding(new Insets(10, 0, 0, 0));
        VBox.setVgrow(n, Priority.ALWAYS);
        return box;
    }

    /** One line per kind of record: new, changed, unchanged, deleted, in conflict; and the total. */
    private TableView<Object[]> counts(ImportPlan plan, String id) {
        var i18n = ui.i18n();
        TableView<Object[]> table = new TableView<>();
        table.setId(id);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Object[], String> kind = new TableColumn<>(i18n.get("exchange.counts.kind"));
        kind.setCellValueFactory(c -> new ReadOnlyStringWrapper((String) c.getValue()[0]));
        kind.setPrefWidth(260);
        table.getColumns().add(kind);
        String[] heads = {"exchange.counts.created", "exchange.counts.updated", "exchange.counts.unchanged",
                "exchange.counts.deleted", "exchange.counts.conflicts"};
        for (int i = 0; i < heads.length; i++) {
            int index = i + 1;
            TableColumn<Object[], String> col = new TableColumn<>(i18n.get(heads[i]));
            col.setCellValueFactory(c -> new ReadOnlyStringWrapper(fr.ancrage.ui.common.Formats.integer(
                    (Integer) c.getValue()[index])));
            col.setPrefWidth(110);
            Cells.rightAligned(col);
            table.getColumns().add(col);
        }
        List<Object[]> rows = new ArrayList<>();
        for (var e : plan.counts().entrySet()) {
            ImportPlan.Counts c = e.getValue();
            rows.add(new Object[]{texts.kind(e.getKey()), c.created(), c.updated(), c.unchanged(), c.deleted(),
                    c.conflicts()});
        }
        ImportPlan.Counts t = plan.totals();
        rows.add(new Object[]{i18n.get("exchange.counts.total"), t.created(), t.updated(), t.unchanged(), t.deleted(),
                t.conflicts()});
        table.getItems().setAll(rows);
        table.setPlaceholder(Cells.placeholder(i18n.get("exchange.counts.none")));
        return table;
    }

    /** The records the import changes, filtered by what happens to them. */
    private Node records() {
        var i18n = ui.i18n();
        ComboBox<ImportViewModel.Filter> filter = new ComboBox<>();
        filter.setId("recordsFilter");
        filter.getItems().setAll(ImportViewModel.Filter.values());
        filter.setConverter(Cells.converter(f -> i18n.format(switch (f) {
            case ALL -> "exchange.filter.ALL";
            case NEW -> "exchange.filter.NEW";
            case UPDATED -> "exchange.filter.UPDATED";
            case DELETED -> "exchange.filter.DELETED";
            case CONFLICT -> "exchange.filter.CONFLICT";
        }, vm.count(f))));
        filter.valueProperty().bindBidirectional(vm.filter);
        Label filterLabel = new Label(i18n.get("exchange.filter"));
        filterLabel.setLabelFor(filter);
        filterLabel.setMinWidth(Label.USE_PREF_SIZE);
        HBox bar = new HBox(8, filterLabel, filter);
        bar.setAlignment(Pos.CENTER_LEFT);

        TableView<ImportPlan.Item> table = new TableView<>(vm.items);
        table.setId("recordsTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Cells.placeholder(i18n.get("exchange.records.none")));
        TableColumn<ImportPlan.Item, String> kind = new TableColumn<>(i18n.get("exchange.records.kind"));
        Cells.text(kind, i -> texts.kind(i.kind()));
        kind.setPrefWidth(170);
        TableColumn<ImportPlan.Item, String> name = new TableColumn<>(i18n.get("exchange.records.name"));
        Cells.text(name, ImportPlan.Item::label);
        name.setPrefWidth(330);
        TableColumn<ImportPlan.Item, String> outcome = new TableColumn<>(i18n.get("exchange.records.outcome"));
        Cells.text(outcome, i -> texts.outcome(i.outcome()));
        outcome.setPrefWidth(100);
        TableColumn<ImportPlan.Item, String> fields = new TableColumn<>(i18n.get("exchange.records.fields"));
        Cells.text(fields, this::changed);
        fields.setPrefWidth(300);
        table.getColumns().setAll(List.of(kind, name, outcome, fields));
        VBox box = new VBox(8, bar, table);
        box.setPadding(new Insets(10, 0, 0, 0));
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    /** What changes in a record: its fields, or for a conflict the fields in conflict. */
    private String changed(ImportPlan.Item i) {
        var i18n = ui.i18n();
        return switch (i.outcome()) {
            case NEW -> i18n.get("exchange.records.new");
            case DELETED -> i18n.get("exchange.records.deleted");
            case CONFLICT -> switch (i.recordConflict()) {
                case DELETED_HERE -> i18n.get("exchange.conflict.deletedHere");
                case DELETED_THERE -> i18n.get("exchange.conflict.deletedThere");
                case NONE -> texts.fields(i.conflicts().stream().map(Merge.FieldConflict::field).toList());
            };
            default -> i.changedFields().size() > 3 ? texts.fields(i.changedFields())
                    : String.join(" ; ", i.changedFields().stream().map(f -> i18n.format("exchange.records.change",
                            texts.field(f), shortValue(texts.value(i.kind(), f, i.theirs().get(f))))).toList());
        };
    }

    private static String shortValue(String v) {
        return v.length() > 40 ? v.substring(0, 39) + "…" : v;
    }

    // --- Conflicts -----------------------------------------------------------------------------

    private Node conflicts() {
        var i18n = ui.i18n();
        Label hint = new Label(i18n.get("exchange.conflicts.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMinHeight(Label.USE_PREF_SIZE);
        conflictBlocks.getChildren().setAll(hint);
        int index = 0;
        for (ImportViewModel.RecordAnswer r : vm.conflicts) {
            conflictBlocks.getChildren().add(block(r, index++));
        }
        conflictBlocks.setPadding(new Insets(10, 12, 10, 2));
        ScrollPane scroll = new ScrollPane(conflictBlocks);
        scroll.setFitToWidth(true);
        scroll.setId("conflictsScroll");
        scroll.getStyleClass().add("form-scroll");
        return scroll;
    }

    private Node block(ImportViewModel.RecordAnswer r, int index) {
        var i18n = ui.i18n();
        ImportPlan.Item item = r.item();
        Label title = new Label(i18n.format("exchange.conflict.title", texts.kind(item.kind()), item.label()));
        title.getStyleClass().add("conflict-title");
        title.setWrapText(true);
        title.setMinHeight(Label.USE_PREF_SIZE);
        VBox block = new VBox(8, title);
        block.getStyleClass().add("conflict-block");
        block.setId("conflict" + index);
        if (item.recordConflict() != Merge.RecordConflict.NONE) {
            boolean deletedHere = item.recordConflict() == Merge.RecordConflict.DELETED_HERE;
            Label what = new Label(i18n.get(deletedHere ? "exchange.conflict.deletedHere.explain"
                    : "exchange.conflict.deletedThere.explain"));
            what.setWrapText(true);
            what.setMinHeight(Label.USE_PREF_SIZE);
            ToggleGroup group = new ToggleGroup();
            RadioButton mine = radio(group, Merge.Choice.MINE, i18n.get(deletedHere ? "exchange.conflict.keepDeleted"
                    : "exchange.conflict.keepRecord"), "conflictMine" + index);
            RadioButton theirs = radio(group, Merge.Choice.THEIRS, i18n.get(deletedHere ? "exchange.conflict.restore"
                    : "exchange.conflict.delete"), "conflictTheirs" + index);
            bind(group, r.choice);
            block.getChildren().addAll(what, new VBox(6, mine, theirs));
            return block;
        }
        boolean anyBefore = r.fields.stream().anyMatch(f -> f.conflict().beforeKnown());
        GridPane grid = new GridPane();
        grid.getStyleClass().add("conflict-grid");
        grid.setHgap(12);
        grid.setVgap(8);
        List<String> heads = new ArrayList<>(List.of("exchange.conflict.field", "exchange.conflict.mine",
                "exchange.conflict.theirs"));
        if (anyBefore) {
            heads.add("exchange.conflict.before");
        }
        heads.add("exchange.conflict.choice");
        for (int c = 0; c < heads.size(); c++) {
            Label head = new Label(i18n.get(heads.get(c)));
            head.getStyleClass().add("conflict-head");
            head.setMinWidth(Label.USE_PREF_SIZE);
            grid.add(head, c, 0);
            ColumnConstraints cc = new ColumnConstraints();
            boolean choice = c == heads.size() - 1;
            cc.setPrefWidth(choice ? 260 : c == 0 ? 150 : 150);
            cc.setMinWidth(choice ? 230 : 90);
            cc.setHgrow(choice ? Priority.NEVER : Priority.SOMETIMES);
            grid.getColumnConstraints().add(cc);
        }
        int row = 1;
        for (ImportViewModel.FieldAnswer f : r.fields) {
            Merge.FieldConflict c = f.conflict();
            String id = index + "_" + (row - 1);
            int col = 0;
            grid.add(cell(texts.field(c.field()), "conflictField" + id), col++, row);
            grid.add(cell(texts.value(item.kind(), c.field(), c.mine()), "conflictHere" + id), col++, row);
            grid.add(cell(texts.value(item.kind(), c.field(), c.theirs()), "conflictPackage" + id), col++, row);
            if (anyBefore) {
                Label before = cell(c.beforeKnown() ? texts.value(item.kind(), c.field(), c.before())
                        : i18n.get("exchange.conflict.beforeUnknown"), "conflictBefore" + id);
                if (!c.beforeKnown()) {
                    before.getStyleClass().add("hint");
                }
                grid.add(before, col++, row);
            }
            grid.add(choice(f, id), col, row);
            for (Node n : grid.getChildren()) {
                if (GridPane.getRowIndex(n) != null && GridPane.getRowIndex(n) == row) {
                    GridPane.setValignment(n, VPos.TOP);
                }
            }
            row++;
        }
        String rule = r.fields.stream().map(f -> f.conflict().rule()).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        if (rule != null) {
            Label why = new Label(i18n.format("exchange.conflict.rule.explain", i18n.get(rule)));
            why.setId("conflictRule" + index);
            why.setWrapText(true);
            why.setMinHeight(Label.USE_PREF_SIZE);
            block.getChildren().add(why);
        }
        Button keepAll = new Button(i18n.get("exchange.conflict.keepAll"));
        keepAll.setId("conflictKeepAll" + index);
        keepAll.setOnAction(e -> r.all(Merge.Choice.MINE));
        Button takeAll = new Button(i18n.get("exchange.conflict.takeAll"));
        takeAll.setId("conflictTakeAll" + index);
        takeAll.setOnAction(e -> r.all(Merge.Choice.THEIRS));
        HBox all = new HBox(8, keepAll, takeAll);
        block.getChildren().addAll(grid, all);
        return block;
    }

    private Node choice(ImportViewModel.FieldAnswer f, String id) {
        var i18n = ui.i18n();
        ToggleGroup group = new ToggleGroup();
        RadioButton mine = radio(group, Merge.Choice.MINE, i18n.get("exchange.answer.keepMine"), "conflictKeep" + id);
        RadioButton theirs = radio(group, Merge.Choice.THEIRS, i18n.get("exchange.answer.takeTheirs"),
                "conflictTake" + id);
        VBox box = new VBox(4, mine, theirs);
        if (f.mayBeEdited()) {
            RadioButton edit = radio(group, Merge.Choice.EDIT, i18n.get("exchange.answer.edit"), "conflictEdit" + id);
            TextField value = new TextField();
            value.setId("conflictValue" + id);
            value.textProperty().bindBidirectional(f.edited);
            value.disableProperty().bind(f.choice.isNotEqualTo(Merge.Choice.EDIT));
            value.setPrefColumnCount(12);
            value.setAccessibleText(i18n.get("exchange.answer.edit"));
            HBox.setHgrow(value, Priority.ALWAYS);
            HBox editRow = new HBox(6, edit, value);
            editRow.setAlignment(Pos.CENTER_LEFT);
            Label message = new Label();
            message.setId("conflictValueProblem" + id);
            message.getStyleClass().addAll("field-message", "error");
            message.setWrapText(true);
            message.setMinHeight(Label.USE_PREF_SIZE);
            message.textProperty().bind(f.problemProperty());
            message.managedProperty().bind(f.problemProperty().isNotEmpty());
            message.visibleProperty().bind(message.managedProperty());
            f.choice.subscribe(c -> {
                if (c == Merge.Choice.EDIT && value.getScene() != null) {
                    value.requestFocus();
                }
            });
            box.getChildren().addAll(editRow, message);
        }
        bind(group, f.choice);
        return box;
    }

    private static RadioButton radio(ToggleGroup group, Merge.Choice choice, String text, String id) {
        RadioButton r = new RadioButton(text);
        r.setToggleGroup(group);
        r.setUserData(choice);
        r.setId(id);
        r.setMinWidth(Region.USE_PREF_SIZE);
        return r;
    }

    /** The group's selection and the answer follow each other. */
    private static void bind(ToggleGroup group, javafx.beans.property.ObjectProperty<Merge.Choice> answer) {
        answer.subscribe(c -> group.getToggles().stream().filter(t -> t.getUserData() == c).findFirst()
                .ifPresent(t -> t.setSelected(true)));
        group.selectedToggleProperty().subscribe(t -> {
            if (t != null) {
                answer.set((Merge.Choice) t.getUserData());
            }
        });
    }

    private static Label cell(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        l.setMaxWidth(240);
        if (text.length() > 60) {
            Tooltip tip = new Tooltip(text);
            tip.setWrapText(true);
            tip.setMaxWidth(500);
            l.setTooltip(tip);
        }
        return l;
    }

    // --- Recognised records and renumbered conventions ------------------------------------------

    private Node matches(ImportPlan plan) {
        var i18n = ui.i18n();
        matchRows.getChildren().clear();
        if (!vm.matches.isEmpty()) {
            matchRows.getChildren().add(heading(i18n.get("exchange.matches.title")));
            matchRows.getChildren().add(hint(i18n.get("exchange.matches.hint")));
            int index = 0;
            for (ImportViewModel.MatchAnswer m : vm.matches) {
                ImportPlan.Match match = m.match();
                Label what = new Label(i18n.format("exchange.matches.line", texts.kind(match.kind()), match.label()));
                what.setWrapText(true);
                what.setMinHeight(Label.USE_PREF_SIZE);
                HBox row = new HBox(12, what);
                row.setAlignment(Pos.CENTER_LEFT);
                Region left;
                if (match.offered()) {
                    CheckBox merge = new CheckBox(i18n.get("exchange.matches.merge"));
                    merge.setId("matchMerge" + index);
                    merge.selectedProperty().bindBidirectional(m.merge);
                    left = merge;
                } else {
                    Label merged = new Label(i18n.get("exchange.matches.merged"));
                    merged.getStyleClass().add("hint");
                    left = merged;
                }
                // one column for the boxes and the « Fusionné » of the records merged by themselves
                left.setMinWidth(Region.USE_PREF_SIZE);
                left.setPrefWidth(110);
                row.getChildren().add(0, left);
                matchRows.getChildren().add(row);
                index++;
            }
        }
        if (!plan.renumberings().isEmpty()) {
            matchRows.getChildren().add(heading(i18n.get("exchange.renumbered.title")));
            matchRows.getChildren().add(hint(i18n.get("exchange.renumbered.hint")));
            for (ImportPlan.Renumbering r : plan.renumberings()) {
                Label line = new Label(i18n.format(r.incoming() ? "exchange.report.renumberedIncoming"
                        : "exchange.report.renumberedLocal", r.before(), r.after()));
                line.setWrapText(true);
                line.setMinHeight(Label.USE_PREF_SIZE);
                matchRows.getChildren().add(line);
            }
        }
        matchRows.setPadding(new Insets(10, 12, 10, 2));
        ScrollPane scroll = new ScrollPane(matchRows);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("form-scroll");
        return scroll;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("conflict-title");
        return l;
    }

    private static Label hint(String text) {
        return fr.ancrage.ui.common.Layouts.hint(text);
    }

    // --- Result --------------------------------------------------------------------------------

    private void result(ImportPlan plan) {
        var i18n = ui.i18n();
        ImportPlan.Counts t = plan.totals();
        doneLabel.setText(plan.changesNothing() ? i18n.get("exchange.import.doneNothing")
                : i18n.format("exchange.import.done", t.created(), t.updated(), t.deleted(), plan.conflictCount()));
        doneLabel.getStyleClass().add("export-done");
        TableView<Object[]> table = counts(plan, "importResultCounts");
        table.setPrefHeight(220);
        reportPane.show(vm.report.get(), ReportPane.fileName(LocalDate.now(ui.clock()), plan.baseName()));
        Label reportTitle = heading(i18n.get("exchange.report.heading"));
        done.getChildren().setAll(doneLabel, table, reportTitle, reportPane.root());
        VBox.setVgrow(reportPane.root(), Priority.ALWAYS);
        done.setPadding(new Insets(4, 0, 0, 0));
        already.setText("");
        nothing.setText("");
        totals.setText("");
        done.toFront();
    }

    private static Label label(String id, String kind) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        if (kind != null) {
            l.getStyleClass().addAll("field-message", kind);
        }
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.managedProperty());
        return l;
    }

    /** Saves the report shown after the import (tests call it without the file chooser). */
    void saveReport(java.nio.file.Path target) {
        reportPane.save(target);
    }

    /** The state of the dialog (tests). */
    public ImportViewModel viewModel() {
        return vm;
    }
}
