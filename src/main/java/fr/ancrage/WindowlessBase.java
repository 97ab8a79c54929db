package fr.ancrage;

import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.StoreOpeningException;
import fr.ancrage.service.TerritoryService;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The opening shared by the commands that work on a data folder without a window (`import`,
 * `export echange`, `import tableur`): the folder must exist, the base is opened (checked,
 * migrated) with its reference data, and any failure is one French line and exit status 1.
 */
final class WindowlessBase {

    /** The command's work on the open base; returns the exit status. */
    @FunctionalInterface
    interface Work {
        int run(Store store) throws Exception;
    }

    private WindowlessBase() {
    }

    static int run(Optional<Path> dataDirectory, I18n i18n, PrintStream err, Work work) {
        Path dataDir = DataDirectory.resolve(dataDirectory, System.getenv(), System.getProperty("os.name"),
                System.getProperty("user.home"));
        if (!Files.isDirectory(dataDir)) {
            err.println("Le dossier de données " + dataDir + " n'existe pas. Indiquez-le avec --data-dir.");
            return 1;
        }
        try (Database db = Database.open(dataDir)) {
            ShutdownSequence.installed().then(db);
            Store store = new Store(db.dsl());
            new TerritoryService(store).ensureReferenceData();
            return work.run(store);
        } catch (StoreOpeningException e) {
            err.println(i18n.format(e.messageKey(), e.messageArgs()));
            return 1;
        } catch (Exception e) {
            err.println("L'opération a échoué : " + e.getMessage() + ". Rien n'a été écrit.");
            return 1;
        }
    }
}
