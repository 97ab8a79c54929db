package fr.ancrage.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static fr.ancrage.persistence.jooq.Tables.ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class DatabaseTest {

    @Test
    void createsTheDatabaseInTheDataFolderAndReopensIt(@TempDir Path dir) {
        Path folder = dir.resolve("données ancrage");
        try (Database db = Database.open(folder)) {
            assertThat(db.wasCreated()).isTrue();
            assertThat(db.dsl().fetchCount(ORGANISATION)).isZero();
        }
        assertThat(folder.resolve("ancrage.mv.db")).exists();
        try (Database again = Database.open(folder)) {
            assertThat(again.wasCreated()).isFalse();
        }
    }

    @Test
    void aSecondOpeningOfTheSameFolderIsRefusedAndTheFirstKeepsWorking(@TempDir Path dir) {
        try (Database first = Database.open(dir)) {
            assertThatThrownBy(() -> Database.open(dir))
                    .isInstanceOf(StoreOpeningException.class)
                    .extracting(e -> ((StoreOpeningException) e).reason())
                    .isEqualTo(StoreOpeningException.Reason.LOCKED);
            assertThat(first.dsl().fetchCount(ORGANISATION)).isZero();
        }
        try (Database reopened = Database.open(dir)) {
            assertThat(reopened.wasCreated()).isFalse();
        }
    }

    @Test
    void aForeignFileIsReportedAndLeftUntouched(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ancrage.mv.db");
        byte[] garbage = "ceci n'est pas une base H2".repeat(200).getBytes();
        Files.write(file, garbage);
        assertThatThrownBy(() -> Database.open(dir))
                .isInstanceOf(StoreOpeningException.class)
                .extracting(e -> ((StoreOpeningException) e).reason())
                .isEqualTo(StoreOpeningException.Reason.FOREIGN);
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
        // the lock is released: the user can retry once the file is restored
        Files.delete(file);
        try (Database db = Database.open(dir)) {
            assertThat(db.wasCreated()).isTrue();
        }
    }

    @Test
    void anUnwritableFolderIsReported(@TempDir Path dir) throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root can write anywhere");
        Path locked = dir.resolve("locked");
        Files.createDirectory(locked, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
        assertThatThrownBy(() -> Database.open(locked.resolve("sub")))
                .isInstanceOf(StoreOpeningException.class)
                .extracting(e -> ((StoreOpeningException) e).reason())
                .isEqualTo(StoreOpeningException.Reason.UNWRITABLE);
    }

    @Test
    void aFileInPlaceOfTheFolderIsReportedAsUnwritable(@TempDir Path dir) throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("fichier"), "x");
        assertThatThrownBy(() -> Database.open(notAFolder))
                .isInstanceOf(StoreOpeningException.class)
                .extracting(e -> ((StoreOpeningException) e).reason())
                .isEqualTo(StoreOpeningException.Reason.UNWRITABLE);
    }
}
