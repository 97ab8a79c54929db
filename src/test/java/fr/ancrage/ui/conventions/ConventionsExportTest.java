package fr.ancrage.ui.conventions;

import fr.ancrage.documents.Conformance;
import fr.ancrage.documents.Format;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.DemoDataService;
import fr.ancrage.ui.main.UiHarness;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.doc.table.OdfTable;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** « Exporter la liste… » writes what the conventions list shows: its filters, columns and order. */
@ExtendWith(ApplicationExtension.class)
class ConventionsExportTest {

    private UiHarness app;
    private ConventionsView view;

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

    @Test
    void theExportHoldsTheFilteredRowsAndTheColumnsShown(FxRobot robot) throws Exception {
        robot.clickOn("#nav-conventions");
        TableView<ConventionListItem> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        Button export = robot.lookup("#exportListButton").queryButton();
        assertThat(export.isDisabled()).as("the list has rows").isFalse();

        @SuppressWarnings("unchecked")
        ComboBox<ConventionStatus> status = robot.lookup("#statusFilter").queryAs(ComboBox.class);
        robot.interact(() -> {
            status.setValue(ConventionStatus.ACTIVE);
            // the user shows the title column with the ⋮ menu and hides the end date
            table.getColumns().stream().filter(c -> "titleColumn".equals(c.getId())).forEach(c -> c.setVisible(true));
            table.getColumns().stream().filter(c -> "endColumn".equals(c.getId())).forEach(c -> c.setVisible(false));
        });
        List<ConventionListItem> shown = new ArrayList<>(table.getItems());
        assertThat(shown).isNotEmpty().allSatisfy(c -> assertThat(c.status()).isEqualTo(ConventionStatus.ACTIVE));
        List<String> headers = table.getVisibleLeafColumns().stream().map(TableColumn::getText).toList();

        Path file = out.resolve("Conventions actives.ods");
        robot.interact(() -> app.shell.conventionsListExport().export(file, Format.ODS, table.getScene().getWindow()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Liste exportée").tryQuery().isPresent());
        Conformance.assertValidOdf(file);
        try (OdfSpreadsheetDocument doc = OdfSpreadsheetDocument.loadDocument(file.toFile())) {
            OdfTable list = doc.getSpreadsheetTables().getFirst();
            List<String> written = new ArrayList<>();
            for (int c = 0; c < headers.size(); c++) {
                written.add(list.getCellByPosition(c, 0).getStringValue());
            }
            assertThat(written).containsExactlyElementsOf(headers).contains("Intitulé").doesNotContain("Fin");
            assertThat(list.getRowCount()).isEqualTo(shown.size() + 1);
            for (int r = 0; r < shown.size(); r++) {
                assertThat(list.getCellByPosition(0, r + 1).getStringValue()).isEqualTo(shown.get(r).reference());
            }
            OdfTable filters = doc.getSpreadsheetTables().get(1);
            assertThat(filters.getTableName()).isEqualTo("Filtres");
            boolean statusSaid = false;
            for (int r = 0; r < filters.getRowCount(); r++) {
                if (filters.getCellByPosition(0, r).getStringValue().equals("Statut")
                        && filters.getCellByPosition(1, r).getStringValue().equals("Active")) {
                    statusSaid = true;
                }
            }
            assertThat(statusSaid).as("the filter sheet says « Statut : Active »").isTrue();
        }
    }
}
