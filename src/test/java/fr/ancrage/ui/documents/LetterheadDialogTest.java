package fr.ancrage.ui.documents;

import fr.ancrage.domain.Letterhead;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.documents.LetterheadService;
import fr.ancrage.ui.main.UiHarness;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
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

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The team sets the letterhead of its documents once, from the Documents screen. */
@ExtendWith(ApplicationExtension.class)
class LetterheadDialogTest {

    private UiHarness app;
    private LetterheadService letterheads;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        app = new UiHarness();
        letterheads = new LetterheadService(new Store(app.database.dsl()));
        app.start(stage);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private Label state(FxRobot robot) {
        return robot.lookup("#letterheadState").queryAs(Label.class);
    }

    @Test
    void theTeamTypesItsLetterheadChoosesALogoAndSavesIt(FxRobot robot) throws Exception {
        Path image = dir.resolve("bloc-marque.png");
        BufferedImage picture = new BufferedImage(900, 300, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(picture, "png", image.toFile());
        robot.interact(() -> app.shell.documentsView().useImageChooser(owner -> Optional.of(image)));
        robot.clickOn("#nav-documents");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !state(robot).getText().isEmpty());
        assertThat(state(robot).getText()).isEqualTo("Aucun en-tête : les documents ne disent pas encore qui les émet.");

        robot.clickOn("#letterheadButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#letterheadAuthority").tryQuery().isPresent());
        // saving without an authority says what is missing and keeps the dialog open
        robot.clickOn("Enregistrer");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#letterheadProblem").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#letterheadProblem").queryAs(Label.class).getText())
                .contains("Indiquez qui émet les documents");

        robot.clickOn("#letterheadAuthority").write("Préfet du Doubs");
        robot.clickOn("#letterheadService").write("DDETS du Doubs 🏛");
        robot.clickOn("#letterheadFollowedBy").write("Claire Martin");
        robot.clickOn("#letterheadChooseLogo");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#letterheadLogoPreview").queryAs(ImageView.class).getImage() != null);
        assertThat(robot.lookup("#letterheadNoLogo").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup("#letterheadLogoDescription").queryAs(TextField.class).getText())
                .isEqualTo("Logo – Préfet du Doubs");
        robot.clickOn("Enregistrer");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#letterheadAuthority").tryQuery().isEmpty());

        assertThat(state(robot).getText()).isEqualTo("En-tête des documents : Préfet du Doubs");
        Letterhead saved = letterheads.get();
        assertThat(saved.authority()).isEqualTo("Préfet du Doubs");
        assertThat(saved.service()).isEqualTo("DDETS du Doubs 🏛");
        assertThat(saved.followedBy()).isEqualTo("Claire Martin");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(saved.logo())).getWidth())
                .isEqualTo(600);
    }

    @Test
    void escapeLeavesTheLetterheadAsItWas(FxRobot robot) throws Exception {
        letterheads.save(new Letterhead(Letterhead.empty().meta(), "Préfète de la Haute-Saône", "", "", "", "", "",
                null, ""));
        robot.clickOn("#nav-documents");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> state(robot).getText().contains("Haute-Saône"));
        robot.clickOn("#letterheadButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#letterheadAuthority").tryQuery().isPresent());
        TextField authority = robot.lookup("#letterheadAuthority").queryAs(TextField.class);
        assertThat(authority.getText()).isEqualTo("Préfète de la Haute-Saône");
        assertThat(authority.isFocused()).isTrue();
        robot.clickOn(authority).type(KeyCode.END).write(" modifiée");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> authority.getText().endsWith(" modifiée"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#letterheadAuthority").tryQuery().isEmpty());
        assertThat(letterheads.get().authority()).isEqualTo("Préfète de la Haute-Saône");
        assertThat(letterheads.get().meta().version()).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotAnImageIsRefusedInTheDialog(FxRobot robot) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.png"), "ceci n’est pas une image");
        robot.interact(() -> app.shell.documentsView().useImageChooser(owner -> Optional.of(notes)));
        robot.clickOn("#nav-documents");
        robot.clickOn("#letterheadButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#letterheadChooseLogo").tryQuery().isPresent());
        robot.clickOn("#letterheadChooseLogo");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#letterheadProblem").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#letterheadProblem").queryAs(Label.class).getText())
                .isEqualTo("Le fichier notes.png n’est pas une image lisible (PNG, JPEG, GIF ou BMP).");
        assertThat(robot.lookup("#letterheadNoLogo").queryAs(Label.class).isVisible()).isTrue();
        robot.type(KeyCode.ESCAPE);
    }
}
