package fr.ancrage.ui.common;

import fr.ancrage.i18n.I18n;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.function.Supplier;

/** Loads an FXML file next to its controller, with the app's bundle and a given controller instance. */
public final class ViewLoader {

    private final I18n i18n;

    public ViewLoader(I18n i18n) {
        this.i18n = i18n;
    }

    public <C> Parent load(Class<C> controllerType, Supplier<C> controller) {
        String name = controllerType.getSimpleName().replaceFirst("View$", "") + ".fxml";
        URL url = controllerType.getResource(name);
        if (url == null) {
            throw new IllegalStateException("Missing FXML " + name + " next to " + controllerType.getName());
        }
        FXMLLoader loader = new FXMLLoader(url, i18n.bundle());
        C instance = controller.get();
        loader.setControllerFactory(type -> {
            if (type.isInstance(instance)) {
                return instance;
            }
            throw new IllegalArgumentException("Unexpected controller " + type);
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + name, e);
        }
    }
}
