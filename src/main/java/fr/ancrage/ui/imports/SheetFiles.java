package fr.ancrage.ui.imports;

import fr.ancrage.i18n.I18n;
import fr.ancrage.ui.common.Folders;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The spreadsheet to import and where its report goes: the system's choosers, or answers given in the tests. */
public interface SheetFiles {

    Optional<Path> open(Window owner);

    /** The folder of a release of the administrative divisions (none unless the tests give one). */
    default Optional<Path> openReferenceFolder(Window owner) {
        return Optional.empty();
    }

    /** The official QPV list: a spreadsheet, or the ANCT's GeoJSON. */
    default Optional<Path> openQpvList(Window owner) {
        return open(owner);
    }

    Optional<Path> saveReport(Window owner, String initialName);

    static SheetFiles system(I18n i18n) {
        Path[] last = {null};
        return new SheetFiles() {
            private FileChooser chooser(String title) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(i18n.get(title));
                Path folder = last[0] != null ? last[0] : Folders.documents();
                if (folder.toFile().isDirectory()) {
                    chooser.setInitialDirectory(folder.toFile());
                }
                return chooser;
            }

            @Override
            public Optional<Path> open(Window owner) {
                FileChooser chooser = chooser("import.sheet.file.open");
                chooser.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter(i18n.get("import.sheet.file.sheets"), "*.csv", "*.CSV", "*.xlsx",
                                "*.XLSX", "*.ods", "*.ODS", "*.txt", "*.TXT"),
                        new FileChooser.ExtensionFilter(i18n.get("import.sheet.file.all"), "*"));
                return chosen(chooser.showOpenDialog(owner));
            }

            @Override
            public Optional<Path> openQpvList(Window owner) {
                FileChooser chooser = chooser("import.qpv.file.open");
                chooser.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter(i18n.get("import.qpv.file.filter"), "*.csv", "*.CSV", "*.xlsx",
                                "*.XLSX", "*.ods", "*.ODS", "*.geojson", "*.GEOJSON", "*.json", "*.JSON"),
                        new FileChooser.ExtensionFilter(i18n.get("import.sheet.file.all"), "*"));
                return chosen(chooser.showOpenDialog(owner));
            }

            @Override
            public Optional<Path> openReferenceFolder(Window owner) {
                javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
                chooser.setTitle(i18n.get("import.reference.choose"));
                Path folder = last[0] != null ? last[0] : Folders.documents();
                if (folder.toFile().isDirectory()) {
                    chooser.setInitialDirectory(folder.toFile());
                }
                return chosen(chooser.showDialog(owner));
            }

            private Optional<Path> chosen(File chosen) {
                if (chosen == null) {
                    return Optional.empty();
                }
                last[0] = chosen.toPath().toAbsolutePath().getParent();
                return Optional.of(chosen.toPath());
            }

            @Override
            public Optional<Path> saveReport(Window owner, String initialName) {
                FileChooser chooser = chooser("import.sheet.file.saveReport");
                FileChooser.ExtensionFilter ods = new FileChooser.ExtensionFilter(i18n.get("import.sheet.file.ods"),
                        "*.ods");
                FileChooser.ExtensionFilter csv = new FileChooser.ExtensionFilter(i18n.get("import.sheet.file.csv"),
                        "*.csv");
                chooser.getExtensionFilters().addAll(ods, csv);
                chooser.setInitialFileName(initialName);
                File chosen = chooser.showSaveDialog(owner);
                if (chosen == null) {
                    return Optional.empty();
                }
                Path file = chosen.toPath();
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (!name.endsWith(".csv") && !name.endsWith(".ods")) {
                    file = file.resolveSibling(file.getFileName() + (chooser.getSelectedExtensionFilter() == csv
                            ? ".csv" : ".ods"));
                }
                return Optional.of(file);
            }
        };
    }
}
