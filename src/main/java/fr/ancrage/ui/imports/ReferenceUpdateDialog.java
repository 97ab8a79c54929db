package fr.ancrage.ui.imports;

import fr.ancrage.domain.imports.ReferenceUpdate;
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
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;

/**
 * « Mettre à jour le référentiel des territoires » (issue 18): a newer release of the
 * administrative divisions compared with the base, what records still use first (kept, to
 * review), then every other change; « Mettre à jour » applies it in one transaction.
 */
public final class ReferenceUpdateDialog {

    private final UiContext ui;
    private final ReferenceUpdateViewModel vm;
    private final SheetImportDialog.ReportChoice reportChoice;
    private final Dialog<Void> dialog = new Dialog<>();
    private final StackPane pages = new StackPane();
    private final VBox readingPage = new VBox(12);
    private final VBox previewPage = new VBox(8);
    private final VBox refusedPage = new VBox(10);
    private final Label summary = ImportDialogs.label("referenceSummary", null);
    private final Label problem = ImportDialogs.label("referenceProblem", "error");
    private final Label saved = ImportDialogs.label("referenceReportSaved", "hint");
    private final TableView<ReferenceUpdate.Change> changes = new TableView<>();
    private final Button updateButton = new Button();
    private final Button saveReport = new Button();

    public ReferenceUpdateDialog(UiContext ui, ReferenceUpdateViewModel vm, SheetImportDialog.ReportChoice reportChoice) {
        this.ui = ui;
        this.vm = vm;
        this.reportChoice = reportChoice;
    }

    public void show(Window owner) {
        var i18n = ui.i18n();
        ImportDialogs.prepare(dialog, i18n, owner, "import.reference.title", "referenceDialog", "referenceCloseButton",
                () -> vm.step.get() == ReferenceUpdateViewModel.Step.WRITING, () -> { });
        Dialogs.sizeLarge(dialog, 940, 620);
        dialog.getDialogPane().setContent(content());
        vm.step.subscribe(this::showStep);
        vm.problem.subscribe(problem::setText);
        vm.read();
        dialog.showAndWait();
    }

    private Node content() {
        var i18n = ui.i18n();
        var texts = vm.texts();
        Label folder = ImportDialogs.label("referenceFolder", "hint");
        folder.setText(i18n.format("import.reference.folder", vm.folder()));
        readingPage.getChildren().setAll(new ProgressIndicator(), new Label(i18n.get("import.reference.reading")));
        readingPage.setAlignment(Pos.CENTER);

        changes.setId("referenceChanges");
        changes.setItems(vm.shown);
        changes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        changes.getColumns().setAll(List.of(
                ImportDialogs.column(i18n, "import.reference.col.level", 90, texts::level),
                ImportDialogs.column(i18n, "import.reference.col.code", 90, ReferenceUpdate.Change::code),
                ImportDialogs.column(i18n, "import.reference.col.change", 110, texts::kind),
                ImportDialogs.column(i18n, "import.reference.col.name", 220, texts::name),
                ImportDialogs.column(i18n, "import.qpv.col.detail", 360, texts::detail)));
        changes.setPlaceholder(new Label(i18n.get("import.reference.summary.nothing").replace("{0} : ", "")));
        VBox.setVgrow(changes, Priority.ALWAYS);
        CheckBox onlyReview = new CheckBox(i18n.get("import.reference.onlyReview"));
        onlyReview.setId("referenceOnlyReview");
        onlyReview.selectedProperty().bindBidirectional(vm.onlyReview);
        updateButton.setText(i18n.get("import.reference.update"));
        updateButton.setId("referenceUpdateButton");
        updateButton.getStyleClass().add("accent");
        updateButton.setOnAction(e -> vm.update());
        saveReport.setText(i18n.get("import.sheet.saveReport"));
        saveReport.setId("referenceSaveReportButton");
        saveReport.setOnAction(e -> reportChoice.choose(dialog.getDialogPane().getScene().getWindow(),
                vm.reportName()).ifPresent(p -> vm.saveReport(p, () -> saved.setText(
                        i18n.format("import.sheet.reportSaved", p.toAbsolutePath())))));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox actions = new HBox(8, onlyReview, saveReport, saved, grow, updateButton);
        actions.setAlignment(Pos.CENTER_LEFT);
        previewPage.getChildren().setAll(summary, changes, actions);

        Label refusedTitle = new Label(i18n.get("import.sheet.refused"));
        refusedTitle.getStyleClass().add("conflict-title");
        refusedPage.getChildren().setAll(refusedTitle);
        refusedPage.setPadding(new Insets(30, 40, 0, 40));

        pages.getChildren().setAll(readingPage, previewPage, refusedPage);
        BorderPane root = new BorderPane(pages, folder, null, problem, null);
        BorderPane.setMargin(folder, new Insets(0, 0, 8, 0));
        BorderPane.setMargin(problem, new Insets(8, 0, 0, 0));
        root.setPrefSize(900, 560);
        return root;
    }

    private void showStep(ReferenceUpdateViewModel.Step step) {
        readingPage.setVisible(step == ReferenceUpdateViewModel.Step.READING);
        previewPage.setVisible(step == ReferenceUpdateViewModel.Step.PREVIEW || step == ReferenceUpdateViewModel.Step.WRITING
                || step == ReferenceUpdateViewModel.Step.DONE);
        refusedPage.setVisible(step == ReferenceUpdateViewModel.Step.REFUSED);
        boolean preview = step == ReferenceUpdateViewModel.Step.PREVIEW;
        updateButton.setDisable(!preview || !vm.somethingToWrite());
        updateButton.setDefaultButton(preview && vm.somethingToWrite());
        updateButton.setVisible(step != ReferenceUpdateViewModel.Step.DONE);
        saveReport.setVisible(step == ReferenceUpdateViewModel.Step.DONE);
        if (preview) {
            summary.setText(vm.summary());
            changes.requestFocus();
        }
        if (step == ReferenceUpdateViewModel.Step.DONE) {
            summary.setText(ui.i18n().format("import.reference.done", vm.summary()));
            ((Button) dialog.getDialogPane().lookupButton(ButtonType.CLOSE)).setDefaultButton(true);
        }
    }
}
