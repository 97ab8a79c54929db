package fr.ancrage.ui.exchange;

import fr.ancrage.i18n.I18n;
import fr.ancrage.ui.common.Folders;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a package is read from or written to, and where a report is saved: the system's file chooser,
 * or, in the tests, an answer given in advance.
 */
@FunctionalInterface
public interface FileChoice {

    /** What the file is for. */
    enum Purpose { OPEN_PACKAGE, SAVE_PACKAGE, SAVE_REPORT }

    /** The file chosen, empty when the user gave up; {@code initialName} for a file to write. */
    Optional<Path> choose(Window owner, Purpose purpose, String initialName);

    /** The system's file chooser, in the folder last used (the Documents folder at first). */
    static FileChoice system(I18n i18n) {
        Path[] last = {null};
        return (owner, purpose, initialName) -> {
            FileChooser chooser = new FileChooser();
            FileChooser.ExtensionFilter filter = purpose == Purpose.SAVE_REPORT
                    ? new FileChooser.ExtensionFilter(i18n.get("exchange.file.report"), "*.txt")
                    : new FileChooser.ExtensionFilter(i18n.get("exchange.file.package"), "*.zip", "*.ZIP");
            chooser.getExtensionFilters().add(filter);
            chooser.setTitle(i18n.get(switch (purpose) {
                case OPEN_PACKAGE -> "exchange.file.open";
                case SAVE_PACKAGE -> "exchange.file.save";
                case SAVE_REPORT -> "exchange.file.saveReport";
            }));
            Path folder = last[0] != null ? last[0] : Folders.documents();
            if (folder.toFile().isDirectory()) {
                chooser.setInitialDirectory(folder.toFile());
            }
            File chosen;
            if (purpose == Purpose.OPEN_PACKAGE) {
                chosen = chooser.showOpenDialog(owner);
            } else {
                chooser.setInitialFileName(initialName);
                chosen = chooser.showSaveDialog(owner);
            }
            if (chosen == null) {
                return Optional.empty();
            }
            Path file = chosen.toPath();
            last[0] = file.toAbsolutePath().getParent();
            String extension = purpose == Purpose.SAVE_REPORT ? ".txt" : ".zip";
            if (purpose != Purpose.OPEN_PACKAGE
                    && !file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(extension)) {
                file = file.resolveSibling(file.getFileName() + extension);
            }
            return Optional.of(file);
        };
    }
}
