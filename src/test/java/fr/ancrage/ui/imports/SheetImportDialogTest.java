package fr.ancrage.ui.imports;

import fr.ancrage.domain.imports.ImportField;
import fr.ancrage.service.imports.OrganisationImport;
import fr.ancrage.ui.main.UiHarness;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wizard as a team uses it: a Windows-1252 CSV chosen from the Organisations screen, its first
 * rows and recognised columns shown, a column mapped by hand, every row checked with its problem
 * said where, a decision changed, the import confirmed, the report shown and saved.
 */
@ExtendWith(ApplicationExtension.class)
class SheetImportDialogTest {

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

    /** The file the chooser gives, and where the report is saved (null: the user cancels). */
    private static SheetFiles files(Path sheet, Path report) {
        return new SheetFiles() {
            @Override
            public Optional<Path> open(javafx.stage.Window owner) {
                return Optional.of(sheet);
            }

            @Override
            public Optional<Path> saveReport(javafx.stage.Window owner, String initialName) {
                return Optional.ofNullable(report);
            }
        };
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitForText(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery()
                .map(n -> n instanceof Label l && !l.getText().isEmpty() && l.isVisible()).orElse(false));
    }

    @Test
    void aSpreadsheetIsMappedCheckedDecidedImportedAndItsReportSaved(FxRobot robot) throws Exception {
        Path csv = dir.resolve("entreprises.csv");
        Files.write(csv, ("Raison sociale;SIRET;Ville;Observations\r\n"
                + "Ébénisterie Comtoise;44306184100047;Besançon;cliente depuis 2019\r\n"
                + "Siret faux;123;Besançon;\r\n"
                + "Garage du Doubs;;Besançon;à relancer\r\n").getBytes(Charset.forName("windows-1252")));
        Path report = dir.resolve("rapport.csv");
        robot.interact(() -> app.shell.organisationsView().useSheetFiles(files(csv, report)));
        robot.clickOn("#nav-organisations");
        robot.clickOn("#importSheetButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#sheetField3").tryQuery().isPresent());
        assertThat(text(robot, "#sheetFile")).isEqualTo("Fichier : entreprises.csv (CSV)");
        @SuppressWarnings("unchecked")
        ComboBox<Charset> encoding = robot.lookup("#sheetEncoding").queryAs(ComboBox.class);
        assertThat(encoding.getValue()).isEqualTo(Charset.forName("windows-1252"));
        TableView<?> first = robot.lookup("#sheetFirstRows").queryAs(TableView.class);
        assertThat(first.getItems()).hasSize(4);
        @SuppressWarnings("unchecked")
        ComboBox<ImportField> notes = robot.lookup("#sheetField3").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<ImportField> town = robot.lookup("#sheetField2").queryAs(ComboBox.class);
        assertThat(town.getValue()).isEqualTo(ImportField.COMMUNE);
        // « Observations » is recognised as notes; the user maps it to nothing, then back
        assertThat(notes.getValue()).isEqualTo(ImportField.NOTES);
        robot.interact(() -> notes.setValue(null));
        robot.interact(() -> notes.setValue(ImportField.NOTES));

