package fr.ancrage.service;

import fr.ancrage.domain.Backup;
import fr.ancrage.domain.BackupKind;
import fr.ancrage.persistence.Backups;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.StoreSettings;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The backups of the open data folder, as the « Sauvegardes » dialog shows them. Restoring needs
 * the base closed: the composition root does it ({@code Database.restore}) and opens it again.
 */
public final class BackupService {

    private final Database database;

    public BackupService(Database database) {
        this.database = database;
    }

    /** The backups, newest first; none for a base kept in memory. */
    public List<Backup> list() {
        return database.backups().map(Backups::list).orElse(List.of());
    }

    /** « Sauvegarder maintenant »: a consistent copy of the open base. */
    public Backup backupNow() {
        return database.backupNow(BackupKind.MANUAL);
    }

    public Optional<Path> folder() {
        return database.backups().map(Backups::folder);
    }

    public Path dataDirectory() {
        return database.dataDirectory();
    }

    public Optional<Long> databaseSize() {
        return database.fileSize();
    }

    public int keptBackups() {
        return database.storeSettings().map(StoreSettings::keptBackups).orElse(Backups.DEFAULT_KEPT);
    }

    /** Sets how many automatic backups are kept; the oldest beyond it go at the next close. */
    public void setKeptBackups(int value) {
        database.storeSettings().ifPresent(s -> s.setKeptBackups(value));
    }
}
