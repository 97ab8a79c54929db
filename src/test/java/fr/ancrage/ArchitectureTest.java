package fr.ancrage;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/** The layer rules of ARCHITECTURE.md: ui → service → persistence → domain, jOOQ only in persistence. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.ancrage");
    }

    @Test
    void layersPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("ui").definedBy("fr.ancrage.ui..")
                .layer("service").definedBy("fr.ancrage.service..")
                .layer("persistence").definedBy("fr.ancrage.persistence..")
                .layer("domain").definedBy("fr.ancrage.domain..")
                .whereLayer("ui").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("ui")
                .whereLayer("persistence").mayOnlyBeAccessedByLayers("service")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("ui", "service", "persistence")
                // issue 17: the exchange service hands the interface two values of the persistence layer
                // (the kinds of record, ExchangeKind, and the history's lines, LogEntry); only the exchange
                // screens may read them, until the service gives them types of its own
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("fr.ancrage.ui.exchange.."),
                        JavaClass.Predicates.belongToAnyOf(fr.ancrage.persistence.ExchangeKind.class,
                                fr.ancrage.persistence.ExchangeRepository.LogEntry.class))
                .check(classes);
    }

    @Test
    void jooqAndSqlStayInPersistence() {
        noClasses().that().resideOutsideOfPackage("fr.ancrage.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "org.flywaydb..",
                        "org.h2..")
                .check(classes);
    }

    @Test
    void domainIsPlainJava() {
        noClasses().that().resideInAPackage("fr.ancrage.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jooq..", "java.sql..",
                        "org.controlsfx..", "org.kordamp..", "org.slf4j..")
                .check(classes);
    }

    @Test
    void documentWritersKnowOnlyTheirLibraries() {
        // the writers lay out documents and workbooks; what they say comes from the services
        noClasses().that().resideInAPackage("fr.ancrage.documents..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.ancrage.ui..", "fr.ancrage.service..",
                        "fr.ancrage.persistence..", "fr.ancrage.domain..", "javafx..", "org.jooq..", "java.sql..")
                .check(classes);
    }

    @Test
    void servicesKnowNoJavaFx() {
        noClasses().that().resideInAPackage("fr.ancrage.service..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void noThreadsAreStartedByHand() {
        noClasses().that().resideInAPackage("fr.ancrage.ui..")
                .and().doNotHaveSimpleName("FxTaskRunner")
                .should().callConstructor(Thread.class, Runnable.class)
                .orShould().callConstructor(Thread.class)
                .check(classes);
    }
}
