package fr.ancrage.ui.imports;

import fr.ancrage.documents.sheets.CsvSettings;
import fr.ancrage.documents.sheets.SheetRow;
import fr.ancrage.domain.imports.ImportField;
import fr.ancrage.domain.imports.SheetKind;
import fr.ancrage.domain.imports.RowIssue;
import fr.ancrage.service.imports.SheetImport;
import fr.ancrage.ui.common.Dialogs;
import fr.ancrage.ui.common.UiContext;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * « Importer un tableur » (issue 18): what the sheet holds (organisations, contacts, conventions, engagements:
 * found out, the user may correct it), the file's first rows as read, its columns mapped to fields,
 * every row checked with its problems said where they are (row, column as the spreadsheet shows
 * them), a decision per row, then the rows written in one transaction and the report.
 */
public final class SheetImportDialog {

    /** Where the report is saved: the system's chooser, or an answer given in advance in the tests. */
    @FunctionalInterface
    public interface ReportChoice {
        Optional<Path> choose(Window owner, String initialName);
    }

    private static final int MAX_SHOWN_COLUMNS = 30;

    private final UiContext ui;
    private final SheetImportViewModel vm;
    private final ReportChoice reportChoice;
    private final Dialog<Void> dialog = new Dialog<>();
    private final Label fileLabel = label("sheetFile", "hint");
    private final Label columnsHint = label("sheetColumnsHint", "hint");
    private final HBox kindBox = new HBox(8);
    private final HBox settings = new HBox(10);
    private final Label problem = label("sheetProblem", "error");
    private final StackPane pages = new StackPane();
    private final VBox mappingPage = new VBox(8);
    private final VBox checkingPage = new VBox(12);
    private final VBox previewPage = new VBox(8);
    private final VBox donePage = new VBox(8);
    private final VBox refusedPage = new VBox(10);
    private final TableView<SheetRow> firstRows = new TableView<>();
    private final GridPane columns = new GridPane();
    private final Label previewSummary = label("sheetPreviewSummary", null);
    private final TableView<SheetImport.Line> lines = new TableView<>();
    private final Label doneSummary = label("sheetDoneSummary", null);
    private final TableView<SheetImport.Done> report = new TableView<>();
    private final Label saved = label("sheetReportSaved", "hint");
    private final Button checkButton = new Button();
    private final Button backButton = new Button();
    private final Button importButton = new Button();
    private final Button cancelCheckButton = new Button();
    private final Button saveReportButton = new Button();
    private final ComboBox<SheetImport.Group> bulkGroup = new ComboBox<>();
    private final ComboBox<String> mappingChoice = new ComboBox<>();
    private final ComboBox<SheetImport.Decision> bulkDecision = new ComboBox<>();
    private final Label bulkDone = new Label();
    private boolean settingUp;

    public SheetImportDialog(UiContext ui, SheetImportViewModel vm, ReportChoice reportChoice) {
        this.ui = ui;
        this.vm = vm;
        this.reportChoice = reportChoice;
    }

    private static Label label(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        if (style != null) {
            l.getStyleClass().add(style);
        }
        return l;
    }

    public void show(Window owner) {
        var i18n = ui.i18n();
        ImportDialogs.prepare(dialog, i18n, owner, "import.sheet.title", "sheetImportDialog", "sheetCloseButton",
                () -> vm.step.get() == SheetImportViewModel.Step.WRITING, vm::cancel);
        Dialogs.sizeLarge(dialog, 980, 660);
        dialog.getDialogPane().setContent(content());
        vm.step.subscribe(this::showStep);
        vm.problem.subscribe(problem::setText);
        vm.opened.subscribe(o -> {
            if (o != null) {
                opened(o);
            }
        });
        vm.mapping.subscribe(m -> importButtonState());
        vm.open(null, 0);
        dialog.showAndWait();
    }

    private Node content() {
        var i18n = ui.i18n();
        settings.setAlignment(Pos.CENTER_LEFT);
        kindBox.setAlignment(Pos.CENTER_LEFT);
        Region growTop = new Region();
        HBox.setHgrow(growTop, Priority.ALWAYS);
        HBox fileLine = new HBox(8, fileLabel, growTop, kindBox);
        fileLine.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, fileLine, settings);
        top.setPadding(new Insets(0, 0, 8, 0));

