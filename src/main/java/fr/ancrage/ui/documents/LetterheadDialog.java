package fr.ancrage.ui.documents;

import fr.ancrage.domain.Letterhead;
import fr.ancrage.domain.LetterheadRules;
import fr.ancrage.domain.validation.TextLimits;
import fr.ancrage.service.documents.LetterheadService;
import fr.ancrage.ui.common.Cells;
import fr.ancrage.ui.common.Dialogs;
import fr.ancrage.ui.common.UiContext;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * « En-tête des documents »: who issues the team's documents (« Préfet du Doubs »), the service, the
 * address, « Affaire suivie par », the contact, the place they are made at, and the team's own logo.
 * Set once; every document then carries it at the top of its first page and in its properties. The
 * logo is read and scaled in the background; saving too.
 */
public final class LetterheadDialog {

    private final UiContext ui;
    private final LetterheadService letterheads;
    private final Function<Window, Optional<Path>> chooseImage;

    /** {@code chooseImage}: asks the user for an image file (tests answer without the system's chooser). */
    public LetterheadDialog(UiContext ui, LetterheadService letterheads, Function<Window, Optional<Path>> chooseImage) {
        this.ui = ui;
        this.letterheads = letterheads;
        this.chooseImage = chooseImage;
    }

    /** Shows the letterhead as read ({@code current}); {@code saved} receives it once saved. */
    public void show(Window owner, Letterhead current, Consumer<Letterhead> saved) {
        var i18n = ui.i18n();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("letterhead.title"));
        dialog.setHeaderText(i18n.get("letterhead.header"));
        ButtonType save = new ButtonType(i18n.get("action.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save,
                new ButtonType(i18n.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));

        TextField authority = field("letterheadAuthority", current.authority(), "letterhead.authority.prompt", TextLimits.TITLE);
        TextField service = field("letterheadService", current.service(), "letterhead.service.prompt", TextLimits.ADDRESS);
        TextArea address = area("letterheadAddress", current.address(), "letterhead.address.prompt", TextLimits.ADDRESS);
        TextField followedBy = field("letterheadFollowedBy", current.followedBy(), "letterhead.followedBy.prompt",
                TextLimits.TITLE);
        TextArea contact = area("letterheadContact", current.contact(), "letterhead.contact.prompt", TextLimits.ADDRESS);
        TextField place = field("letterheadPlace", current.place(), "letterhead.place.prompt", LetterheadRules.PLACE_LENGTH);
        TextField description = field("letterheadLogoDescription", current.logoDescription(),
                "letterhead.logoDescription.prompt", TextLimits.TITLE);

        byte[][] logo = {current.logo()};
        ImageView preview = new ImageView();
        preview.setId("letterheadLogoPreview");
        preview.setPreserveRatio(true);
        preview.setFitWidth(180);
        preview.setFitHeight(90);
        Label noLogo = new Label(i18n.get("letterhead.logo.none"));
        noLogo.setId("letterheadNoLogo");
        noLogo.getStyleClass().add("hint");
        StackPane frame = new StackPane(preview, noLogo);
        frame.getStyleClass().add("logo-frame");
        frame.setMinSize(190, 100);
        frame.setPrefSize(190, 100);
        Button choose = new Button(i18n.get("letterhead.logo.choose"));
        choose.setId("letterheadChooseLogo");
        Button remove = new Button(i18n.get("letterhead.logo.remove"));
        remove.setId("letterheadRemoveLogo");
        Label problem = new Label();
        problem.setId("letterheadProblem");
        problem.getStyleClass().addAll("field-message", "error");
        problem.setWrapText(true);
        problem.setMinHeight(Label.USE_PREF_SIZE);
        Runnable showLogo = () -> {
            preview.setImage(logo[0] == null ? null : new Image(new ByteArrayInputStream(logo[0])));
            noLogo.setVisible(logo[0] == null);
            remove.setDisable(logo[0] == null);
            description.setDisable(logo[0] == null);
        };
        showLogo.run();
        choose.setOnAction(e -> chooseImage.apply(dialog.getDialogPane().getScene().getWindow()).ifPresent(file -> {
            problem.setText("");
            choose.setDisable(true);
            ui.tasks().run(() -> letterheads.logoFrom(file), png -> {
                logo[0] = png;
                choose.setDisable(false);
                showLogo.run();
                if (description.getText().isBlank()) {
                    description.setText(i18n.format("letterhead.logoDescription.default", authority.getText().strip()));
                }
            }, error -> {
                choose.setDisable(false);
                problem.setText(ui.errors().describe(error));
            });
        }));
        remove.setOnAction(e -> {
            logo[0] = null;
            showLogo.run();
        });

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.setHgap(12);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Label.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setPrefWidth(420);
        grid.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        for (var pair : java.util.List.of(
                java.util.Map.entry("letterhead.authority", (javafx.scene.Node) authority),
                java.util.Map.entry("letterhead.service", service), java.util.Map.entry("letterhead.address", address),
                java.util.Map.entry("letterhead.followedBy", followedBy), java.util.Map.entry("letterhead.contact", contact),
                java.util.Map.entry("letterhead.place", place))) {
            Label label = new Label(i18n.get(pair.getKey()));
            label.getStyleClass().add("form-label");
            label.setLabelFor(pair.getValue());
            label.setMinWidth(Label.USE_PREF_SIZE);
            grid.addRow(row++, label, pair.getValue());
        }
        Label logoLabel = new Label(i18n.get("letterhead.logo"));
        logoLabel.getStyleClass().add("form-label");
        VBox logoButtons = new VBox(6, choose, remove);
        HBox logoRow = new HBox(12, frame, logoButtons);
        logoRow.setAlignment(Pos.CENTER_LEFT);
        Label logoHint = new Label(i18n.get("letterhead.logo.hint"));
        logoHint.getStyleClass().add("hint");
        logoHint.setWrapText(true);
        logoHint.setMinHeight(Label.USE_PREF_SIZE);
        logoHint.setMaxWidth(420);
        grid.addRow(row++, logoLabel, new VBox(6, logoRow, logoHint));
        GridPane.setValignment(logoLabel, javafx.geometry.VPos.TOP);
        Label descriptionLabel = new Label(i18n.get("letterhead.logoDescription"));
        descriptionLabel.getStyleClass().add("form-label");
        descriptionLabel.setLabelFor(description);
        grid.addRow(row, descriptionLabel, description);

        dialog.getDialogPane().setContent(new VBox(10, grid, problem));
        Dialogs.fitContent(dialog);
        Dialogs.focusWhenShown(dialog, authority);
        dialog.setOnShown(e -> Dialogs.keepCentred(dialog.getDialogPane().getScene().getWindow(), owner));
        dialog.getDialogPane().lookupButton(save).addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            Letterhead edited = new Letterhead(current.meta(), authority.getText(), service.getText(),
                    address.getText(), followedBy.getText(), contact.getText(), place.getText(), logo[0],
                    logo[0] == null ? "" : description.getText());
            problem.setText("");
            dialog.getDialogPane().lookupButton(save).setDisable(true);
            ui.tasks().run(() -> letterheads.save(edited), stored -> {
                dialog.close();
                saved.accept(stored);
            }, error -> {
                dialog.getDialogPane().lookupButton(save).setDisable(false);
                problem.setText(ui.errors().describe(error));
            });
        });
        dialog.showAndWait();
    }

    private TextField field(String id, String value, String prompt, int max) {
        TextField field = new TextField(value);
        setUp(field, id, prompt, max);
        return field;
    }

    private TextArea area(String id, String value, String prompt, int max) {
        TextArea area = new TextArea(value);
        area.setPrefRowCount(2);
        area.setWrapText(true);
        setUp(area, id, prompt, max);
        return area;
    }

    private void setUp(TextInputControl field, String id, String prompt, int max) {
        field.setId(id);
        field.setPromptText(ui.i18n().get(prompt));
        Cells.limit(field, max, ui.i18n());
    }

    /** The system's file chooser, on images. */
    static Optional<Path> fileChooser(Window owner, String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG, JPEG, GIF, BMP",
                "*.png", "*.PNG", "*.jpg", "*.JPG", "*.jpeg", "*.JPEG", "*.gif", "*.GIF", "*.bmp", "*.BMP"));
        File file = chooser.showOpenDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }
}
