package fr.ancrage.ui.main;

import fr.ancrage.domain.Civility;
import fr.ancrage.domain.Contact;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.GeographyVersion;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.service.ServiceFixtures;
import fr.ancrage.ui.common.TableColumns;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main window at 1024 × 700 (a small laptop screen): buttons, titles, dialog labels and table
 * headers show their whole text, the engagement dialog's errors are in sight, and the columns the
 * user hid or widened stay so in the next session.
 */
@ExtendWith(ApplicationExtension.class)
class SmallScreenLayoutTest {

    private static final String COMPANY = "Fromageries et Affineurs du Plateau de Franche-Comté";

    private UiHarness app;
    private Stage stage;
    private Organisation company;
    private Convention convention;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new UiHarness().size(1024, 700);
        company = app.organisations.save(ServiceFixtures.company(COMPANY, ""));
        app.organisations.saveContact(new Contact(RecordMeta.fresh(), company.id(), Civility.MADAME, "Camille", "Martin",
                "Directrice des ressources humaines", "camille.martin@example.fr", "03 81 00 00 00", true));
        Qpv planoise = app.territories.saveQpv(new Qpv(RecordMeta.fresh(), "QN02501A", "Planoise",
                GeographyVersion.QPV_2024, "25", ServiceFixtures.GRAND_BESANCON, List.of("25056")));
        Convention d = ServiceFixtures.draft(company.id());
        convention = app.conventions.save(new Convention(d.meta(), "", "Convention Plateau", d.companyId(),
                d.framework(), "25", d.epciSiren(), d.stateReferent(), ConventionStatus.DRAFT, null,
                LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31), Set.of(planoise.id()), List.of(), ""));
        app.start(stage);
    }

    @AfterEach
    void close() {
        app.close();
    }

    /** The text the control draws equals its text: not « Enregis… », not « … ». */
    private static void assertWhole(Labeled labeled) {
        Text drawn = (Text) labeled.lookup(".text");
        assertThat(drawn).as("text node of %s", labeled.getText()).isNotNull();
        assertThat(drawn.getText()).as("drawn text of %s", labeled.getText()).isEqualTo(labeled.getText());
        assertThat(labeled.getWidth()).as("width of %s", labeled.getText())
                .isGreaterThanOrEqualTo(Math.floor(labeled.minWidth(-1)));
    }

    private static <T extends Node> T shown(FxRobot robot, String query, Class<T> type) {
        return robot.lookup(query).match(NodeQueryUtils.isVisible()).queryAs(type);
    }

    private static void selectTab(FxRobot robot, String title) {
        TabPane tabs = shown(robot, "#tabs", TabPane.class);
        robot.interact(() -> tabs.getTabs().stream().filter(t -> title.equals(t.getText())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableView<?> openConvention(FxRobot robot) throws Exception {
        robot.clickOn("#nav-conventions");
        TableView<?> list = shown(robot, "#table", TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        robot.clickOn(convention.reference());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shown(robot, "#detailTitle", Label.class)
                .getText().contains(COMPANY));
        return list;
    }

    @Test
    void theConventionFormButtonsAndTitleShowTheirWholeTextWithUnsavedChanges(FxRobot robot) throws Exception {
        openConvention(robot);
        robot.clickOn("#titleField").write(" modifiée");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(robot, "#formStatus", Label.class).getText()).isNotBlank();
        for (String id : List.of("#companyButton", "#documentsMenu", "#deleteButton", "#cancelButton", "#saveButton",
                "#statusMenu", "#formStatus")) {
            assertWhole(shown(robot, id, Labeled.class));
        }
        Label title = shown(robot, "#detailTitle", Label.class);
        assertThat(((Text) title.lookup(".text")).getText()).doesNotContain("…");
        assertThat(title.getTooltip()).isNotNull();
        assertThat(title.getTooltip().getText()).isEqualTo(title.getText());
    }

    @Test
    void contactColumnsAreNeverNarrowerThanTheirHeader(FxRobot robot) throws Exception {
        robot.clickOn("#nav-organisations");
        TableView<?> list = shown(robot, "#table", TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        robot.interact(() -> list.getSelectionModel().select(0)); // its name is longer than the column
        selectTab(robot, "Contacts");
        TableView<?> contacts = shown(robot, "#contactsTable", TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> contacts.getItems().size() == 1);
        for (TableColumn<?, ?> c : contacts.getVisibleLeafColumns()) {
            assertThat(c.getWidth()).as("width of the column %s", c.getText())
                    .isGreaterThanOrEqualTo(TableColumns.headerWidth(c) - 1);
        }
        assertThat(contacts.isTableMenuButtonVisible()).isTrue();
    }

    @Test
    void theContactDialogShowsItsWholeLabels(FxRobot robot) throws Exception {
        robot.clickOn("#nav-organisations");
        TableView<?> list = shown(robot, "#table", TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        robot.interact(() -> list.getSelectionModel().select(0));
        selectTab(robot, "Contacts");
        robot.clickOn("#addContactButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#contact-last-name").tryQuery().isPresent());
        GridPane grid = robot.lookup(".dialog-pane .form-grid").queryAs(GridPane.class);
        List<Label> labels = grid.getChildren().stream().filter(n -> n instanceof Label)
                .filter(n -> GridPane.getColumnIndex(n) == null || GridPane.getColumnIndex(n) == 0)
                .map(Label.class::cast).toList();
        assertThat(labels).hasSizeGreaterThanOrEqualTo(5);
        labels.forEach(SmallScreenLayoutTest::assertWhole);
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide));
    }

    @Test
    void aHiddenColumnStaysHiddenAndAWidenedOneWideInTheNextSession(FxRobot robot) throws Exception {
        TableView<?> table = openConvention(robot);
        TableColumn<?, ?> status = column(table, "statusColumn");
        TableColumn<?, ?> reference = column(table, "referenceColumn");
        double wider = reference.getWidth() + 60;
        robot.interact(() -> {
            status.setVisible(false); // as the table's « + » menu does
            widen(table, "referenceColumn", 60); // as dragging the header's edge does
        });
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS); // widths are kept once the drag settles
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> app.start(stage)); // a new session with the same preferences
        TableView<?> again = openConvention(robot);
        assertThat(again).isNotSameAs(table);
        assertThat(column(again, "statusColumn").isVisible()).isFalse();
        assertThat(column(again, "referenceColumn").getWidth()).isCloseTo(wider, org.assertj.core.data.Offset.offset(2.0));
        assertThat(column(again, "companyColumn").isVisible()).isTrue();
    }

    private static <S> void widen(TableView<S> table, String id, double delta) {
        table.resizeColumn(table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow(),
                delta);
    }

    private static TableColumn<?, ?> column(TableView<?> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    @Test
    void theEngagementDialogFitsTheScreenAndShowsTheTargetErrors(FxRobot robot) throws Exception {
        openConvention(robot);
        selectTab(robot, "Engagements");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#addEngagementButton")
                .queryAs(javafx.scene.control.MenuButton.class).getItems().isEmpty());
        String category = app.catalogue.catalogue().categories().stream().filter(c -> "EDUCATION".equals(c.code()))
                .findFirst().orElseThrow().name();
        robot.clickOn("#addEngagementButton");
        robot.clickOn(category);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#engagementActionType").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<Object> type = robot.lookup("#engagementActionType").queryAs(ComboBox.class);
        robot.interact(() -> type.setValue(type.getItems().stream().filter(i -> type.getConverter().toString(i)
                .equals("Stages de 3e pour les collégiens de REP et REP+")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#target-1-2026").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#engagementDescription").queryAs(javafx.scene.control.TextArea.class).setText("Stages");
            // every target refused: the messages under the grid make the form taller than the dialog
            robot.lookup(n -> n instanceof TextField && n.getId() != null && n.getId().startsWith("target-"))
                    .queryAllAs(TextField.class).forEach(f -> f.setText("-3"));
        });
        Window dialog = robot.lookup(".dialog-pane").query().getScene().getWindow();
        assertThat(dialog.getY() + dialog.getHeight()).isLessThanOrEqualTo(700 + 1);

        robot.clickOn(robot.lookup(".dialog-pane .button")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText("Enregistrer")).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup(".target-messages .field-message").queryAs(Label.class);
        assertThat(message.getText()).contains("négatif");
        ScrollPane scroll = robot.lookup(".dialog-pane .form-scroll").queryAs(ScrollPane.class);
        Bounds shownArea = scroll.localToScreen(scroll.getLayoutBounds());
        Bounds text = message.localToScreen(message.getLayoutBounds());
        assertThat(text.getMinY()).as("top of the message").isGreaterThanOrEqualTo(shownArea.getMinY());
        assertThat(text.getMaxY()).as("bottom of the message").isLessThanOrEqualTo(shownArea.getMaxY());
        assertThat(text.getMaxY()).isLessThanOrEqualTo(dialog.getY() + dialog.getHeight());
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide));
    }
}