        Label rowsTitle = new Label(i18n.get("import.sheet.firstRows"));
        rowsTitle.getStyleClass().add("conflict-title");
        firstRows.setId("sheetFirstRows");
        firstRows.setPrefHeight(180);
        firstRows.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Label columnsTitle = new Label(i18n.get("import.sheet.columns"));
        columnsTitle.getStyleClass().add("conflict-title");
        columns.setHgap(12);
        columns.setPadding(new Insets(2, 0, 2, 0));
        columns.setVgap(6);
        columns.setId("sheetColumns");
        ScrollPane columnsScroll = new ScrollPane(columns);
        columnsScroll.setFitToWidth(true);
        VBox.setVgrow(columnsScroll, Priority.ALWAYS);
        checkButton.setText(i18n.get("import.sheet.check"));
        checkButton.setId("sheetCheckButton");
        checkButton.getStyleClass().add("accent");
        checkButton.setOnAction(e -> vm.check());
        mappingChoice.setId("sheetMappingChoice");
        mappingChoice.setItems(vm.mappingNames);
        mappingChoice.setPromptText(i18n.get("import.mapping.choose"));
        mappingChoice.valueProperty().addListener((obs, was, now) -> {
            if (!settingUp && now != null) {
                vm.useMapping(now);
            }
        });
        vm.mappingName.subscribe(name -> {
            boolean was = settingUp;
            settingUp = true;
            mappingChoice.setValue(name == null || name.isEmpty() ? null : name);
            settingUp = was;
        });
        mappingChoice.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.mappingNames));
        Button saveMapping = new Button(i18n.get("import.mapping.save"));
        saveMapping.setId("sheetSaveMapping");
        saveMapping.setOnAction(e -> askMappingName().ifPresent(vm::saveMapping));
        Label mappingNote = label("sheetMappingNote", "hint");
        mappingNote.textProperty().bind(vm.mappingNote);
        Label mappingLabel = new Label(i18n.get("import.mapping.label"));
        mappingLabel.setLabelFor(mappingChoice);
        Region growMapping = new Region();
        HBox.setHgrow(growMapping, Priority.ALWAYS);
        HBox mappingActions = new HBox(8, checkButton, growMapping, mappingLabel, mappingChoice, saveMapping);
        mappingActions.setAlignment(Pos.CENTER_LEFT);
        mappingPage.getChildren().setAll(rowsTitle, firstRows, columnsTitle, columnsHint, columnsScroll,
                mappingNote, mappingActions);

        ProgressIndicator progress = new ProgressIndicator();
        Label checking = new Label(i18n.get("import.sheet.checking"));
        cancelCheckButton.setText(i18n.get("import.sheet.cancelCheck"));
        cancelCheckButton.setId("sheetCancelCheckButton");
        cancelCheckButton.setOnAction(e -> vm.cancel());
        checkingPage.getChildren().setAll(progress, checking, cancelCheckButton);
        checkingPage.setAlignment(Pos.CENTER);

        lines.setId("sheetLines");
        lines.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(lines, Priority.ALWAYS);
        backButton.setText(i18n.get("import.sheet.back"));
        backButton.setId("sheetBackButton");
        backButton.setOnAction(e -> vm.backToMapping());
        importButton.setText(i18n.get("import.sheet.import"));
        importButton.setId("sheetImportButton");
        importButton.getStyleClass().add("accent");
        importButton.setOnAction(e -> vm.importNow());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        lines.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        lines.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::decideByKey);
        Label keys = label("sheetKeysHint", "hint");
        keys.setText(i18n.get("import.sheet.keys"));
        previewPage.getChildren().setAll(previewSummary, bulk(), lines, keys, new HBox(8, backButton, grow, importButton));

        report.setId("sheetReport");
        report.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        report.getColumns().setAll(List.of(
                reportColumn("import.sheet.col.row", 70, d -> String.valueOf(d.row())),
                reportColumn("import.sheet.col.name", 240, SheetImport.Done::name),
                reportColumn("import.report.outcome", 120, d -> i18n.get("import.outcome." + d.outcome().name())),
                reportColumn("import.report.why", 360, SheetImport.Done::why)));
        report.setItems(vm.done);
        VBox.setVgrow(report, Priority.ALWAYS);
        saveReportButton.setText(i18n.get("import.sheet.saveReport"));
        saveReportButton.setId("sheetSaveReportButton");
        saveReportButton.setOnAction(e -> reportChoice.choose(dialog.getDialogPane().getScene().getWindow(),
                vm.reportName()).ifPresent(p -> vm.saveReport(p, () -> saved.setText(
                        i18n.format("import.sheet.reportSaved", p.toAbsolutePath())))));
        donePage.getChildren().setAll(doneSummary, report, new HBox(8, saveReportButton, saved));

        Label refusedTitle = new Label(i18n.get("import.sheet.refused"));
        refusedTitle.getStyleClass().add("conflict-title");
        refusedPage.getChildren().setAll(refusedTitle);
        refusedPage.setPadding(new Insets(30, 40, 0, 40));

        pages.getChildren().setAll(mappingPage, checkingPage, previewPage, donePage, refusedPage);
        BorderPane root = new BorderPane(pages, top, null, problem, null);
        BorderPane.setMargin(problem, new Insets(8, 0, 0, 0));
        root.setPrefSize(940, 600);
        return root;
    }

    private void showStep(SheetImportViewModel.Step step) {
        mappingPage.setVisible(step == SheetImportViewModel.Step.MAPPING || step == SheetImportViewModel.Step.OPENING);
        checkingPage.setVisible(step == SheetImportViewModel.Step.CHECKING);
        previewPage.setVisible(step == SheetImportViewModel.Step.PREVIEW || step == SheetImportViewModel.Step.WRITING);
        donePage.setVisible(step == SheetImportViewModel.Step.DONE);
        refusedPage.setVisible(step == SheetImportViewModel.Step.REFUSED);
        settings.setDisable(step != SheetImportViewModel.Step.MAPPING);
        kindBox.setDisable(step != SheetImportViewModel.Step.MAPPING);
        // Enter checks the rows (nothing written); it never imports
        checkButton.setDefaultButton(step == SheetImportViewModel.Step.MAPPING);
        checkButton.setDisable(step != SheetImportViewModel.Step.MAPPING);
        importButton.setDisable(step != SheetImportViewModel.Step.PREVIEW);
        backButton.setDisable(step != SheetImportViewModel.Step.PREVIEW);
        if (step == SheetImportViewModel.Step.PREVIEW && vm.preview.get() != null) {
            previewColumns(vm.kind());
            lines.getItems().setAll(vm.preview.get().lines());
            bulkGroup.getItems().setAll(vm.groups().keySet());
            bulkDone.setText("");
            summary();
            lines.requestFocus();
        }
        if (step == SheetImportViewModel.Step.DONE) {
            doneSummary.setText(ui.i18n().format("import.sheet.done", vm.doneCount(SheetImport.Outcome.CREATED),
                    vm.doneCount(SheetImport.Outcome.UPDATED), vm.doneCount(SheetImport.Outcome.UNCHANGED),
                    vm.doneCount(SheetImport.Outcome.SKIPPED)));
            ((Button) dialog.getDialogPane().lookupButton(ButtonType.CLOSE)).setDefaultButton(true);
        }
        if (step == SheetImportViewModel.Step.MAPPING) {
            checkButton.requestFocus();
        }
    }

    /** The preview's columns for what the sheet holds: the row, the fields that name the record, its problems, the decision. */
    private void previewColumns(SheetKind kind) {
        List<TableColumn<SheetImport.Line, ?>> cols = new ArrayList<>();
        boolean many = kind.shown().size() > 3;
        cols.add(column("import.sheet.col.row", many ? 58 : 70, l -> String.valueOf(l.row().number())));
        int i = 0;
        for (ImportField f : kind.shown()) {
            double width = i++ == 0 ? (many ? 170 : 190) : switch (f) {
                case YEAR -> 64;
                case TARGET -> 80;
                case REALISED -> 74;
                default -> many ? 115 : 140;
            };
            TableColumn<SheetImport.Line, String> c = column("import.field." + f.name(), width, l -> l.row().shown(f));
            c.setMinWidth(Math.min(width, 80));
            cols.add(c);
        }
        cols.add(column("import.sheet.col.problems", many ? 200 : 280, this::problems));
        TableColumn<SheetImport.Line, SheetImport.Line> decision = decisionColumn();
        if (many) {
            decision.setMinWidth(205);
            decision.setPrefWidth(205);
        }
        cols.add(decision);
        lines.getColumns().setAll(cols);
    }

    /** The name to save the mapping under: the one in use, or the file's; empty when the user cancels. */
    private Optional<String> askMappingName() {
        var i18n = ui.i18n();
        SheetImport.Opened o = vm.opened.get();
        String proposed = o == null ? "" : o.mappingName().isEmpty() ? o.file().getFileName().toString()
                .replaceFirst("\\.[^.]*$", "") : o.mappingName();
        javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog(proposed);
        ask.initOwner(dialog.getDialogPane().getScene().getWindow());
        ask.setTitle(i18n.get("import.mapping.save.title"));
        ask.setHeaderText(i18n.get("import.mapping.save.header"));
        ask.setContentText(i18n.get("import.mapping.save.name"));
        ask.getDialogPane().setId("sheetMappingNameDialog");
        ((Button) ask.getDialogPane().lookupButton(ButtonType.OK)).setText(i18n.get("import.mapping.save.ok"));
        ((Button) ask.getDialogPane().lookupButton(ButtonType.CANCEL)).setText(i18n.get("action.cancel"));
        return ask.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    /** « Pour toutes les lignes » : a kind of rows, a decision, « Appliquer ». */
    private Node bulk() {
        var i18n = ui.i18n();
        bulkGroup.setId("sheetBulkGroup");
        bulkGroup.setConverter(converter(g -> g == null ? "" : i18n.format("import.group." + g.name(),
                vm.groups().getOrDefault(g, 0L))));
        bulkDecision.setId("sheetBulkDecision");
        bulkDecision.getItems().setAll(SheetImport.Decision.values());
        bulkDecision.setConverter(converter(d -> d == null ? "" : i18n.get("import.decision." + d.name())));
        Button apply = new Button(i18n.get("import.sheet.bulk.apply"));
        apply.setId("sheetBulkApply");
        apply.disableProperty().bind(bulkGroup.valueProperty().isNull().or(bulkDecision.valueProperty().isNull()));
        apply.setOnAction(e -> {
            int n = vm.decideAll(bulkGroup.getValue(), bulkDecision.getValue());
            bulkDone.setText(i18n.format("import.sheet.bulk.done", n,
                    i18n.get("import.decision." + bulkDecision.getValue().name())));
            lines.refresh();
            summary();
        });
        Label title = new Label(i18n.get("import.sheet.bulk"));
        title.setLabelFor(bulkGroup);
        bulkDone.setId("sheetBulkDone");
        bulkDone.getStyleClass().add("hint");
        HBox box = new HBox(8, title, bulkGroup, new Label("→"), bulkDecision, apply, bulkDone);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** I, C or G on the selected rows: import, complete the record already there, ignore (where the row allows it). */
    private void decideByKey(javafx.scene.input.KeyEvent e) {
        SheetImport.Decision d = switch (e.getCode()) {
            case I -> SheetImport.Decision.IMPORT;
            case C -> SheetImport.Decision.MATCH;
            case G -> SheetImport.Decision.SKIP;
            default -> null;
        };
        if (d == null || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        for (SheetImport.Line l : List.copyOf(lines.getSelectionModel().getSelectedItems())) {
            if (l.choices().contains(d)) {
                vm.decide(l, d);
            }
        }
        lines.refresh();
        summary();
        e.consume();
    }

    private void summary() {
        var p = vm.preview.get();
        previewSummary.setText(ui.i18n().format("import.sheet.summary", p.lines().size(),
                vm.count(SheetImport.Decision.IMPORT), vm.count(SheetImport.Decision.MATCH),
                vm.count(SheetImport.Decision.SKIP), p.withErrors()));
        importButtonState();
    }

    private void importButtonState() {
        importButton.setDisable(vm.step.get() != SheetImportViewModel.Step.PREVIEW);
    }

    /** The file opened: its settings, its first rows, a choice of field for each column. */
    private void opened(SheetImport.Opened o) {
        var i18n = ui.i18n();
        settingUp = true;
        fileLabel.setText(i18n.format("import.sheet.file", o.file().getFileName(), o.format().name()));
        settings.getChildren().clear();
        columnsHint.setText(i18n.format("import.sheet.columns.hint", i18n.get("import.kind." + o.kind().name() + ".hint")));
        ComboBox<SheetKind> kind = new ComboBox<>();
        kind.setId("sheetKind");
        kind.getItems().setAll(SheetKind.values());
        kind.setConverter(converter(k -> k == null ? "" : i18n.get("import.kind." + k.name())));
        kind.setValue(o.kind());
        kind.valueProperty().addListener((obs, was, now) -> {
            if (!settingUp && now != null) {
                vm.chooseKind(now);
            }
        });
        Label kindLabel = new Label(i18n.get("import.sheet.kind"));
        kindLabel.setLabelFor(kind);
        kindLabel.setMinWidth(Region.USE_PREF_SIZE);
        kind.setMinWidth(Region.USE_PREF_SIZE);
        kindBox.getChildren().setAll(kindLabel, kind);
        if (o.sheets().size() > 1) {
            ComboBox<String> sheet = new ComboBox<>();
            sheet.setId("sheetSheet");
            sheet.getItems().setAll(o.sheets());
            sheet.getSelectionModel().select(o.sheet());
            sheet.valueProperty().addListener((obs, was, now) -> {
                if (!settingUp) {
                    vm.open(o.csv(), sheet.getSelectionModel().getSelectedIndex());
                }
            });
            settings.getChildren().addAll(new Label(i18n.get("import.sheet.sheet")), sheet);
        }
        if (o.csv() != null) {
            ComboBox<Charset> encoding = new ComboBox<>();
            encoding.setId("sheetEncoding");
            encoding.getItems().setAll(CsvSettings.ENCODINGS);
            encoding.setConverter(converter(c -> i18n.get("import.sheet.encoding." + c.name())));
            encoding.setValue(o.csv().encoding());
            ComboBox<Character> separator = new ComboBox<>();
            separator.setId("sheetSeparator");
            separator.getItems().setAll(CsvSettings.SEPARATORS);
            separator.setConverter(converter(c -> i18n.get("import.sheet.separator." + (int) c.charValue())));
            separator.setValue(o.csv().separator());
            encoding.valueProperty().addListener((obs, was, now) -> {
                if (!settingUp && now != null) {
                    vm.open(o.csv().with(now), 0);
                }
            });
            separator.valueProperty().addListener((obs, was, now) -> {
                if (!settingUp && now != null) {
                    vm.open(o.csv().with(now.charValue()), 0);
                }
            });
            settings.getChildren().addAll(new Label(i18n.get("import.sheet.encoding")), encoding,
                    new Label(i18n.get("import.sheet.separator")), separator);
        }
        ComboBox<Integer> headerRow = new ComboBox<>();
        headerRow.setId("sheetHeaderRow");
        for (int r = 0; r <= Math.min(SheetImport.HEADER_SEARCH, o.firstRows().size()); r++) {
            headerRow.getItems().add(r == 0 ? 0 : o.firstRows().get(r - 1).number());
        }
        headerRow.setConverter(converter(r -> r == null ? "" : r == 0 ? i18n.get("import.sheet.header.none")
                : i18n.format("import.sheet.header.row", r)));
        headerRow.setValue(o.headerRow());
        headerRow.valueProperty().addListener((obs, was, now) -> {
            if (!settingUp && now != null) {
                vm.open(o.csv(), o.sheet(), now);
            }
        });
        Label headerLabel = new Label(i18n.get("import.sheet.header"));
        headerLabel.setLabelFor(headerRow);
        settings.getChildren().addAll(headerLabel, headerRow);
        // the labels whole; the lists give up their width instead
        settings.getChildren().forEach(n -> {
            if (n instanceof Label l) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            } else if (n instanceof ComboBox<?> c) {
                c.setMinWidth(120);
                HBox.setHgrow(c, Priority.SOMETIMES);
            }
        });
        firstRows(o);
        columns.getChildren().clear();
        for (int c = 0; c < Math.min(o.headers().size(), MAX_SHOWN_COLUMNS); c++) {
            String header = o.headers().get(c);
            Label name = new Label(i18n.format("import.sheet.column", SheetRow.columnName(c),
                    header.isBlank() ? i18n.get("import.sheet.noHeader") : header));
            name.setMinWidth(Region.USE_PREF_SIZE);
            ComboBox<ImportField> field = new ComboBox<>();
            field.setId("sheetField" + c);
            List<ImportField> choices = new ArrayList<>();
            choices.add(null);
            choices.addAll(o.kind().fields());
            field.getItems().setAll(choices);
            field.setConverter(converter(f -> f == null ? i18n.get("import.sheet.noField") : i18n.get("import.field." + f.name())));
            field.setValue(o.recognised().columns().get(c));
            int column = c;
            field.valueProperty().addListener((obs, was, now) -> {
                vm.map(column, now);
                problem.setText(vm.mappingProblem());
            });
            name.setLabelFor(field);
            // two columns of the sheet side by side: six columns fit without scrolling
            columns.add(name, (c % 2) * 2, c / 2);
            columns.add(field, (c % 2) * 2 + 1, c / 2);
        }
        settingUp = false;
    }

    private void firstRows(SheetImport.Opened o) {
        int width = o.firstRows().stream().mapToInt(r -> r.cells().size()).max().orElse(0);
        List<TableColumn<SheetRow, String>> cols = new ArrayList<>();
        TableColumn<SheetRow, String> number = new TableColumn<>(ui.i18n().get("import.sheet.col.row"));
        number.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.valueOf(c.getValue().number())));
        number.setPrefWidth(70);
        cols.add(number);
        for (int c = 0; c < Math.min(width, MAX_SHOWN_COLUMNS); c++) {
            int column = c;
            TableColumn<SheetRow, String> col = new TableColumn<>(SheetRow.columnName(c));
            col.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().cell(column).text()));
            col.setPrefWidth(140);
            cols.add(col);
        }
        firstRows.getColumns().setAll(cols);
        firstRows.getItems().setAll(o.firstRows());
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /** The row's problems, each with the column it is in, then what it looks like in the base. */
    private String problems(SheetImport.Line l) {
        var i18n = ui.i18n();
        List<String> said = new ArrayList<>();
        for (RowIssue issue : l.row().issues()) {
            String text = i18n.format(issue.issue().messageKey(), issue.issue().args().toArray());
            int c = issue.field() == null ? -1 : vm.preview.get().mapping().columnOf(issue.field());
            String header = c < 0 ? "" : vm.opened.get().headers().get(c);
            said.add(c < 0 ? text : i18n.format("import.sheet.inColumn", SheetRow.columnName(c),
                    header.isBlank() ? i18n.get("import.sheet.noHeader") : header, text));
        }
        if (l.match() != null) {
            said.add(i18n.format("import.match." + l.match().reason().name(), l.match().name(), l.match().row()));
        }
        return said.stream().collect(Collectors.joining("\n"));
    }

    private TableColumn<SheetImport.Line, String> column(String key, double width,
                                                                java.util.function.Function<SheetImport.Line, String> value) {
        TableColumn<SheetImport.Line, String> c = new TableColumn<>(ui.i18n().get(key));
        c.setCellValueFactory(l -> new ReadOnlyStringWrapper(value.apply(l.getValue())));
        c.setPrefWidth(width);
        wrapping(c);
        return c;
    }

    /** Cells whose text wraps to the column's width: the row grows to show the whole message. */
    static <S> void wrapping(TableColumn<S, String> c) {
        c.setCellFactory(col -> new TableCell<>() {
            // a Text wrapped to the column's width: the row grows to show the whole message
            private final javafx.scene.text.Text text = new javafx.scene.text.Text();

            {
                text.wrappingWidthProperty().bind(col.widthProperty().subtract(14));
                text.getStyleClass().add("text");
                text.fillProperty().bind(textFillProperty());
                text.fontProperty().bind(fontProperty());
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : text);
                setText(null);
                setAccessibleText(empty ? null : item);
            }
        });
    }

    private TableColumn<SheetImport.Line, SheetImport.Line> decisionColumn() {
        TableColumn<SheetImport.Line, SheetImport.Line> c =
                new TableColumn<>(ui.i18n().get("import.sheet.col.decision"));
        c.setPrefWidth(240);
        c.setMinWidth(240);
        c.setCellValueFactory(l -> new ReadOnlyObjectWrapper<>(l.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            private final ComboBox<SheetImport.Decision> box = new ComboBox<>();

            {
                box.setConverter(converter(d -> d == null ? "" : ui.i18n().get("import.decision." + d.name())));
                box.setMaxWidth(Double.MAX_VALUE);
                box.valueProperty().addListener((obs, was, now) -> {
                    SheetImport.Line line = getItem();
                    if (line != null && now != null && now != vm.decision(line)) {
                        vm.decide(line, now);
                        summary();
                    }
                });
            }

            @Override
            protected void updateItem(SheetImport.Line line, boolean empty) {
                super.updateItem(line, empty);
                if (empty || line == null) {
                    box.setId(null); // a cell put aside keeps no row's id
                    setGraphic(null);
                    return;
                }
                box.setId("sheetDecision" + line.row().number());
                box.getItems().setAll(line.choices());
                box.setValue(vm.decision(line));
                setGraphic(box);
            }
        });
        return c;
    }

    private TableColumn<SheetImport.Done, String> reportColumn(String key, double width,
                                                                      java.util.function.Function<SheetImport.Done, String> value) {
        TableColumn<SheetImport.Done, String> c = new TableColumn<>(ui.i18n().get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        wrapping(c);
        return c;
    }
}
