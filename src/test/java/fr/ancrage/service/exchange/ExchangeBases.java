package fr.ancrage.service.exchange;

import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.ExchangeKind;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import fr.ancrage.service.DemoDataService;
import fr.ancrage.service.TerritoryService;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ancrage.persistence.jooq.Tables.DASHBOARD_FIGURE;
import static fr.ancrage.persistence.jooq.Tables.DASHBOARD_GAP;

/** Bases side by side for the exchange tests: each its own in-memory database and services. */
final class ExchangeBases implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    final List<Base> bases = new ArrayList<>();

    /** One base: its database, store and exchange service. */
    static final class Base {
        final Database db;
        final Store store;
        final ExchangeService exchange;

        Base(Database db) {
            this.db = db;
            this.store = new Store(db.dsl());
            this.exchange = new ExchangeService(store, CLOCK, I18n.forLanguage("fr"));
        }

        /** Every record of every kind, values only, by kind and id. */
        Map<ExchangeKind, Map<UUID, Map<String, String>>> dump() {
            return store.read(r -> {
                Map<ExchangeKind, Map<UUID, Map<String, String>>> m = new LinkedHashMap<>();
                for (ExchangeKind k : ExchangeKind.values()) {
                    m.put(k, r.exchange().values(k));
                }
                return m;
            });
        }

        List<String> figures() {
            List<String> rows = new ArrayList<>();
            db.dsl().selectFrom(DASHBOARD_FIGURE).orderBy(DASHBOARD_FIGURE.SCOPE_KIND, DASHBOARD_FIGURE.SCOPE_KEY,
                            DASHBOARD_FIGURE.ACTION_TYPE_ID, DASHBOARD_FIGURE.INDICATOR_ID, DASHBOARD_FIGURE.YEAR_NUMBER)
                    .forEach(f -> rows.add(f.getScopeKind() + " " + f.getScopeKey() + " " + f.getActionTypeId() + " "
                            + f.getIndicatorId() + " " + f.getYearNumber() + " "
                            + f.getTargetTotal().stripTrailingZeros().toPlainString() + " "
                            + f.getRealisedTotal().stripTrailingZeros().toPlainString() + " " + f.getConventions()));
            db.dsl().selectFrom(DASHBOARD_GAP).orderBy(DASHBOARD_GAP.GAP_KIND, DASHBOARD_GAP.ITEM_ID)
                    .forEach(g -> rows.add("GAP " + g.getGapKind() + " " + g.getItemId()));
            return rows;
        }

        /** This base's whole package, written to {@code folder/name.zip}. */
        Path send(Path folder, String name) throws java.io.IOException {
            Path p = folder.resolve(name + ".zip");
            exchange.export(ExchangeScope.wholeBase(), p, () -> false);
            return p;
        }

        ImportPlan preview(Path file) {
            return exchange.preview(TestPackages.read(file));
        }

        ImportPlan importAll(Path file, Decisions answers) {
            ExchangePackage p = TestPackages.read(file);
            return exchange.importPackage(p, answers, exchange.preview(p, answers));
        }
    }

    Base empty() {
        Database db = TestStores.freshDatabase();
        Store store = new Store(db.dsl());
        new TerritoryService(store).ensureReferenceData();
        Base b = new Base(db);
        bases.add(b);
        return b;
    }

    /** A base with the demo, and an empty one that imported its whole package. */
    Base[] pair(Path folder) throws java.io.IOException {
        Base a = demo();
        Base b = empty();
        b.importAll(a.send(folder, "a0"), Decisions.keepMine());
        return new Base[]{a, b};
    }

    Base demo() {
        Base b = empty();
        new DemoDataService(b.store, CLOCK).load();
        return b;
    }

    @Override
    public void close() {
        bases.forEach(b -> TestStores.shutdown(b.db));
    }
}
