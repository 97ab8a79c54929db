package fr.ancrage.service.imports;

import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Engagement;
import fr.ancrage.domain.Framework;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.RealisedValue;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.Text;
import fr.ancrage.domain.imports.EngagementRow;
import fr.ancrage.domain.imports.SheetKind;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever figures an engagements sheet holds (rows of one engagement spread over indicators and
 * years, rows repeated, years outside the convention, values that are not numbers, a part above its
 * whole), the import stores one target per engagement, indicator and year among the rows it keeps,
 * or refuses and writes nothing; and a second import of the same sheet changes nothing.
 */
class EngagementImportPropertiesTest {

    private static final Clock CLOCK = ImportTestSupport.CLOCK;

    private static Database db;
    private static Store store;
    private static SheetImports sheets;
    private static Path dir;
    private static int tries;

    @BeforeContainer
    static void base() throws Exception {
        db = TestStores.withReference();
        store = new Store(db.dsl());
        sheets = new SheetImports(store, I18n.forLanguage("fr"), CLOCK);
        dir = Files.createTempDirectory("engagements-properties");
    }

    @AfterContainer
    static void close() throws Exception {
        TestStores.shutdown(db);
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    record Figure(String action, String description, String year, String indicator, String target, String realised) {
        String line(String reference) {
            return String.join(";", reference, action, description, year, indicator, target, realised);
        }
    }

    @Provide
    Arbitrary<List<Figure>> sheetsOfFigures() {
        return Combinators.combine(
                Arbitraries.of("STAGES_3E", "Dons financiers", "Danse"),
                Arbitraries.of("Collège Diderot", "collège DIDEROT", "", "=1+1 🎉"),
                Arbitraries.of("2024", "2025", "2026", "2030", ""),
                Arbitraries.of("STAGES_OFFERED", "Stages de 3e pourvus", ""),
                Arbitraries.of("10", "3", "0", "2 500,50 €", "abc", ""),
                Arbitraries.of("8", "12", "", "1,5")).as(Figure::new).list().ofMinSize(1).ofMaxSize(10);
    }

    @Property(tries = 40)
    void aSheetOfFiguresIsStoredOnceOrNotAtAllAndASecondImportChangesNothing(
            @ForAll("sheetsOfFigures") List<Figure> figures) throws Exception {
        String reference = "P-" + (++tries);
        UUID conventionId = convention(reference);
        Path file = dir.resolve(reference + ".csv");
        StringBuilder csv = new StringBuilder("N° convention;Action;Description;Année;Indicateur;Objectif;Réalisé\n");
        figures.forEach(f -> csv.append(f.line(reference)).append('\n'));
        Files.writeString(file, csv);
        SheetImport imports = sheets.of(SheetKind.ENGAGEMENTS);
        SheetImport.Opened opened = imports.open(file, null, 0);
        SheetImport.Preview preview = imports.preview(opened, opened.recognised(), () -> false);

        // the targets the kept rows give: the first of each engagement, indicator and year
        Set<String> expected = new HashSet<>();
        for (SheetImport.Line l : preview.lines()) {
            EngagementRow row = (EngagementRow) l.row();
            if (l.proposed() == SheetImport.Decision.IMPORT && row.target() != null) {
                expected.add(Text.searchKey(row.description()) + "/" + row.indicator().id() + "/" + row.firstYear());
            }
        }
        try {
            imports.write(preview, Map.of());
        } catch (RuleViolationException refused) {
            assertThat(refused.messageKey()).isEqualTo("import.engagement.refused");
            assertThat(engagements(conventionId)).isEmpty();
            assertThat(results(conventionId)).isEmpty();
            return;
        }
        List<Engagement> stored = engagements(conventionId);
        Set<String> targets = new HashSet<>();
        stored.forEach(e -> e.targets().forEach(t -> assertThat(targets.add(Text.searchKey(e.description()) + "/"
                + t.indicatorId() + "/" + t.year())).as("one target per engagement, indicator and year").isTrue()));
        assertThat(targets).isEqualTo(expected);
        List<RealisedValue> results = results(conventionId);

        SheetImport.Preview again = imports.preview(opened, opened.recognised(), () -> false);
        assertThat(imports.write(again, Map.of())).extracting(d -> d.outcome().name())
                .doesNotContain("CREATED", "UPDATED");
        assertThat(engagements(conventionId)).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(results(conventionId)).containsExactlyInAnyOrderElementsOf(results);
    }

    private static UUID convention(String reference) {
        Organisation company = store.write(r -> r.organisations().save(new Organisation(RecordMeta.fresh(),
                OrganisationKind.COMPANY, "Entreprise " + reference, "", "", "", null, "", "25000", "25056", false,
                false, Set.of(), "")));
        return store.write(r -> r.conventions().save(new Convention(RecordMeta.fresh(), reference, "", company.id(),
                Framework.PAQTE, "25", "", "", ConventionStatus.ACTIVE, LocalDate.of(2023, 12, 15),
                LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31), Set.of(), List.of(), ""))).id();
    }

    private static List<Engagement> engagements(UUID conventionId) {
        return store.read(r -> r.engagements().findByConventions(List.of(conventionId)));
    }

    private static List<RealisedValue> results(UUID conventionId) {
        return store.read(r -> r.engagements().results(conventionId));
    }
}
