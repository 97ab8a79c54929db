package fr.ancrage;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Run by {@link AppImageIT} on the app image's own runtime, on JavaFX's headless platform: opens a
 * date picker on 7 March 2025 in the given format locale and prints the labels of its popup
 * (month and year). Without the runtime's locale data the month is « March » whatever the locale.
 */
public final class DatePickerProbe {

    private DatePickerProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag(args.length > 0 ? args[0] : "fr-FR"));
        List<String> labels = new ArrayList<>();
        CountDownLatch shown = new CountDownLatch(1);
        Platform.startup(() -> {
            try {
                DatePicker picker = new DatePicker(LocalDate.of(2025, 3, 7));
                Stage stage = new Stage();
                stage.setScene(new Scene(new StackPane(picker), 400, 300));
                stage.show();
                picker.show();
                for (Window window : Window.getWindows()) {
                    for (Node node : window.getScene().getRoot().lookupAll(".label")) {
                        if (node instanceof Label label && label.getText() != null && !label.getText().isBlank()) {
                            labels.add(label.getText());
                        }
                    }
                }
            } finally {
                shown.countDown();
            }
        });
        boolean done = shown.await(60, TimeUnit.SECONDS);
        System.out.println("date-picker=" + String.join("|", labels) + (done ? "" : " (timed out)"));
        Platform.exit();
    }
}
