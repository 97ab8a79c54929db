package fr.ancrage.ui.documents;

import fr.ancrage.documents.Conformance;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.DemoDataService;
import fr.ancrage.ui.main.UiHarness;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A team member exports documents from the Documents screen of the demo base. */
@ExtendWith(ApplicationExtension.class)
class DocumentsViewTest {

    private UiHarness app;

    @TempDir
    Path out;

    @Start
    void start(Stage stage) {
        app = new UiHarness();
        new DemoDataService(new Store(app.database.dsl()), app.clock).load();
        app.start(stage);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private void intoFolder(FxRobot robot, Path folder) {
        TextField field = robot.lookup("#folderField").queryAs(TextField.class);
        robot.interact(() -> field.setText(""));
        robot.clickOn(field).write(folder.toString());
    }

    private static List<String> files(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void exportsTheBilanOfTheDemoEpciAndListsTheFilesWritten(FxRobot robot) throws Exception {
        robot.clickOn("#nav-documents");
        @SuppressWarnings("unchecked")
        ComboBox<Integer> year = robot.lookup("#yearBox").queryAs(ComboBox.class);
        // the territory most conventions belong to and the latest year with reports are proposed
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> year.getValue() != null
                && robot.lookup("#epciBox").queryAs(ComboBox.class).getValue() != null);
        assertThat(robot.lookup("#epciBox").queryAs(ComboBox.class).getValue().toString()).contains("Grand Besançon");
        // issue 16: the latest year whose reports are in (2025's are not asked yet on 22/11/2026)
        assertThat(year.getValue()).isEqualTo(2024);
        robot.clickOn("#bilanChoice");
        intoFolder(robot, out);
        robot.clickOn("#format-xlsx");
        robot.clickOn("#exportButton");

        Label outcome = robot.lookup("#outcomeLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !outcome.getText().isEmpty());
        assertThat(outcome.getText()).isEqualTo("3 fichiers écrits dans " + out + ".");
        assertThat(files(out)).containsExactly("Bilan annuel 2024 CU Grand Besançon Métropole.ods",
                "Bilan annuel 2024 CU Grand Besançon Métropole.pdf", "Bilan annuel 2024 CU Grand Besançon Métropole.xlsx");
        ListView<?> list = robot.lookup("#filesList").queryAs(ListView.class);
        assertThat(list.getItems()).hasSize(3);
        assertThat(robot.lookup("#openFolderButton").query().isVisible()).isTrue();
        assertThat(Conformance.pdfText(out.resolve("Bilan annuel 2024 CU Grand Besançon Métropole.pdf")))
                .contains("Bilan annuel 2024 — CU Grand Besançon Métropole");
    }

    @Test
    void aCancelledExportLeavesTheFolderAsItWas(FxRobot robot) throws Exception {
        robot.clickOn("#nav-documents");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#yearBox").queryAs(ComboBox.class).getValue() != null);
        robot.clickOn("#packageChoice");
        intoFolder(robot, out);
        app.slowTasks.delay(1500);
        robot.clickOn("#exportButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#cancelButton").query().isVisible());
        robot.clickOn("#cancelButton");
        Label outcome = robot.lookup("#outcomeLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !outcome.getText().isEmpty());
        assertThat(outcome.getText()).isEqualTo("L’export a été annulé ; aucun fichier partiel n’a été laissé.");
        assertThat(files(out)).isEmpty();
        assertThat(robot.lookup("#exportButton").query().isDisabled()).isFalse();
    }

    @Test
    void aMissingFolderIsSaidBeforeAndAfter(FxRobot robot) throws Exception {
        robot.clickOn("#nav-documents");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#yearBox").queryAs(ComboBox.class).getValue() != null);
        TextField field = robot.lookup("#folderField").queryAs(TextField.class);
        robot.interact(() -> field.setText(""));
        assertThat(robot.lookup("#problemLabel").queryAs(Label.class).getText())
                .isEqualTo("Indiquez le dossier où écrire les documents.");
        assertThat(robot.lookup("#exportButton").query().isDisabled()).isTrue();
        Path missing = out.resolve("n-existe-pas");
        intoFolder(robot, missing);
        robot.clickOn("#exportButton");
        Label outcome = robot.lookup("#outcomeLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !outcome.getText().isEmpty());
        assertThat(outcome.getText()).isEqualTo("Le dossier " + missing + " n’existe pas. Choisissez un dossier existant.");
        assertThat(outcome.getStyleClass()).contains("error");
    }

    @Test
    void theConventionToSignReportsWhatIsMissingThenIsWritten(FxRobot robot) throws Exception {
        robot.clickOn("#nav-documents");
        @SuppressWarnings("unchecked")
        ComboBox<ConventionListItem> convention = robot.lookup("#conventionBox").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !convention.getItems().isEmpty());
        robot.clickOn("#toSignChoice");
        assertThat(robot.lookup("#templateState").queryAs(Label.class).getText()).startsWith("Modèle fourni par Ancrage.");
        intoFolder(robot, out);
        // a draft without signatories: the problems are listed, nothing is written
        ConventionListItem draft = convention.getItems().stream().filter(c -> c.status() == ConventionStatus.DRAFT)
                .findFirst().orElseThrow();
        robot.interact(() -> convention.setValue(draft));
        robot.clickOn("#exportButton");
        Label outcome = robot.lookup("#outcomeLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !outcome.getText().isEmpty());
        assertThat(outcome.getText()).startsWith("La convention " + draft.reference() + " n’a pas été produite, rien n’a été écrit :")
                .contains("• ");
        assertThat(files(out)).isEmpty();
    }

    @Test
    void theFicheButtonOfAConventionOpensItsExport(FxRobot robot) throws Exception {
        robot.clickOn("#nav-conventions");
        TableView<ConventionListItem> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        ConventionListItem signed = table.getItems().stream().filter(c -> c.status() == ConventionStatus.ACTIVE)
                .findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(signed));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#documentsMenu").query().isVisible());
        robot.clickOn("#documentsMenu");
        robot.clickOn("Fiche convention");
        @SuppressWarnings("unchecked")
        ComboBox<ConventionListItem> convention = robot.lookup("#conventionBox").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> convention.getValue() != null);
        assertThat(convention.getValue().id()).isEqualTo(signed.id());
        intoFolder(robot, out);
        robot.type(KeyCode.ENTER);
        Label outcome = robot.lookup("#outcomeLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !outcome.getText().isEmpty());
        assertThat(outcome.getText()).startsWith("2 fichiers écrits");
        assertThat(files(out)).containsExactly("Fiche convention " + signed.reference() + ".odt",
                "Fiche convention " + signed.reference() + ".pdf");
    }
}
