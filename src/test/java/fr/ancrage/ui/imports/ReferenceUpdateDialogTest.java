package fr.ancrage.ui.imports;

import fr.ancrage.domain.Commune;
import fr.ancrage.domain.imports.ReferenceUpdate;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.imports.ReleaseFixture;
import fr.ancrage.ui.main.UiHarness;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newer release of the administrative divisions as a prefecture team applies it: « Importer… »,
 * « Une nouvelle version du référentiel », the folder chosen, the changes read, « Mettre à jour »,
 * the report saved, and the Territories screen showing the renamed commune.
 */
@ExtendWith(ApplicationExtension.class)
class ReferenceUpdateDialogTest {

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

    @Test
    void aReleaseIsChosenFromImportPreviewedAppliedAndItsReportSaved(FxRobot robot) throws Exception {
        Store store = new Store(app.database.dsl());
        Path folder = ReleaseFixture.write(store, dir, "6.1.0", list -> {
            list.replaceAll(c -> c.code().equals("25056") ? new Commune(c.code(), "Besançon-Vauban", c.departmentCode(),
                    c.epciSiren(), c.postcodes(), c.population()) : c);
            return list;
        }, Set.of(), Map.of());
        Path report = dir.resolve("rapport.csv");
        robot.interact(() -> app.shell.territoriesView().useFiles(new SheetFiles() {
            @Override
            public Optional<Path> open(javafx.stage.Window owner) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> openReferenceFolder(javafx.stage.Window owner) {
                return Optional.of(folder);
            }

            @Override
            public Optional<Path> saveReport(javafx.stage.Window owner, String initialName) {
                return Optional.of(report);
            }
        }));

        // the Organisations screen has read the communes once, before the update (the list is read on the FX
        // thread, where it is replaced)
        robot.clickOn("#nav-organisations");
        var organisations = app.shell.organisationsView().listModel();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> organisations.communes()
                .stream().anyMatch(c -> c.name().equals("Besançon"))).get());

        robot.clickOn("#importAction");
        robot.clickOn("#importChoice-REFERENCE");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#referenceSummary").tryQuery()
                .map(n -> n.isVisible() && !((Label) n).getText().isEmpty()).orElse(false));
        assertThat(text(robot, "#referenceSummary")).startsWith("@etalab/decoupage-administratif 6.1.0. Communes : "
                + "0 ajoutée(s), 1 renommée(s)").endsWith("Rien n’est écrit avant « Mettre à jour ».");
        @SuppressWarnings("unchecked")
        TableView<ReferenceUpdate.Change> changes = robot.lookup("#referenceChanges").queryAs(TableView.class);
        assertThat(changes.getItems()).filteredOn(c -> c.code().equals("25056")).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(ReferenceUpdate.Kind.RENAMED));

        robot.clickOn("#referenceUpdateButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#referenceSummary")
                .startsWith("Référentiel mis à jour"));
        assertThat(app.territories.referenceVersion().orElseThrow().label())
                .isEqualTo("@etalab/decoupage-administratif 6.1.0");
        robot.clickOn("#referenceSaveReportButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(report));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.readString(report, StandardCharsets.UTF_8)
                .contains("Commune;25056;Renommée;Besançon → Besançon-Vauban"));
        robot.clickOn("#referenceCloseButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#referenceDialog").tryQuery().isEmpty());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".territories-reference").tryQuery()
                .map(n -> ((Label) n).getText().contains("6.1.0")).orElse(false));
        // and its form offers the commune under its new name
        robot.clickOn("#nav-organisations");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> organisations.communes()
                .stream().anyMatch(c -> c.name().equals("Besançon-Vauban"))).get());
    }
}
