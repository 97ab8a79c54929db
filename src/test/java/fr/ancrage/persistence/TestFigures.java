package fr.ancrage.persistence;

import org.jooq.DSLContext;

/** The dashboard's figures rebuilt from the records, for tests that change records around the repositories. */
public final class TestFigures {

    private TestFigures() {
    }

    public static void rebuild(DSLContext dsl) {
        new DashboardFigures(dsl).rebuild();
    }
}
