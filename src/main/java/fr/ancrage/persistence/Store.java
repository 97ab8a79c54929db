package fr.ancrage.persistence;

import org.jooq.DSLContext;

import java.sql.Connection;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Entry point of the services into the database: every unit of work gets repositories bound to
 * one connection. {@link #write} runs it in a transaction that rolls back as a whole on failure;
 * {@link #read} in a read-only snapshot transaction, so that a read of several queries sees one
 * state of the store even while others commit (decision 0011).
 */
public final class Store {

    /** H2's SNAPSHOT isolation ({@code org.h2.engine.Constants.TRANSACTION_SNAPSHOT}); JDBC has no constant for it. */
    static final int SNAPSHOT = 6;

    private final DSLContext dsl;

    public Store(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Runs {@code work} on one connection in a SNAPSHOT transaction: every query sees the store as
     * of the first one. The transaction is rolled back at the end, so that nothing written by
     * mistake inside a read is kept ({@code setReadOnly} is only a hint to H2).
     */
    public <T> T read(Function<Repositories, T> work) {
        return dsl.connectionResult(connection -> {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            boolean readOnly = connection.isReadOnly();
            connection.setTransactionIsolation(SNAPSHOT);
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            try {
                return work.apply(new Repositories(dsl.configuration().derive(connection).dsl()));
            } finally {
                restore(connection, autoCommit, isolation, readOnly);
            }
        });
    }

    public <T> T write(Function<Repositories, T> work) {
        return dsl.transactionResult(cfg -> work.apply(new Repositories(cfg.dsl())));
    }

    public void run(Consumer<Repositories> work) {
        dsl.transaction(cfg -> work.accept(new Repositories(cfg.dsl())));
    }

    /** The pooled connection goes back as it was lent. */
    private static void restore(Connection connection, boolean autoCommit, int isolation, boolean readOnly)
            throws java.sql.SQLException {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
        connection.setReadOnly(readOnly);
        connection.setTransactionIsolation(isolation);
    }
}
