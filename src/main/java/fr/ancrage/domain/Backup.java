package fr.ancrage.domain;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/** A copy of a data folder's database, kept in its {@code sauvegardes} folder. */
public record Backup(Path file, BackupKind kind, Instant time, long size) {

    public Backup {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
    }
}
