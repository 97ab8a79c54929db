package fr.ancrage.persistence;

import fr.ancrage.domain.exchange.RecordState;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exchange state moved from a CLOB to a varchar (V11, docs/performance.md): the states an older
 * base kept, long ones included, are read as they were after the upgrade, and the incremental
 * package still finds them by kind and clock.
 */
class ExchangeStateMigrationTest {

    @Test
    void theStatesOfAnOlderBaseAreReadAsTheyWereAfterTheUpgrade(@TempDir Path folder) {
        String url = "jdbc:h2:file:" + folder.resolve(Database.DATABASE_NAME);
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("10").load().migrate();
        UUID id = UUID.fromString("01a00000-0000-7000-8000-000000000001");
        UUID base = UUID.fromString("01a00000-0000-7000-8000-0000000000ff");
        String notes = "Entreprise 🏭 « d’insertion » =1+1 " + "x".repeat(3_900);
        String state = "{\"f\":{\"legalName\":{\"v\":\"X Industrie\",\"c\":{\"" + base + "\":3}},"
                + "\"notes\":{\"v\":\"" + notes + "\",\"c\":{\"" + base + "\":2}}},"
                + "\"p\":{\"notes\":{\"v\":\"" + notes.replace('x', 'y') + "\",\"c\":{\"" + base + "\":1}}}}";
        try (var c = org.jooq.impl.DSL.using(url, "sa", "")) {
            c.execute("insert into exchange_record (id, kind, seen_version, fields, changed_seq) values (?, ?, ?, ?, ?)",
                    id, "organisation", 2, state, 7L);
            c.execute("insert into exchange_record (id, kind, seen_version, fields, changed_seq) values (?, ?, ?, ?, ?)",
                    UUID.fromString("01a00000-0000-7000-8000-000000000002"), "contact", null, "{\"f\":{}}", 9L);
        }
        try (Database upgraded = Database.open(folder)) {
            Store s = new Store(upgraded.dsl());
            Map<UUID, RecordState> read = s.read(r -> r.exchange().states(List.of(id)));
            assertThat(read.get(id).fields().get("notes").value()).isEqualTo(notes);
            assertThat(read.get(id).fields().get("notes").clock().get(base)).isEqualTo(2L);
            assertThat(read.get(id).fields().get("legalName").value()).isEqualTo("X Industrie");
            List<UUID> after6 = s.read(r -> r.exchange().changedSince(ExchangeKind.ORGANISATION, 6));
            List<UUID> after7 = s.read(r -> r.exchange().changedSince(ExchangeKind.ORGANISATION, 7));
            List<UUID> contacts = s.read(r -> r.exchange().changedSince(ExchangeKind.CONTACT, 8));
            assertThat(after6).containsExactly(id);
            assertThat(after7).isEmpty();
            assertThat(contacts).hasSize(1);
            var column = upgraded.dsl().fetchOne("select data_type, is_nullable from information_schema.columns "
                    + "where lower(table_name) = 'exchange_record' and lower(column_name) = 'fields'");
            assertThat(column.get(0)).isEqualTo("CHARACTER VARYING");
            assertThat(column.get(1)).isEqualTo("NO");
        }
    }
}
