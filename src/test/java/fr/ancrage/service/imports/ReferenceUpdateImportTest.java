package fr.ancrage.service.imports;

import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Epci;
import fr.ancrage.domain.GeographyVersion;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.imports.ReferenceUpdate;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A newer release of the administrative divisions, made by the test from the base's own reference
 * in the files' format (@etalab/decoupage-administratif): two communes merged, one renamed, an EPCI
 * dissolved into another. What records use is kept and listed; the rest follows the release.
 */
class ReferenceUpdateImportTest {

    @TempDir
    Path dir;

    private Database db;
    private Store store;
    private ReferenceUpdateImport imports;

    @BeforeEach
    void setUp() {
        db = TestStores.withReference();
        store = new Store(db.dsl());
        imports = new ReferenceUpdateImport(store);
    }

    @AfterEach
    void tearDown() {
        TestStores.shutdown(db);
    }

    private List<Commune> communes() {
        return store.read(r -> r.territories().communes());
    }

    private java.util.Optional<Commune> commune(String code) {
        return store.read(r -> r.territories().commune(code));
    }

    private List<Epci> epcis() {
        return store.read(r -> r.territories().epcis());
    }

    private Path release(String version, UnaryOperator<List<Commune>> change, Set<String> dissolved,
                         Map<String, String> merged) throws Exception {
        return ReleaseFixture.write(store, dir, version, change, dissolved, merged);
    }

