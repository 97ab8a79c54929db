package fr.ancrage.ui.exchange;

import fr.ancrage.documents.SafeFiles;
import fr.ancrage.service.documents.DocumentService;
import fr.ancrage.ui.common.UiContext;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The report of an import, as kept in the history: read in the dialog, and saved as a UTF-8 text
 * file (« Enregistrer le rapport… »), written whole or not at all.
 */
final class ReportPane {

    private final UiContext ui;
    private final DocumentService documents;
    private final FileChoice files;
    private final TextArea text = new TextArea();
    private final Label saved = new Label();
    private final Button save;
    private final VBox root;
    private String fileName = "rapport.txt";

    ReportPane(UiContext ui, DocumentService documents, FileChoice files) {
        this.ui = ui;
        this.documents = documents;
        this.files = files;
        text.setId("exchangeReport");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(8);
        text.getStyleClass().add("exchange-report");
        save = new Button(ui.i18n().get("exchange.report.save"));
        save.setId("saveReportButton");
        save.setMinWidth(Button.USE_PREF_SIZE);
        save.setOnAction(e -> files.choose(save.getScene().getWindow(), FileChoice.Purpose.SAVE_REPORT, fileName)
                .ifPresent(this::save));
        saved.setId("reportSaved");
        saved.setWrapText(true);
        saved.setMinHeight(Label.USE_PREF_SIZE);
        HBox bar = new HBox(10, save, saved);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(saved, Priority.ALWAYS);
        root = new VBox(8, text, bar);
        VBox.setVgrow(text, Priority.ALWAYS);
    }

    VBox root() {
        return root;
    }

    /** Shows {@code report}; saved under {@code name} unless the user names it otherwise. */
    void show(String report, String name) {
        text.setText(report == null ? "" : report);
        fileName = name;
        saved.setText("");
        save.setDisable(report == null || report.isEmpty());
    }

    /** Writes the report to {@code target} in the background and says where, or why not. */
    void save(Path target) {
        byte[] content = text.getText().getBytes(StandardCharsets.UTF_8);
        save.setDisable(true);
        saved.getStyleClass().removeAll("field-message", "error");
        saved.setText("");
        ui.tasks().run(() -> {
            try {
                SafeFiles.write(target, out -> out.write(content));
            } catch (IOException e) {
                throw documents.failure(e, target);
            }
            return target;
        }, written -> {
            save.setDisable(false);
            saved.setText(ui.i18n().format("exchange.report.saved", written.toAbsolutePath().toString()));
        }, error -> {
            save.setDisable(false);
            saved.getStyleClass().addAll("field-message", "error");
            saved.setText(ui.errors().describe(error));
        });
    }

    /** « rapport-import-2026-11-22-delegue-du-prefet.txt ». */
    static String fileName(java.time.LocalDate day, String baseName) {
        String slug = ExportDialog.ascii(baseName);
        return "rapport-import-" + day + (slug.isEmpty() ? "" : "-" + slug) + ".txt";
    }
}
