package fr.ancrage.persistence;

import org.jooq.DSLContext;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Entry point of the services into the database: every unit of work gets repositories bound to
 * one connection; {@link #write} runs it in a transaction that rolls back as a whole on failure.
 */
public final class Store {

    private final DSLContext dsl;

    public Store(DSLContext dsl) {
        this.dsl = dsl;
    }

    public <T> T read(Function<Repositories, T> work) {
        return work.apply(new Repositories(dsl));
    }

    public <T> T write(Function<Repositories, T> work) {
        return dsl.transactionResult(cfg -> work.apply(new Repositories(cfg.dsl())));
    }

    public void run(Consumer<Repositories> work) {
        dsl.transaction(cfg -> work.accept(new Repositories(cfg.dsl())));
    }
}
