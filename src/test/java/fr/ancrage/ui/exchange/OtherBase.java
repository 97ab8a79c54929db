package fr.ancrage.ui.exchange;

import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.ExchangeKind;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import fr.ancrage.service.BaseIdentityService;
import fr.ancrage.service.DemoDataService;
import fr.ancrage.service.exchange.ExchangeService;
import fr.ancrage.ui.main.UiHarness;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A second base beside the one the window shows, for the exchange's UI tests: its own in-memory
 * database with the demo, its name, its exchange service; and what any base holds, as a dump.
 */
final class OtherBase implements AutoCloseable {

    final Database db;
    final Store store;
    final ExchangeService exchange;

    OtherBase(String name) {
        db = TestStores.withReference();
        store = new Store(db.dsl());
        new DemoDataService(store, UiHarness.CLOCK).load();
        new BaseIdentityService(store, java.time.Clock.systemUTC()).rename(name);
        exchange = new ExchangeService(store, UiHarness.CLOCK, I18n.forLanguage("fr"));
    }

    /** Every record of every kind of the base behind {@code store}, values only. */
    static Map<ExchangeKind, Map<UUID, Map<String, String>>> dump(Store store) {
        return store.read(r -> {
            Map<ExchangeKind, Map<UUID, Map<String, String>>> m = new LinkedHashMap<>();
            for (ExchangeKind k : ExchangeKind.values()) {
                m.put(k, r.exchange().values(k));
            }
            return m;
        });
    }

    @Override
    public void close() {
        TestStores.shutdown(db);
    }
}
