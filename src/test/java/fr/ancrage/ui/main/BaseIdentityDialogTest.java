package fr.ancrage.ui.main;

import fr.ancrage.domain.BaseIdentity;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.BaseIdentityService;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * « Identité de cette base » as the team meets it: the status bar invites to name the base, the
 * dialog names it, the status bar follows; Escape changes nothing.
 */
@ExtendWith(ApplicationExtension.class)
class BaseIdentityDialogTest {

    private static final String UNNAMED = "Cette base n’a pas encore de nom : la nommer…";
    private static final String NAME = "Délégué du préfet — Besançon Nord";

    private UiHarness app;
    private BaseIdentityService identities;
    private BaseIdentity original;

    @Start
    void start(Stage stage) {
        app = new UiHarness();
        identities = new BaseIdentityService(new Store(app.database.dsl()), UiHarness.CLOCK);
        original = identities.identity();
        app.start(stage);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private static String status(FxRobot robot) {
        Hyperlink link = robot.lookup("#baseIdentityStatus").queryAs(Hyperlink.class);
        return link.isVisible() ? link.getText() : "";
    }

    private static void waitForStatus(FxRobot robot, String text) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status(robot).equals(text));
    }

    private static void waitForDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#baseNameField").tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow().isShowing()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean dialogShown(FxRobot robot) {
        return robot.lookup("#baseNameField").tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing())
                .orElse(false);
    }

    private static Button dialogButton(FxRobot robot, String text) {
        return robot.lookup("#baseIdentityDialog .button").match(n -> n instanceof Button b && b.getText().equals(text))
                .queryButton();
    }

    @Test
    void theStatusBarInvitesToNameTheBaseAndShowsTheNameOnceSaved(FxRobot robot) throws Exception {
        waitForStatus(robot, UNNAMED);

        robot.clickOn("#baseIdentityStatus");
        waitForDialog(robot);
        assertThat(robot.lookup("#baseNameField").queryAs(TextField.class).getText()).isEmpty();
        TextField id = robot.lookup("#baseIdField").queryAs(TextField.class);
        assertThat(id.getText()).isEqualTo(original.id().toString());
        assertThat(id.isEditable()).isFalse();
        // read-only, yet the keyboard reaches it and selects it to copy
        robot.clickOn(id);
        robot.interact(id::selectAll);
        assertThat(id.getSelectedText()).isEqualTo(original.id().toString());
        ZonedDateTime created = original.createdAt().atZone(UiHarness.CLOCK.getZone());
        assertThat(robot.lookup("#baseCreatedAt").queryAs(Label.class).getText())
                .isEqualTo(String.format("%02d/%02d/%d à %02d:%02d", created.getDayOfMonth(), created.getMonthValue(),
                        created.getYear(), created.getHour(), created.getMinute()));

        // saving without a name says so under the field and keeps the dialog open
        robot.clickOn(dialogButton(robot, "Enregistrer"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogShown(robot)).isTrue();
        assertThat(robot.lookup("#baseNameMessage").queryAs(Label.class).getText())
                .isEqualTo("Donnez un nom à cette base, par exemple « Délégué du préfet — Besançon Nord ».");
        assertThat(identities.identity()).isEqualTo(original);

        robot.clickOn("#baseNameField").write("  " + NAME + " ");
        robot.clickOn(dialogButton(robot, "Enregistrer"));
        waitForStatus(robot, "Base : " + NAME);
        assertThat(dialogShown(robot)).isFalse();
        BaseIdentity stored = identities.identity();
        assertThat(stored.name()).isEqualTo(NAME);
        assertThat(stored.id()).isEqualTo(original.id());

        // the sidebar's button opens it too, with the name as saved
        robot.clickOn("#baseIdentityAction");
        waitForDialog(robot);
        assertThat(robot.lookup("#baseNameField").queryAs(TextField.class).getText()).isEqualTo(NAME);
        robot.clickOn(dialogButton(robot, "Annuler"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !dialogShown(robot));
        assertThat(status(robot)).isEqualTo("Base : " + NAME);
    }

    /** A copied data folder: « Nouvel identifiant… » asks first (Escape changes nothing), then shows the new one. */
    @Test
    void aNewIdentifierIsAskedForThenShown(FxRobot robot) throws Exception {
        waitForStatus(robot, UNNAMED);
        robot.clickOn("#baseIdentityStatus");
        waitForDialog(robot);
        TextField id = robot.lookup("#baseIdField").queryAs(TextField.class);
        robot.clickOn("#renewIdentityButton");
        renewConfirmation(robot);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(identities.identity()).isEqualTo(original);
        assertThat(id.getText()).isEqualTo(original.id().toString());

        robot.clickOn("#renewIdentityButton");
        robot.clickOn(renewConfirmation(robot));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !id.getText().equals(original.id().toString()));
        BaseIdentity renewed = identities.identity();
        assertThat(renewed.id()).isNotEqualTo(original.id());
        assertThat(id.getText()).isEqualTo(renewed.id().toString());
        assertThat(dialogShown(robot)).isTrue();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    /** The confirmation's « Donner un nouvel identifiant » button, once shown. */
    private static Button renewConfirmation(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".alert .button")
                .match(n -> n instanceof Button b && b.getText().equals("Donner un nouvel identifiant")).tryQuery().isPresent());
        return robot.lookup(".alert .button")
                .match(n -> n instanceof Button b && b.getText().equals("Donner un nouvel identifiant")).queryAs(Button.class);
    }

    @Test
    void escapeClosesTheDialogOpenedFromTheKeyboardAndChangesNothing(FxRobot robot) throws Exception {
        waitForStatus(robot, UNNAMED);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B).release(KeyCode.B, KeyCode.SHIFT, KeyCode.CONTROL);
        waitForDialog(robot);
        assertThat(robot.lookup("#baseNameField").queryAs(TextField.class).isFocused()).isTrue();
        robot.write("Préfecture du Doubs");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !dialogShown(robot));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(status(robot)).isEqualTo(UNNAMED);
        assertThat(identities.identity()).isEqualTo(original);
    }

    @Test
    void aNameWithAControlCharacterIsRefusedUnderTheFieldAndNotSaved(FxRobot robot) throws Exception {
        waitForStatus(robot, UNNAMED);
        robot.clickOn("#baseIdentityStatus");
        waitForDialog(robot);
        TextField name = robot.lookup("#baseNameField").queryAs(TextField.class);
        // pasted from another program: a text field drops tabs and line breaks, not the C1 « next line »
        robot.interact(() -> name.setText("Préfecture\u0085du Doubs"));
        WaitForAsyncUtils.waitForFxEvents();
        String message = "Nom de la base : caractère de contrôle ou saut de ligne non accepté (caractère n° 11). "
                + "Retirez-le ou retapez le texte.";
        assertThat(robot.lookup("#baseNameMessage").queryAs(Label.class).getText()).isEqualTo(message);
        robot.clickOn(dialogButton(robot, "Enregistrer"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogShown(robot)).isTrue();
        assertThat(identities.identity()).isEqualTo(original);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !dialogShown(robot));
        assertThat(status(robot)).isEqualTo(UNNAMED);
    }
}
