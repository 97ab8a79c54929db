package fr.ancrage.ui.territories;

import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Department;
import fr.ancrage.domain.Epci;
import fr.ancrage.domain.GeographyVersion;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.TestStores;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.TerritoryService;
import fr.ancrage.ui.common.SyncTaskRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TerritoriesViewModelTest {

    private static final String GRAND_BESANCON = "242500361";

    /** One fresh database for the class: importing the national reference takes a few seconds. */
    private static Database db;
    private static TerritoryService service;

    private final List<Throwable> failures = new ArrayList<>();
    private final List<Qpv> saved = new ArrayList<>();
    private TerritoriesViewModel vm;

    @BeforeAll
    static void createDatabase() {
        db = Database.inMemory("t-" + UUID.randomUUID());
        service = new TerritoryService(new Store(db.dsl()));
        service.ensureReferenceData();
    }

    @AfterAll
    static void closeDatabase() {
        TestStores.shutdown(db);
    }

    @BeforeEach
    void setUp() {
        service.qpvs().forEach(service::deleteQpv);
        vm = new TerritoriesViewModel(new SyncTaskRunner(), service);
        vm.setOnFailure(failures::add);
        vm.activate();
    }

    @AfterEach
    void noFailure() {
        assertThat(failures).isEmpty();
    }

    @Test
    void showsTheReferenceDataVersion() {
        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(vm.communesLoadedProperty().get()).isTrue();
        assertThat(vm.loadingReferenceProperty().get()).isFalse();
        assertThat(vm.referenceVersionProperty().get().source()).isEqualTo("@etalab/decoupage-administratif");
        assertThat(vm.referenceVersionProperty().get().departments()).isEqualTo(109);
        assertThat(vm.departments().items()).hasSize(109);
    }

    @Test
    void selectingDepartment25ListsGrandBesanconMetropole() {
        selectDepartment("25");

        assertThat(vm.epcis().items()).extracting(Epci::siren).contains(GRAND_BESANCON);
        assertThat(vm.epcis().items()).extracting(Epci::name).contains("CU Grand Besançon Métropole");
        assertThat(vm.communes().items()).isEmpty();
    }

    @Test
    void selectingGrandBesanconListsBesancon() {
        selectDepartment("25");
        selectEpci(GRAND_BESANCON);

        assertThat(vm.communes().items()).extracting(Commune::code).contains("25056");
        assertThat(vm.communes().items()).extracting(Commune::name).contains("Besançon");
    }

    @Test
    void changingTheDepartmentClearsTheNextLists() {
        selectDepartment("25");
        selectEpci(GRAND_BESANCON);

        selectDepartment("39");

        assertThat(vm.epcis().selected()).isNull();
        assertThat(vm.epcis().items()).extracting(Epci::siren).doesNotContain(GRAND_BESANCON);
        assertThat(vm.communes().items()).isEmpty();
    }

    @Test
    void filtersIgnoreAccentsAndCase() {
        vm.departments().filterProperty().set("DOUBS");
        assertThat(vm.departments().visible()).extracting(Department::code).containsExactly("25");

        selectDepartment("25");
        vm.epcis().filterProperty().set("besancon");
        assertThat(vm.epcis().visible()).extracting(Epci::siren).containsExactly(GRAND_BESANCON);

        selectEpci(GRAND_BESANCON);
        vm.communes().filterProperty().set("BESANÇON");
        assertThat(vm.communes().visible()).extracting(Commune::code).containsExactly("25056");
    }

    @Test
    void communeSearchFindsBesanconAndShowsItsDepartmentAndEpci() {
        vm.communeSearchProperty().set("besancon");

        assertThat(vm.communeMatches()).isNotEmpty();
        Commune first = vm.communeMatches().getFirst();
        assertThat(first.code()).isEqualTo("25056");

        vm.goTo(first);

        assertThat(vm.departments().selected().code()).isEqualTo("25");
        assertThat(vm.epcis().selected().siren()).isEqualTo(GRAND_BESANCON);
        assertThat(vm.communes().selected().code()).isEqualTo("25056");
        assertThat(vm.communeSearchProperty().get()).isEmpty();
    }

    @Test
    void communeSearchFindsByInseeCodeAndPostcode() {
        vm.communeSearchProperty().set("25056");
        assertThat(vm.communeMatches()).extracting(Commune::code).startsWith("25056");

        vm.communeSearchProperty().set("25000");
        assertThat(vm.communeMatches()).extracting(Commune::code).contains("25056");

        vm.communeSearchProperty().set("b");
        assertThat(vm.communeMatches()).isEmpty();
    }

    @Test
    void communesOutsideAnyEpciAreGroupedUnderAPseudoEpci() {
        selectDepartment("29");

        Epci outside = vm.epcis().items().stream().filter(TerritoriesViewModel::isNoEpci).findFirst().orElseThrow();
        vm.epcis().selectedProperty().set(outside);

        assertThat(vm.communes().items()).extracting(Commune::name).contains("Ouessant");
    }

    @Test
    void qpvCodeGivesTheGeographyAndTheDepartment() {
        QpvFormViewModel form = vm.qpvs().newForm();

        form.codeProperty().set("qn02501z");

        assertThat(form.versionProperty().get()).isEqualTo(GeographyVersion.QPV_2024);
        assertThat(form.departmentProperty().get().code()).isEqualTo("25");
        assertThat(form.epciChoices()).extracting(Epci::siren).contains(GRAND_BESANCON);
        assertThat(form.issues(QpvFormViewModel.CODE).get()).isEmpty();

        form.codeProperty().set("QP059001");
        assertThat(form.versionProperty().get()).isEqualTo(GeographyVersion.QPV_2015);
        assertThat(form.departmentProperty().get().code()).isEqualTo("59");
    }

    @Test
    void invalidCodeShowsAnErrorAsTyped() {
        QpvFormViewModel form = vm.qpvs().newForm();

        form.codeProperty().set("QN025");
        assertThat(keys(form.issues(QpvFormViewModel.CODE).get())).containsExactly("validation.qpv.length");

        form.codeProperty().set("QX025010");
        assertThat(form.issues(QpvFormViewModel.CODE).get()).allMatch(Issue::isError);
        assertThat(keys(form.issues(QpvFormViewModel.CODE).get())).containsExactly("validation.qpv.format");
        assertThat(form.versionProperty().get()).isNull();
    }

    @Test
    void savingAnEmptyFormShowsRequiredFieldsWithoutCallingTheService() {
        QpvFormViewModel form = vm.qpvs().newForm();
        assertThat(form.issues(QpvFormViewModel.NAME).get()).isEmpty();

        boolean sent = form.save(saved::add, failures::add);

        assertThat(sent).isFalse();
        assertThat(keys(form.issues(QpvFormViewModel.CODE).get())).containsExactly("validation.qpv.code.required");
        assertThat(keys(form.issues(QpvFormViewModel.NAME).get())).containsExactly("validation.qpv.name.required");
        assertThat(keys(form.issues(QpvFormViewModel.DEPARTMENT).get()))
                .containsExactly("validation.qpv.department.required");
        assertThat(form.firstErrorField()).contains(QpvFormViewModel.CODE);
        assertThat(service.qpvs()).isEmpty();
    }

    @Test
    void departmentOtherThanTheCodesIsRefused() {
        QpvFormViewModel form = vm.qpvs().newForm();
        form.codeProperty().set("QN02501Z");

        form.departmentProperty().set(department(form, "39"));

        assertThat(keys(form.issues(QpvFormViewModel.DEPARTMENT).get()))
                .containsExactly("validation.qpv.departmentMismatch");
    }

    @Test
    void savedQpvAppearsInTheList() {
        QpvFormViewModel form = fill(vm.qpvs().newForm(), "QN02501Z", "Planoise");
        form.epciProperty().set(epci(form, GRAND_BESANCON));
        form.visibleCommuneChoices().stream().filter(c -> c.commune().code().equals("25056")).findFirst()
                .orElseThrow().selectedProperty().set(true);
        assertThat(form.selectedCommuneCountProperty().get()).isEqualTo(1);

        assertThat(form.save(q -> {
            saved.add(q);
            vm.qpvs().saved(q);
        }, failures::add)).isTrue();

        assertThat(saved).hasSize(1);
        QpvListViewModel.Row row = vm.qpvs().rows().getFirst();
        assertThat(row.qpv().code()).isEqualTo("QN02501Z");
        assertThat(row.qpv().geographyVersion()).isEqualTo(GeographyVersion.QPV_2024);
        assertThat(row.department()).isEqualTo("25 – Doubs");
        assertThat(row.epci()).isEqualTo("CU Grand Besançon Métropole");
        assertThat(row.communes()).isEqualTo("Besançon");
        assertThat(vm.qpvs().selectedProperty().get()).isEqualTo(row);

        vm.qpvs().filterProperty().set("planoise");
        assertThat(vm.qpvs().visibleRows()).containsExactly(row);
        vm.qpvs().filterProperty().set("lille");
        assertThat(vm.qpvs().visibleRows()).isEmpty();
    }

    @Test
    void duplicateCodeIsRefusedAtTheCodeField() {
        fill(vm.qpvs().newForm(), "QN02501Z", "Planoise").save(saved::add, failures::add);
        QpvFormViewModel second = fill(vm.qpvs().newForm(), "qn02501z", "Autre quartier");

        assertThat(second.save(saved::add, failures::add)).isTrue();

        assertThat(saved).hasSize(1);
        assertThat(keys(second.issues(QpvFormViewModel.CODE).get())).containsExactly("validation.qpv.duplicate");
        assertThat(second.savingProperty().get()).isFalse();

        second.codeProperty().set("QN02502Z");
        assertThat(second.issues(QpvFormViewModel.CODE).get()).isEmpty();
    }

    @Test
    void editingKeepsTheIdentityAndTheCommunes() {
        QpvFormViewModel form = fill(vm.qpvs().newForm(), "QN02501Z", "Planoise");
        form.epciProperty().set(epci(form, GRAND_BESANCON));
        form.visibleCommuneChoices().stream().filter(c -> c.commune().code().equals("25056")).findFirst()
                .orElseThrow().selectedProperty().set(true);
        form.save(q -> {
            saved.add(q);
            vm.qpvs().saved(q);
        }, failures::add);

        QpvFormViewModel edit = vm.qpvs().editForm(saved.getFirst());
        assertThat(edit.isNew()).isFalse();
        assertThat(edit.departmentProperty().get().code()).isEqualTo("25");
        assertThat(edit.epciProperty().get().siren()).isEqualTo(GRAND_BESANCON);
        assertThat(edit.selectedCommuneCountProperty().get()).isEqualTo(1);
        edit.nameProperty().set("Planoise – Île-de-France");
        edit.save(q -> {
            saved.add(q);
            vm.qpvs().saved(q);
        }, failures::add);

        assertThat(vm.qpvs().rows()).hasSize(1);
        assertThat(saved.getLast().id()).isEqualTo(saved.getFirst().id());
        assertThat(vm.qpvs().rows().getFirst().qpv().name()).isEqualTo("Planoise – Île-de-France");
        assertThat(vm.qpvs().rows().getFirst().qpv().communeCodes()).containsExactly("25056");
    }

    @Test
    void deletedQpvLeavesTheList() {
        fill(vm.qpvs().newForm(), "QP025001", "Clairs-Soleils").save(vm.qpvs()::saved, failures::add);
        assertThat(vm.qpvs().rows()).hasSize(1);

        vm.qpvs().delete(vm.qpvs().rows().getFirst().qpv(), () -> { }, failures::add);

        assertThat(vm.qpvs().rows()).isEmpty();
        assertThat(vm.qpvs().selectedProperty().get()).isNull();
    }

    private QpvFormViewModel fill(QpvFormViewModel form, String code, String name) {
        form.codeProperty().set(code);
        form.nameProperty().set(name);
        return form;
    }

    private void selectDepartment(String code) {
        vm.departments().selectedProperty().set(vm.departments().items().stream()
                .filter(d -> d.code().equals(code)).findFirst().orElseThrow());
    }

    private void selectEpci(String siren) {
        vm.epcis().selectedProperty().set(vm.epcis().items().stream()
                .filter(e -> e.siren().equals(siren)).findFirst().orElseThrow());
    }

    private static Department department(QpvFormViewModel form, String code) {
        return form.departments().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }

    private static Epci epci(QpvFormViewModel form, String siren) {
        return form.epciChoices().stream().filter(e -> e.siren().equals(siren)).findFirst().orElseThrow();
    }

    private static List<String> keys(List<Issue> issues) {
        return issues.stream().map(Issue::messageKey).toList();
    }
}