    @Test
    void mergedRenamedAndDissolvedDivisionsFollowTheReleaseAndWhatRecordsUseIsKeptAndListed() throws Exception {
        // two communes of the Doubs in the same EPCI, neither Besançon: the first merges into the second
        List<Commune> doubs = communes().stream().filter(c -> c.departmentCode().equals("25")
                && c.epciSiren().equals("200065647")).toList();
        Commune mergedUnused = doubs.get(0);
        Commune mergedUsed = doubs.get(1);
        Commune into = doubs.get(2);
        Organisation company = store.write(r -> r.organisations().save(new Organisation(RecordMeta.fresh(),
                OrganisationKind.COMPANY, "Horlogerie Vauban", "", "", "", null, "", "", mergedUsed.code(), false, false,
                Set.of(), "")));
        // an EPCI a QPV points to, dissolved into Grand Besançon Métropole
        Epci dissolved = epcis().stream().filter(e -> e.departmentCode().equals("25")
                && !e.siren().equals("242500361") && !e.siren().equals("200065647")).findFirst().orElseThrow();
        store.write(r -> r.qpvs().save(new Qpv(RecordMeta.fresh(), "QN02599A", "Quartier test",
                GeographyVersion.QPV_2024, "25", dissolved.siren(), List.of(mergedUsed.code()))));
        Path folder = release("9.9.9", list -> {
            list.removeIf(c -> c.code().equals(mergedUnused.code()) || c.code().equals(mergedUsed.code()));
            list.replaceAll(c -> c.code().equals("25056") ? new Commune(c.code(), "Besançon-sur-Doubs",
                    c.departmentCode(), c.epciSiren(), c.postcodes(), c.population())
                    : c.epciSiren().equals(dissolved.siren()) ? new Commune(c.code(), c.name(), c.departmentCode(),
                    "242500361", c.postcodes(), c.population()) : c);
            return list;
        }, Set.of(dissolved.siren()), Map.of(mergedUnused.code(), into.code(), mergedUsed.code(), into.code()));
        int movedCommunes = (int) communes().stream().filter(c -> c.epciSiren().equals(dissolved.siren())).count();

        // the folder of package.json's data, or one of its files, is the release
        ReferenceUpdate.Plan plan = imports.preview(folder.resolve("communes.json"));

        assertThat(plan.release().label()).isEqualTo("@etalab/decoupage-administratif 9.9.9");
        assertThat(change(plan, ReferenceUpdate.Level.COMMUNE, "25056")).satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ReferenceUpdate.Kind.RENAMED);
            assertThat(c.before()).isEqualTo("Besançon");
            assertThat(c.after()).isEqualTo("Besançon-sur-Doubs");
        });
        assertThat(change(plan, ReferenceUpdate.Level.COMMUNE, mergedUnused.code())).satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ReferenceUpdate.Kind.MERGED);
            assertThat(c.into()).isEqualTo(into.code());
            assertThat(c.kept()).isFalse();
        });
        assertThat(change(plan, ReferenceUpdate.Level.COMMUNE, mergedUsed.code())).satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ReferenceUpdate.Kind.MERGED);
            assertThat(c.used()).as("the organisation and the QPV").isEqualTo(2);
            assertThat(c.kept()).isTrue();
        });
        assertThat(change(plan, ReferenceUpdate.Level.EPCI, dissolved.siren())).satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ReferenceUpdate.Kind.REMOVED);
            assertThat(c.used()).isEqualTo(1);
            assertThat(c.kept()).isTrue();
        });
        assertThat(plan.count(ReferenceUpdate.Level.COMMUNE, ReferenceUpdate.Kind.CHANGED)).isEqualTo(movedCommunes);
        assertThat(plan.changes()).filteredOn(c -> c.level() == ReferenceUpdate.Level.COMMUNE
                && c.kind() == ReferenceUpdate.Kind.CHANGED).allSatisfy(c -> assertThat(c.fields()).singleElement()
                .satisfies(f -> assertThat(f.after()).isEqualTo("242500361")));
        assertThat(plan.toReview()).extracting(ReferenceUpdate.Change::code)
                .containsExactlyInAnyOrder(mergedUsed.code(), dissolved.siren());
        assertThat(store.read(r -> r.territories().commune("25056")).orElseThrow().name()).isEqualTo("Besançon");

        imports.write(plan);

        assertThat(store.read(r -> r.territories().commune("25056")).orElseThrow().name()).isEqualTo("Besançon-sur-Doubs");
        assertThat(commune(mergedUnused.code())).isEmpty();
        assertThat(commune(mergedUsed.code())).isPresent();
        assertThat(store.read(r -> r.organisations().findById(company.id())).orElseThrow().communeCode())
                .isEqualTo(mergedUsed.code());
        java.util.Optional<Epci> kept = store.read(r -> r.territories().epci(dissolved.siren()));
        assertThat(kept).isPresent();
        // its communes are Grand Besançon Métropole's now; the EPCI stays for the QPV alone
        assertThat(communes()).filteredOn(c -> c.epciSiren().equals(dissolved.siren())).isEmpty();
        assertThat(store.read(r -> new fr.ancrage.persistence.ReferenceDataImporter(db.dsl()).currentVersion())
                .orElseThrow().label()).isEqualTo("@etalab/decoupage-administratif 9.9.9");

        // the same release again: only what records still hold is left to review
        ReferenceUpdate.Plan again = imports.preview(folder);
        assertThat(again.changes()).allSatisfy(c -> assertThat(c.kept()).isTrue());
        assertThat(again.changes()).extracting(ReferenceUpdate.Change::code)
                .containsExactlyInAnyOrder(mergedUsed.code(), dissolved.siren());
    }

    @Test
    void aPartialOrIncompleteReleaseIsRefusedAndNothingChanges() throws Exception {
        Path partial = release("1.0.0", list -> new ArrayList<>(list.subList(0, 100)), Set.of(), Map.of());
        assertThatThrownBy(() -> imports.preview(partial)).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.messageKey()).isEqualTo("reference.refused.partial"));
        Files.delete(partial.resolve("epci.json"));
        assertThatThrownBy(() -> imports.preview(partial)).isInstanceOfSatisfying(RuleViolationException.class,
                e -> {
                    assertThat(e.messageKey()).isEqualTo("reference.refused.missing");
                    assertThat(e.args()).contains("epci.json");
                });
        Path damaged = release("1.0.1", list -> list, Set.of(), Map.of());
        Files.writeString(damaged.resolve("communes.json"), "[{\"code\":\"01001\",\"nom\":");
        assertThatThrownBy(() -> imports.preview(damaged)).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.messageKey()).isEqualTo("reference.refused.damaged"));
        assertThat(store.read(r -> new fr.ancrage.persistence.ReferenceDataImporter(db.dsl()).currentVersion())
                .orElseThrow().version()).isEqualTo("6.0.0");
    }

    private static ReferenceUpdate.Change change(ReferenceUpdate.Plan plan, ReferenceUpdate.Level level, String code) {
        return plan.changes().stream().filter(c -> c.level() == level && c.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(level + " " + code + " not in the plan"));
    }
}
