package fr.ancrage.ui.imports;

import fr.ancrage.domain.GeographyVersion;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.imports.QpvList;
import fr.ancrage.ui.main.UiHarness;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official QPV list as a team imports it: « Importer… » in the sidebar, « La liste officielle
 * des QPV », the ANCT's CSV read and compared with the base (a QPV typed by hand with another
 * name, a faulty row said where), « Importer », and the QPVs on the Territories screen.
 */
@ExtendWith(ApplicationExtension.class)
class QpvListImportDialogTest {

    private UiHarness app;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        app = new UiHarness();
        app.start(stage);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitForText(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery()
                .map(n -> n instanceof Label l && !l.getText().isEmpty() && l.isVisible()).orElse(false));
    }

    @Test
    void theListIsChosenFromImportPreviewedImportedAndShownOnTheTerritoriesScreen(FxRobot robot) throws Exception {
        app.territories.saveQpv(new Qpv(RecordMeta.fresh(), "QN02501M", "planoise", GeographyVersion.QPV_2024, "25",
                "", List.of()));
        Path csv = dir.resolve("qp2024.csv");
        Files.writeString(csv, "code_qp;lib_qp;insee_com;insee_dep;siren_epci\r\n"
                + "QN02501M;Planoise;25056;25;242500361\r\n"
                + "QN02502X;Clairs Soleils;25056;25;242500361\r\n"
                + "QN0250;Code tronqué;25056;25;242500361\r\n", StandardCharsets.UTF_8);
        Path report = dir.resolve("rapport.ods");
        String[] proposed = {""};
        robot.interact(() -> app.shell.territoriesView().useFiles(new SheetFiles() {
            @Override
            public Optional<Path> open(javafx.stage.Window owner) {
                return Optional.of(csv);
            }

            @Override
            public Optional<Path> saveReport(javafx.stage.Window owner, String initialName) {
                proposed[0] = initialName;
                return Optional.of(report);
            }
        }));

        // Escape on the question imports nothing
        robot.clickOn("#importAction");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#importChoiceDialog").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#importChoiceDialog").tryQuery().isEmpty());

        robot.clickOn("#importAction");
        robot.clickOn("#importChoice-QPV_LIST");
        waitForText(robot, "#qpvListSummary");
        assertThat(text(robot, "#qpvListSummary")).isEqualTo("3 QPV lus (géographie 2024 ; 25) : 1 nouveau(x), "
                + "1 à mettre à jour, 0 inchangé(s), 1 refusé(s). 0 QPV de ces départements n’y figure(nt) plus : ils restent "
                + "dans la base. Rien n’est écrit avant « Importer ».");
        assertThat(text(robot, "#qpvListColumns")).startsWith("Colonnes reconnues : Code ← A « code_qp » ; Nom ← B « lib_qp »");
        @SuppressWarnings("unchecked")
        TableView<QpvList.Line> lines = robot.lookup("#qpvListLines").queryAs(TableView.class);
        assertThat(lines.getItems()).extracting(QpvList.Line::code).containsExactly("QN0250", "QN02501M", "QN02502X");
        // the rows settle once their wrapped messages are measured
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.from(lines).lookup(".text").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.text.Text).map(n -> ((javafx.scene.text.Text) n).getText()).toList()
                .containsAll(List.of("Change : nom, EPCI, communes (« planoise » → « Planoise »).",
                        "Ligne 4, colonne A « code_qp » : Le code QPV doit comporter 8 caractères (6 saisis).")));
        assertThat(app.territories.qpvs()).hasSize(1);

        robot.clickOn("#qpvListImportButton");
        waitForText(robot, "#qpvListDoneSummary");
        assertThat(text(robot, "#qpvListDoneSummary")).isEqualTo("Import terminé : 1 QPV créé(s), 1 mis à jour, "
                + "0 inchangé(s), 1 refusé(s) ; 0 absent(s) de la liste conservé(s).");
        assertThat(app.territories.qpvs()).extracting(Qpv::name).containsExactly("Planoise", "Clairs Soleils");
        robot.clickOn("#qpvListSaveReportButton");
        waitForText(robot, "#qpvListReportSaved");
        assertThat(proposed[0]).startsWith("rapport-import-qpv-qp2024-").endsWith(".ods");
        // the report is a workbook the application's own reader opens
        List<String> rows = new java.util.ArrayList<>();
        try (var sheet = fr.ancrage.documents.sheets.Spreadsheets.open(report, null)) {
            sheet.read(0, r -> rows.add(r.cells().stream().map(fr.ancrage.documents.sheets.Cell::text)
                    .collect(java.util.stream.Collectors.joining(";"))));
        }
        assertThat(rows).contains("QN02502X;Clairs Soleils;Créé").anyMatch(r -> r.startsWith("QN0250;Code tronqué;Refusé;"));
        robot.clickOn("#qpvListCloseButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#qpvListDialog").tryQuery().isEmpty());
        // the Territories screen, on its QPV tab, shows them
        @SuppressWarnings("unchecked")
        TableView<?> table = robot.lookup("#qpvTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2 && table.isVisible());
    }
}