        // the mapping saved for the next file of this shape, under the name proposed (the file's)
        robot.clickOn("#sheetSaveMapping");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#sheetMappingNameDialog").tryQuery().isPresent());
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#sheetMappingNote").startsWith(
                "Correspondance « entreprises » enregistrée"));

        robot.clickOn("#sheetCheckButton");
        waitForText(robot, "#sheetPreviewSummary");
        assertThat(text(robot, "#sheetPreviewSummary")).isEqualTo("3 ligne(s) vérifiée(s) : 2 à importer, 0 à compléter "
                + "dans la base, 1 à ignorer (1 avec une erreur). Rien n’est écrit avant « Importer ».");
        @SuppressWarnings("unchecked")
        TableView<OrganisationImport.Line> lines = robot.lookup("#sheetLines").queryAs(TableView.class);
        assertThat(lines.getItems()).hasSize(3);
        assertThat(app.organisations.list()).isEmpty();
        // the Garage is skipped after all
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#sheetDecision4").tryQuery().isPresent());
        // the rows settle once their wrapped messages are measured: the cells of the first layout are replaced
        for (int i = 0; i < 5; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        @SuppressWarnings("unchecked")
        ComboBox<OrganisationImport.Decision> garage = robot.lookup("#sheetDecision4").queryAll().stream()
                .filter(n -> n.isVisible() && n.getParent() != null && ((javafx.scene.control.TableCell<?, ?>) n.getParent())
                        .getItem() instanceof OrganisationImport.Line l && l.row().number() == 4)
                .map(n -> (ComboBox<OrganisationImport.Decision>) n).findFirst().orElseThrow();
        robot.interact(() -> garage.setValue(OrganisationImport.Decision.SKIP));
        assertThat(text(robot, "#sheetPreviewSummary")).startsWith("3 ligne(s) vérifiée(s) : 1 à importer, 0 à compléter "
                + "dans la base, 2 à ignorer");

        // all the new rows ignored at once, then the first one imported again from the keyboard
        @SuppressWarnings("unchecked")
        ComboBox<OrganisationImport.Group> group = robot.lookup("#sheetBulkGroup").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<OrganisationImport.Decision> decision = robot.lookup("#sheetBulkDecision").queryAs(ComboBox.class);
        assertThat(group.getItems()).containsExactly(OrganisationImport.Group.NEW, OrganisationImport.Group.ERRORS);
        robot.interact(() -> {
            group.setValue(OrganisationImport.Group.NEW);
            decision.setValue(OrganisationImport.Decision.SKIP);
        });
        robot.clickOn("#sheetBulkApply");
        assertThat(text(robot, "#sheetBulkDone")).isEqualTo("2 ligne(s) : Ignorer.");
        assertThat(text(robot, "#sheetPreviewSummary")).startsWith("3 ligne(s) vérifiée(s) : 0 à importer, 0 à compléter "
                + "dans la base, 3 à ignorer");
        robot.interact(() -> {
            lines.getSelectionModel().clearAndSelect(0);
            lines.requestFocus();
        });
        robot.type(javafx.scene.input.KeyCode.I);
        assertThat(text(robot, "#sheetPreviewSummary")).startsWith("3 ligne(s) vérifiée(s) : 1 à importer, 0 à compléter "
                + "dans la base, 2 à ignorer");

        robot.clickOn("#sheetImportButton");
        waitForText(robot, "#sheetDoneSummary");
        assertThat(text(robot, "#sheetDoneSummary")).isEqualTo("Import terminé : 1 création(s), "
                + "0 complément(s), 0 ligne(s) sans changement, 2 ligne(s) ignorée(s).");
        assertThat(app.organisations.list()).singleElement()
                .satisfies(o -> assertThat(o.organisation().legalName()).isEqualTo("Ébénisterie Comtoise"));

        robot.clickOn("#sheetSaveReportButton");
        waitForText(robot, "#sheetReportSaved");
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("Ébénisterie Comtoise;Créée")
                .contains("Le SIRET doit comporter 14 chiffres (3 saisis).").contains("Ignorée à votre demande.");
        robot.clickOn("#sheetCloseButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#sheetImportDialog").tryQuery().isEmpty());
    }

    @Test
    void whatTheSheetHoldsIsFoundFromItsHeadersAndCanBeCorrected(FxRobot robot) throws Exception {
        robot.interact(() -> app.organisations.save(new fr.ancrage.domain.Organisation(fr.ancrage.domain.RecordMeta.fresh(),
                fr.ancrage.domain.OrganisationKind.COMPANY, "Ébénisterie Comtoise", "", "44306184100047", "", null, "",
                "25000", "25056", false, false, java.util.Set.of(), "")));
        Path csv = dir.resolve("conventions.csv");
        Files.writeString(csv, "Entreprise;SIRET;Date de signature;Début;Fin\n"
                + "Ébénisterie Comtoise;44306184100047;10/01/2025;01/02/2025;31/01/2028\n");
        robot.interact(() -> app.shell.organisationsView().useSheetFiles(files(csv, null)));
        robot.clickOn("#nav-organisations");
        robot.clickOn("#importSheetButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#sheetField4").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<fr.ancrage.domain.imports.SheetKind> kind = robot.lookup("#sheetKind").queryAs(ComboBox.class);
        assertThat(kind.getValue()).isEqualTo(fr.ancrage.domain.imports.SheetKind.CONVENTIONS);
        assertThat(kind.getConverter().toString(kind.getValue())).isEqualTo("des conventions");
        @SuppressWarnings("unchecked")
        ComboBox<ImportField> start = robot.lookup("#sheetField3").queryAs(ComboBox.class);
        assertThat(start.getValue()).isEqualTo(ImportField.START_DATE);

        // read as organisations, the dates fill nothing; back to conventions, they are recognised again
        robot.interact(() -> kind.setValue(fr.ancrage.domain.imports.SheetKind.ORGANISATIONS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#sheetField3").queryAs(ComboBox.class)
                .getValue() == null && robot.lookup("#sheetField3").queryAs(ComboBox.class).getItems()
                .contains(ImportField.NAF));
        robot.interact(() -> robot.lookup("#sheetKind").queryAs(ComboBox.class).getSelectionModel()
                .select(fr.ancrage.domain.imports.SheetKind.CONVENTIONS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#sheetField3").queryAs(ComboBox.class)
                .getValue() == ImportField.START_DATE);

        robot.clickOn("#sheetCheckButton");
        waitForText(robot, "#sheetPreviewSummary");
        TableView<?> lines = robot.lookup("#sheetLines").queryAs(TableView.class);
        assertThat(lines.getColumns()).extracting(c -> c.getText()).containsExactly("Ligne", "Raison sociale",
                "Date de signature", "QPV ciblés", "Problèmes et ressemblances", "Décision");
        robot.clickOn("#sheetImportButton");
        waitForText(robot, "#sheetDoneSummary");
        assertThat(text(robot, "#sheetDoneSummary")).startsWith("Import terminé : 1 création(s)");
        assertThat(app.conventions.list()).singleElement().satisfies(c -> {
            assertThat(c.companyName()).isEqualTo("Ébénisterie Comtoise");
            assertThat(c.status()).isEqualTo(fr.ancrage.domain.ConventionStatus.ACTIVE);
        });
        robot.clickOn("#sheetCloseButton");
    }
}
