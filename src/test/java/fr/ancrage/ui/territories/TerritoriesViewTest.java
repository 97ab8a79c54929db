package fr.ancrage.ui.territories;

import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Department;
import fr.ancrage.domain.Epci;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.TestStores;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.TerritoryService;
import fr.ancrage.ui.common.FxTaskRunner;
import fr.ancrage.i18n.I18n;
import fr.ancrage.ui.common.UiContext;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.UUID;
import java.util.concurrent.TimeoutException;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class TerritoriesViewTest {

    /** The first load reads all communes of France: generous on a busy build machine. */
    private static final int LOAD_SECONDS = 30;

    /** One database for the class: importing the national reference takes a moment. */
    private static Database db;
    private static TerritoryService service;

    private FxTaskRunner runner;
    private TerritoriesView view;

    @Start
    void start(Stage stage) {
        runner = new FxTaskRunner();
        UiContext ui = UiContext.create(I18n.forLanguage("fr"), runner);
        view = new TerritoriesView(ui, service(), new fr.ancrage.service.imports.QpvListImport(new fr.ancrage.persistence.Store(db.dsl())),
                new fr.ancrage.service.imports.ReferenceUpdateImport(new fr.ancrage.persistence.Store(db.dsl())));
        stage.setScene(new Scene((Parent) view.root(), 1280, 800));
        stage.show();
        view.activate();
    }

    private static synchronized TerritoryService service() {
        if (service == null) {
            db = Database.inMemory("t-" + UUID.randomUUID());
            service = new TerritoryService(new Store(db.dsl()));
            service.ensureReferenceData();
        }
        return service;
    }

    @AfterEach
    void stopRunner() {
        runner.close();
    }

    @AfterAll
    static void closeDatabase() {
        if (db != null) {
            TestStores.shutdown(db);
        }
    }

    @Test
    void typingADepartmentAndSelectingItShowsItsEpci(FxRobot robot) throws TimeoutException {
        TableView<Department> departments = robot.lookup("#departmentTable").queryTableView();
        TableView<Epci> epcis = robot.lookup("#epciTable").queryTableView();
        WaitForAsyncUtils.waitFor(LOAD_SECONDS, SECONDS, () -> departments.getItems().size() > 100);

        robot.clickOn("#departmentFilterField").write("doubs");
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> departments.getItems().size() == 1);
        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(5, SECONDS, () -> epcis.getItems().stream()
                .anyMatch(e -> e.name().equals("CU Grand Besançon Métropole")));
        assertThat(departments.getSelectionModel().getSelectedItem().code()).isEqualTo("25");
        assertThat(view.viewModel().departments().selected().code()).isEqualTo("25");
    }

    @Test
    void searchingACommuneShowsItInItsDepartmentAndEpci(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(LOAD_SECONDS, SECONDS, () -> view.viewModel().communesLoadedProperty().get());
        ListView<Commune> matches = robot.lookup("#communeMatchList").queryListView();

        robot.clickOn("#communeSearchField").write("besancon");
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> !matches.getItems().isEmpty() && matches.isVisible());
        robot.type(KeyCode.ENTER);

        TableView<Commune> communes = robot.lookup("#communeTable").queryTableView();
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> communes.getSelectionModel().getSelectedItem() != null
                && communes.getSelectionModel().getSelectedItem().code().equals("25056"));
        TableView<Department> departments = robot.lookup("#departmentTable").queryTableView();
        TableView<Epci> epcis = robot.lookup("#epciTable").queryTableView();
        assertThat(departments.getSelectionModel().getSelectedItem().code()).isEqualTo("25");
        assertThat(epcis.getSelectionModel().getSelectedItem().siren()).isEqualTo("242500361");
        assertThat(matches.isVisible()).isFalse();

        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitFor(5, SECONDS, epcis::isFocused);
    }

    @Test
    void aQpvCreatedThroughTheFormAppearsInTheTable(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(LOAD_SECONDS, SECONDS, () -> view.viewModel().qpvs().loadedProperty().get());
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));

        robot.clickOn("#newQpvButton");
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> robot.lookup("#qpvCodeField").tryQuery().isPresent());
        robot.clickOn("#qpvCodeField").write("qn02501z");
        robot.clickOn("#qpvNameField").write("Planoise");
        TextField code = robot.lookup("#qpvCodeField").queryAs(TextField.class);
        ComboBox<Department> department = robot.lookup("#qpvDepartmentBox").queryComboBox();
        assertThat(code.getText()).isEqualTo("QN02501Z");
        assertThat(department.getValue().code()).isEqualTo("25");

        robot.clickOn("#qpvSaveButton");

        TableView<QpvListViewModel.Row> table = robot.lookup("#qpvTable").queryTableView();
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> table.getItems().stream()
                .anyMatch(r -> r.qpv().code().equals("QN02501Z") && r.qpv().name().equals("Planoise")));
        assertThat(robot.lookup("#qpvCodeField").tryQuery()).isEmpty();
    }
}
