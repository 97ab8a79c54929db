package fr.ancrage.crash;

import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.StoreCheck;
import fr.ancrage.service.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A process killed in the middle of a large transaction (an import stopped half-way) leaves a base
 * H2 cannot open read-only: it must undo that transaction first. The check says it is sound (not
 * « damaged »), without modifying it, and opening it undoes the unfinished changes and keeps every
 * confirmed one.
 */
class InterruptedWriteTest {

    @Test
    void aBaseKilledDuringALargeTransactionIsSoundAndOpensWithoutTheUnfinishedChanges(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        Path out = tmp.resolve("out.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                InterruptedWrite.class.getName(), data.toString()))
                .redirectOutput(out.toFile()).redirectError(tmp.resolve("err.txt").toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).as(Files.readString(tmp.resolve("err.txt"))).contains("halt");
        String confirmed = lines.getFirst().substring(2);

        Path file = data.resolve("ancrage.mv.db");
        String before = sha256(file);
        // the premise: H2 refuses to open this base read-only (it would have to undo the transaction)
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:h2:file:" + data.resolve("ancrage")
                + ";ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0;IFEXISTS=TRUE", "sa", "").close())
                .isInstanceOf(SQLException.class);

        StoreCheck.Report report = Database.check(data);
        assertThat(report.rowsPerTable().get("EXCHANGE_RECORD")).isLessThan(250_000);
        assertThat(report.rowsPerTable().get("ORGANISATION")).isPositive();
        assertThat(sha256(file)).as("the check never writes to the base").isEqualTo(before);
        try (var left = Files.list(data)) {
            assertThat(left.map(f -> f.getFileName().toString())).doesNotContain(".verification");
        }

        try (Database db = Database.open(data)) {
            Services services = Services.over(new Store(db.dsl()), Clock.systemDefaultZone());
            assertThat(services.organisations().list())
                    .anySatisfy(o -> {
                        assertThat(o.organisation().id().toString()).isEqualTo(confirmed);
                        assertThat(o.organisation().legalName()).isEqualTo("Entreprise confirmée");
                    })
                    .noneSatisfy(o -> assertThat(o.organisation().legalName()).isEqualTo(InterruptedWrite.UNCONFIRMED));
        }
        // closed properly now: the next check reads it in place
        assertThat(Database.check(data).rowsPerTable().get("EXCHANGE_RECORD")).isLessThan(250_000);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
