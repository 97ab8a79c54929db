package fr.ancrage.service;

import fr.ancrage.domain.Backup;
import fr.ancrage.domain.BackupKind;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Salvage;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.StoreOpeningException;
import fr.ancrage.persistence.StoreSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store keeps the team's data whatever happens to its file: damaged, empty or foreign files
 * are refused and left as they were, a failed migration puts the copy made before it back, a base
 * migrated by a newer version is not written, backups restore what was deleted, « Réparer »
 * salvages a damaged base. Each test works on a copy of one demo base.
 */
class StoreSafetyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneId.of("Europe/Paris"));
    private static final String FILE = "ancrage.mv.db";

    @TempDir
    static Path shared;
    private static Path demoFile;
    private static int demoConventions;

    @BeforeAll
    static void demoBase() {
        Path dir = shared.resolve("demo");
        try (Database db = Database.open(dir, Database.Options.defaults().withClock(CLOCK))) {
            Services services = Services.over(new Store(db.dsl()), CLOCK);
            services.territories().ensureReferenceData();
            services.demo().load();
            demoConventions = services.conventions().list().size();
        }
        demoFile = dir.resolve(FILE);
    }

    private static Path copyOfDemo(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.copy(demoFile, dir.resolve(FILE));
        return dir;
    }

    private static StoreOpeningException openingFailure(Path dir, Database.Options options) {
        try (Database ignored = Database.open(dir, options)) {
            throw new AssertionError("the base should have been refused");
        } catch (StoreOpeningException e) {
            return e;
        }
    }

    private static StoreOpeningException.Reason openingFails(Path dir, Database.Options options) {
        return openingFailure(dir, options).reason();
    }

    @Test
    void aDamagedCopyIsRefusedAndNeverModified(@TempDir Path tmp) throws Exception {
        long size = Files.size(demoFile);
        Random random = new Random(20261202);
        int refused = 0;
        for (int k = 0; k < 11; k++) {
            Path dir = copyOfDemo(tmp.resolve("copy" + k));
            Path file = dir.resolve(FILE);
            byte[] junk = new byte[4096];
            random.nextBytes(junk);
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.seek((long) (size * (k + 0.5) / 11));
                raf.write(junk);
            }
            byte[] damaged = Files.readAllBytes(file);
            try (Database db = Database.open(dir, Database.Options.defaults().withClock(CLOCK))) {
                // the damage fell in free space: every row is still there
                assertThat(Services.over(new Store(db.dsl()), CLOCK).conventions().list()).hasSize(demoConventions);
                continue;
            } catch (StoreOpeningException e) {
                assertThat(e.reason()).isEqualTo(StoreOpeningException.Reason.CORRUPT);
                refused++;
            }
            assertThat(Files.readAllBytes(file)).as("copy %d left as it was", k).isEqualTo(damaged);
            assertThat(dir.resolve("sauvegardes")).doesNotExist();
        }
        assertThat(refused).isGreaterThan(5);
    }

    @Test
    void aBaseClosedProperlyOpensQuicklyAndOneChangedSinceIsReadWhole(@TempDir Path tmp) throws Exception {
        Path dir = copyOfDemo(tmp.resolve("mark"));
        try (Database db = Database.open(dir, Database.Options.defaults().withClock(CLOCK))) {
            assertThat(db.wasReadWhole()).as("a copied file has no mark").isTrue();
            assertThat(dir.resolve("ancrage.ferme")).doesNotExist();
        }
        assertThat(dir.resolve("ancrage.ferme")).exists();
        try (Database db = Database.open(dir, Database.Options.defaults().withClock(CLOCK))) {
            assertThat(db.wasReadWhole()).as("closed properly, read whole today").isFalse();
        }
        // a week later the whole base is read again
        Clock nextWeek = Clock.offset(CLOCK, Duration.ofDays(8));
        try (Database db = Database.open(dir, Database.Options.defaults().withClock(nextWeek))) {
            assertThat(db.wasReadWhole()).isTrue();
        }
        // damaged in place after a proper close: the file changed, so it is read whole and refused
        Path file = dir.resolve(FILE);
        byte[] damaged;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            // half of the file: live pages are hit whatever the layout after the openings above
            byte[] junk = new byte[(int) (Files.size(file) / 2)];
            new Random(11).nextBytes(junk);
            raf.seek(Files.size(file) / 4);
            raf.write(junk);
        }
        damaged = Files.readAllBytes(file);
        assertThat(openingFailsOrNull(dir)).isEqualTo(StoreOpeningException.Reason.CORRUPT);
        assertThat(Files.readAllBytes(file)).isEqualTo(damaged);
    }

    @Test
    void anEmptyOrForeignFileIsRefusedAndNeverReplaced(@TempDir Path tmp) throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.createFile(empty.resolve(FILE));
        assertThat(openingFails(empty, Database.Options.defaults())).isEqualTo(StoreOpeningException.Reason.EMPTY);
        assertThat(empty.resolve(FILE)).isEmptyFile();

        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        byte[] zip = {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8};
        Files.write(foreign.resolve(FILE), zip);
        assertThat(openingFails(foreign, Database.Options.defaults())).isEqualTo(StoreOpeningException.Reason.FOREIGN);
        assertThat(Files.readAllBytes(foreign.resolve(FILE))).isEqualTo(zip);
    }

    @Test
    void aBaseMigratedByANewerVersionIsNotWritten(@TempDir Path tmp) throws Exception {
        Path dir = copyOfDemo(tmp.resolve("newer"));
        try (Database newer = Database.open(dir, Database.Options.defaults().withClock(CLOCK)
                .withMigrations(List.of("classpath:db/migration", "classpath:db/future")))) {
            assertThat(newer.dsl().meta().getTables("FROM_A_NEWER_VERSION")).hasSize(1);
        }
        byte[] before = Files.readAllBytes(dir.resolve(FILE));
        assertThat(openingFails(dir, Database.Options.defaults().withClock(CLOCK)))
                .isEqualTo(StoreOpeningException.Reason.NEWER_VERSION);
        assertThat(Files.readAllBytes(dir.resolve(FILE))).isEqualTo(before);
    }

    @Test
    void aFailedMigrationPutsBackTheCopyMadeBeforeIt(@TempDir Path tmp) throws Exception {
        Path dir = copyOfDemo(tmp.resolve("failing"));
        byte[] before = Files.readAllBytes(dir.resolve(FILE));
        StoreOpeningException failure = openingFailure(dir, Database.Options.defaults().withClock(CLOCK)
                .withMigrations(List.of("classpath:db/migration", "classpath:db/failing")));
        assertThat(failure.reason()).isEqualTo(StoreOpeningException.Reason.MIGRATION_FAILED);
        assertThat(failure.messageKey()).isEqualTo("startup.error.MIGRATION_FAILED");
        assertThat(failure.restoredFrom()).isPresent();
        assertThat(failure.restoredFrom().get()).exists().hasFileName("ancrage-20261202-100000-avant-migration.zip");
        assertThat(Files.readAllBytes(dir.resolve(FILE))).isEqualTo(before);
        try (Database db = Database.open(dir, Database.Options.defaults().withClock(CLOCK))) {
            assertThat(db.dsl().meta().getTables("MADE_BY_A_FAILED_MIGRATION")).isEmpty();
            assertThat(Services.over(new Store(db.dsl()), CLOCK).conventions().list()).hasSize(demoConventions);
        }
    }

    @Test
    void aFailedMigrationOfANewBaseSaysItHeldNoData(@TempDir Path tmp) {
        Path dir = tmp.resolve("nouvelle");
        StoreOpeningException failure = openingFailure(dir, Database.Options.defaults().withClock(CLOCK)
                .withMigrations(List.of("classpath:db/migration", "classpath:db/failing")));
        assertThat(failure.restoredFrom()).isEmpty();
        assertThat(failure.onNewBase()).isTrue();
        assertThat(failure.messageKey()).isEqualTo("startup.error.MIGRATION_FAILED_NEW_BASE");
        assertThat(dir.resolve(FILE)).doesNotExist();
        assertThat(dir.resolve("ancrage-migration-echouee.mv.db")).exists();
    }

    @Test
    void aRestoreBringsBackADeletedConventionAndKeepsTheCurrentBaseAside(@TempDir Path tmp) throws Exception {
        Path dir = copyOfDemo(tmp.resolve("restore"));
        Backup manual;
        ConventionListItem deleted;
        try (Database db = Database.open(dir, Database.Options.defaults().withClock(CLOCK))) {
            Services services = Services.over(new Store(db.dsl()), CLOCK);
            manual = db.backupNow(BackupKind.MANUAL);
            deleted = services.conventions().list().stream()
                    .filter(c -> c.status() == fr.ancrage.domain.ConventionStatus.DRAFT).findFirst().orElseThrow();
            services.conventions().delete(services.conventions().get(deleted.id()).orElseThrow());
            assertThat(services.conventions().list()).hasSize(demoConventions - 1);
        }
        var kept = Database.restore(dir, manual.file(), CLOCK);
        assertThat(kept).isPresent();
        assertThat(kept.get().kind()).isEqualTo(BackupKind.BEFORE_RESTORE);
        try (Database db = Database.open(dir, Database.Options.defaults().withClock(CLOCK))) {
            Services services = Services.over(new Store(db.dsl()), CLOCK);
            assertThat(services.conventions().list()).extracting(ConventionListItem::id).contains(deleted.id());
            assertThat(services.conventions().list()).hasSize(demoConventions);
        }
        // the base kept aside is the one without the convention: restoring it undoes the restore
        Database.restore(dir, kept.get().file(), CLOCK);
        try (Database db = Database.open(dir, Database.Options.defaults().withClock(CLOCK))) {
            assertThat(Services.over(new Store(db.dsl()), CLOCK).conventions().list()).hasSize(demoConventions - 1);
        }
    }

    @Test
    void aDamagedOrForeignBackupIsRefusedAndNothingChanges(@TempDir Path tmp) throws Exception {
        Path dir = copyOfDemo(tmp.resolve("refused"));
        byte[] before = Files.readAllBytes(dir.resolve(FILE));
        Path notABackup = Files.writeString(tmp.resolve("notes.zip"), "pas une sauvegarde");
        assertThatThrownBy(() -> Database.restore(dir, notABackup, CLOCK))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).messageKey()).isEqualTo("backup.error.notABackup");
        Path damagedDir = copyOfDemo(tmp.resolve("damaged"));
        try (RandomAccessFile raf = new RandomAccessFile(damagedDir.resolve(FILE).toFile(), "rw")) {
            // half of the file: live pages are hit whatever the layout
            byte[] junk = new byte[(int) (Files.size(demoFile) / 2)];
            new Random(7).nextBytes(junk);
            raf.seek(Files.size(demoFile) / 4);
            raf.write(junk);
        }
        Path damagedBackup = tmp.resolve("ancrage-20261201-120000-manuelle.zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(damagedBackup))) {
            zip.putNextEntry(new java.util.zip.ZipEntry(FILE));
            Files.copy(damagedDir.resolve(FILE), zip);
        }
        assertThatThrownBy(() -> Database.restore(dir, damagedBackup, CLOCK))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).messageKey()).isEqualTo("backup.error.damaged");
        assertThat(Files.readAllBytes(dir.resolve(FILE))).isEqualTo(before);
        assertThat(dir.resolve(".restauration")).doesNotExist();
    }

    @Test
    void repairSalvagesWhatCanBeReadAndKeepsTheDamagedFileAside(@TempDir Path tmp) throws Exception {
        long size = Files.size(demoFile);
        Random random = new Random(42);
        int repaired = 0;
        for (int k = 0; k < 6 && repaired < 2; k++) {
            Path dir = copyOfDemo(tmp.resolve("repair" + k));
            byte[] junk = new byte[4096];
            random.nextBytes(junk);
            try (RandomAccessFile raf = new RandomAccessFile(dir.resolve(FILE).toFile(), "rw")) {
                raf.seek((long) (size * (k + 0.5) / 6));
                raf.write(junk);
            }
            byte[] damaged = Files.readAllBytes(dir.resolve(FILE));
            if (openingFailsOrNull(dir) == null) {
                continue;
            }
            Salvage.Outcome outcome;
            try {
                outcome = Database.repair(dir, CLOCK);
            } catch (StoreOpeningException e) {
                // nothing could be read at all: the folder is as it was
                assertThat(Files.readAllBytes(dir.resolve(FILE))).isEqualTo(damaged);
                continue;
            }
            repaired++;
            assertThat(Files.readAllBytes(outcome.damagedKeptAt().resolve(FILE))).isEqualTo(damaged);
            assertThat(outcome.recovered()).isPositive();
            try (Database db = Database.open(dir, Database.Options.defaults().withClock(CLOCK))) {
                Services services = Services.over(new Store(db.dsl()), CLOCK);
                assertThat(services.conventions().list().size()).isLessThanOrEqualTo(demoConventions);
                // the figures are rebuilt from what was saved
                assertThat(services.dashboard().alerts(fr.ancrage.domain.DashboardFilter.all())).isNotNull();
            }
        }
        assertThat(repaired).isPositive();
    }

    private static StoreOpeningException.Reason openingFailsOrNull(Path dir) {
        try (Database ignored = Database.open(dir, Database.Options.defaults().withClock(CLOCK))) {
            return null;
        } catch (StoreOpeningException e) {
            return e.reason();
        }
    }

    @Test
    void automaticBackupsAreMadeAtCloseAtMostDailyAndRotated(@TempDir Path tmp) throws Exception {
        Path dir = copyOfDemo(tmp.resolve("auto"));
        new StoreSettings(dir).setKeptBackups(2);
        Instant day = Instant.parse("2026-12-01T17:00:00Z");
        for (int i = 0; i < 4; i++) {
            Clock clock = Clock.fixed(day.plus(Duration.ofDays(i)), ZoneId.of("Europe/Paris"));
            try (Database ignored = Database.open(dir, Database.Options.defaults().withClock(clock))) {
                assertThat(ignored.fileSize()).isPresent();
            }
            // a second close the same day makes no other copy
            try (Database ignored = Database.open(dir, Database.Options.defaults().withClock(clock))) {
                assertThat(ignored.backups()).isPresent();
            }
        }
        try (Database db = Database.open(dir, Database.Options.defaults().withClock(CLOCK))) {
            List<Backup> automatic = db.backups().orElseThrow().list().stream()
                    .filter(b -> b.kind() == BackupKind.AUTOMATIC).toList();
            assertThat(automatic).extracting(b -> b.file().getFileName().toString())
                    .containsExactly("ancrage-20261204-180000-auto.zip", "ancrage-20261203-180000-auto.zip");
        }
    }

    @Test
    void aNewDataFolderIsReadableByItsOwnerOnly(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("nouveau").resolve(UUID.randomUUID().toString());
        try (Database ignored = Database.open(dir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        }
    }
}
