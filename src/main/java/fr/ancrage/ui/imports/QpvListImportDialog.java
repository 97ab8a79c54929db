package fr.ancrage.ui.imports;

import fr.ancrage.domain.imports.QpvList;
import fr.ancrage.service.imports.QpvListImport;
import fr.ancrage.ui.common.Dialogs;
import fr.ancrage.ui.common.UiContext;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Function;

/**
 * « Importer la liste officielle des QPV » (issue 18): the file read and compared with the base,
 * every QPV that would be created, updated or refused, and those the list no longer holds (kept,
 * with the conventions targeting them); « Importer » writes them in one transaction.
 */
public final class QpvListImportDialog {

    private final UiContext ui;
    private final QpvListImportViewModel vm;
    private final SheetImportDialog.ReportChoice reportChoice;
    private final Dialog<Void> dialog = new Dialog<>();
    private final StackPane pages = new StackPane();
    private final VBox readingPage = new VBox(12);
    private final VBox previewPage = new VBox(8);
    private final VBox donePage = new VBox(8);
    private final VBox refusedPage = new VBox(10);
    private final Label fileLabel = ImportDialogs.label("qpvListFile", "hint");
    private final Label columns = ImportDialogs.label("qpvListColumns", "hint");
    private final Label summary = ImportDialogs.label("qpvListSummary", null);
    private final Label doneSummary = ImportDialogs.label("qpvListDoneSummary", null);
    private final Label problem = ImportDialogs.label("qpvListProblem", "error");
    private final Label saved = ImportDialogs.label("qpvListReportSaved", "hint");
    private final TableView<QpvList.Line> lines = new TableView<>();
    private final TableView<QpvListImport.Done> report = new TableView<>();
    private final Button importButton = new Button();

    public QpvListImportDialog(UiContext ui, QpvListImportViewModel vm, SheetImportDialog.ReportChoice reportChoice) {
        this.ui = ui;
        this.vm = vm;
        this.reportChoice = reportChoice;
    }

    public void show(Window owner) {
        var i18n = ui.i18n();
        ImportDialogs.prepare(dialog, i18n, owner, "import.qpv.title", "qpvListDialog", "qpvListCloseButton",
                () -> vm.step.get() == QpvListImportViewModel.Step.WRITING, vm::cancel);
        Dialogs.sizeLarge(dialog, 940, 620);
        dialog.getDialogPane().setContent(content());
        vm.step.subscribe(this::showStep);
        vm.problem.subscribe(problem::setText);
        vm.read();
        dialog.showAndWait();
    }

    private Node content() {
        var i18n = ui.i18n();
        fileLabel.setText(i18n.format("import.qpv.file", vm.file().getFileName()));
        ProgressIndicator progress = new ProgressIndicator();
        Button stop = new Button(i18n.get("import.sheet.cancelCheck"));
        stop.setId("qpvListStopButton");
        stop.setOnAction(e -> vm.cancel());
        readingPage.getChildren().setAll(progress, new Label(i18n.get("import.qpv.reading")), stop);
        readingPage.setAlignment(Pos.CENTER);

        lines.setId("qpvListLines");
        lines.setItems(vm.shown);
        lines.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        lines.getColumns().setAll(List.of(
                column("qpv.column.code", 95, QpvList.Line::code),
                column("qpv.column.name", 200, QpvList.Line::name),
                column("import.report.outcome", 150, vm::change),
                column("import.qpv.col.detail", 420, vm::detail)));
        lines.setPlaceholder(new Label(i18n.get("import.qpv.nothingChanges")));
        VBox.setVgrow(lines, Priority.ALWAYS);
        CheckBox unchanged = new CheckBox(i18n.get("import.qpv.showUnchanged"));
        unchanged.setId("qpvListShowUnchanged");
        unchanged.selectedProperty().bindBidirectional(vm.showUnchanged);
        importButton.setText(i18n.get("import.sheet.import"));
        importButton.setId("qpvListImportButton");
        importButton.getStyleClass().add("accent");
        importButton.setOnAction(e -> vm.importNow());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox actions = new HBox(8, unchanged, grow, importButton);
        actions.setAlignment(Pos.CENTER_LEFT);
        previewPage.getChildren().setAll(columns, summary, lines, actions);

        report.setId("qpvListReport");
        report.setItems(vm.done);
        report.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        report.getColumns().setAll(List.of(
                reportColumn("qpv.column.code", 95, d -> d.line().code()),
                reportColumn("qpv.column.name", 200, d -> d.line().name()),
                reportColumn("import.report.outcome", 130, d -> i18n.get("import.qpv.outcome." + d.outcome().name())),
                reportColumn("import.qpv.col.detail", 420, d -> vm.detail(d.line()))));
        VBox.setVgrow(report, Priority.ALWAYS);
        Button saveReport = new Button(i18n.get("import.sheet.saveReport"));
        saveReport.setId("qpvListSaveReportButton");
        saveReport.setOnAction(e -> reportChoice.choose(dialog.getDialogPane().getScene().getWindow(),
                vm.reportName()).ifPresent(p -> vm.saveReport(p, () -> saved.setText(
                        i18n.format("import.sheet.reportSaved", p.toAbsolutePath())))));
        HBox reportActions = new HBox(8, saveReport, saved);
        reportActions.setAlignment(Pos.CENTER_LEFT);
        donePage.getChildren().setAll(doneSummary, report, reportActions);

        Label refusedTitle = new Label(i18n.get("import.sheet.refused"));
        refusedTitle.getStyleClass().add("conflict-title");
        refusedPage.getChildren().setAll(refusedTitle);
        refusedPage.setPadding(new Insets(30, 40, 0, 40));

        pages.getChildren().setAll(readingPage, previewPage, donePage, refusedPage);
        BorderPane root = new BorderPane(pages, fileLabel, null, problem, null);
        BorderPane.setMargin(fileLabel, new Insets(0, 0, 8, 0));
        BorderPane.setMargin(problem, new Insets(8, 0, 0, 0));
        root.setPrefSize(900, 560);
        return root;
    }

    private void showStep(QpvListImportViewModel.Step step) {
        readingPage.setVisible(step == QpvListImportViewModel.Step.READING);
        previewPage.setVisible(step == QpvListImportViewModel.Step.PREVIEW || step == QpvListImportViewModel.Step.WRITING);
        donePage.setVisible(step == QpvListImportViewModel.Step.DONE);
        refusedPage.setVisible(step == QpvListImportViewModel.Step.REFUSED);
        importButton.setDisable(step != QpvListImportViewModel.Step.PREVIEW || !vm.somethingToWrite());
        importButton.setDefaultButton(step == QpvListImportViewModel.Step.PREVIEW && vm.somethingToWrite());
        var i18n = ui.i18n();
        if (step == QpvListImportViewModel.Step.PREVIEW) {
            columns.setText(vm.columns());
            summary.setText(vm.summary());
            lines.requestFocus();
        }
        if (step == QpvListImportViewModel.Step.DONE) {
            doneSummary.setText(vm.doneSummary());
            ((Button) dialog.getDialogPane().lookupButton(ButtonType.CLOSE)).setDefaultButton(true);
        }
    }

    private TableColumn<QpvList.Line, String> column(String key, double width, Function<QpvList.Line, String> value) {
        return ImportDialogs.column(ui.i18n(), key, width, value);
    }

    private TableColumn<QpvListImport.Done, String> reportColumn(String key, double width,
                                                                 Function<QpvListImport.Done, String> value) {
        return ImportDialogs.column(ui.i18n(), key, width, value);
    }
}
