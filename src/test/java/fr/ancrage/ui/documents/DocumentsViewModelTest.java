package fr.ancrage.ui.documents;

import fr.ancrage.documents.Format;
import fr.ancrage.domain.ConventionListItem;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Department;
import fr.ancrage.domain.Framework;
import fr.ancrage.i18n.I18n;
import fr.ancrage.ui.common.ErrorMessages;
import fr.ancrage.ui.common.SyncTaskRunner;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The export screen's choices, without a screen and without a database. */
class DocumentsViewModelTest {

    private final I18n i18n = I18n.forLanguage("fr");
    private final DocumentsViewModel vm = new DocumentsViewModel(i18n, null, new SyncTaskRunner(), new ErrorMessages(i18n));

    @Test
    void saysWhatIsMissingInTheOrderOfTheForm() {
        vm.folder.set("/tmp");
        assertThat(vm.problemProperty().get()).isEqualTo("Choisissez le département (et, si vous voulez, l’intercommunalité) du bilan.");
        vm.department.set(new Department("25", "Doubs", "27"));
        assertThat(vm.problemProperty().get()).isEqualTo("Choisissez l’année du bilan.");
        vm.year.set(2025);
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.canExport().get()).isTrue();
        vm.formats.values().forEach(p -> p.set(false));
        assertThat(vm.problemProperty().get()).isEqualTo("Cochez au moins un format.");
        vm.kind.set(DocumentsViewModel.Kind.FICHE);
        assertThat(vm.problemProperty().get()).isEqualTo("Choisissez la convention dont vous voulez la fiche.");
        vm.folder.set(" ");
        vm.convention.set(new ConventionListItem(UUID.randomUUID(), "25-2024-003", "", UUID.randomUUID(), "Laboratoires",
                Framework.PAQTE, ConventionStatus.ACTIVE, "25", "", "", "", null, null, null));
        assertThat(vm.problemProperty().get()).isEqualTo("Indiquez le dossier où écrire les documents.");
    }

    @Test
    void eachKindOffersItsFormatsAndChoosesTheUsualOnes() {
        vm.kind.set(DocumentsViewModel.Kind.FICHE);
        assertThat(vm.selectedFormats()).isEqualTo(EnumSet.of(Format.PDF, Format.ODT));
        vm.formats.get(Format.XLSX).set(true); // not offered for a fiche: ignored
        assertThat(vm.selectedFormats()).isEqualTo(EnumSet.of(Format.PDF, Format.ODT));
        vm.kind.set(DocumentsViewModel.Kind.BILAN);
        assertThat(vm.selectedFormats()).isEqualTo(EnumSet.of(Format.PDF, Format.ODS));
        vm.kind.set(DocumentsViewModel.Kind.PACKAGE);
        assertThat(vm.selectedFormats()).isEqualTo(EnumSet.of(Format.PDF, Format.ODS, Format.XLSX));
        vm.formats.values().forEach(p -> p.set(false));
        vm.department.set(new Department("25", "Doubs", "27"));
        vm.year.set(2025);
        vm.folder.set("/tmp");
        // a package always holds its records and manifest: no format is needed
        assertThat(vm.problemProperty().get()).isEmpty();
    }

    @Test
    void aCeremonysDocumentsNeedTheCeremonyAndOneDocumentButNoTerritory() {
        vm.folder.set("/tmp");
        vm.prepareCeremony(fr.ancrage.service.documents.DocumentService.CeremonyDocument.TENTS);
        assertThat(vm.kind.get()).isEqualTo(DocumentsViewModel.Kind.CEREMONY);
        assertThat(vm.selectedCeremonyDocuments())
                .containsExactly(fr.ancrage.service.documents.DocumentService.CeremonyDocument.TENTS);
        assertThat(vm.problemProperty().get()).isEqualTo("Choisissez la cérémonie.");
        vm.ceremony.set(new fr.ancrage.domain.CeremonyListItem(UUID.randomUUID(), "Signature", java.time.LocalDate.of(
                2027, 3, 17), "Préfecture", null, 10, 0));
        // no department nor year is asked, and the tents need no format
        vm.formats.values().forEach(p -> p.set(false));
        assertThat(vm.problemProperty().get()).isEmpty();
        vm.ceremonyDocuments.values().forEach(p -> p.set(false));
        assertThat(vm.problemProperty().get()).isEqualTo("Cochez au moins un document de la cérémonie.");
        assertThat(vm.canExport().get()).isFalse();
    }

    @Test
    void anotherChoiceClearsTheLastOutcome() {
        vm.outcome.set("2 fichiers écrits dans /tmp.");
        vm.written.add(Path.of("/tmp/a.pdf"));
        vm.year.set(2024);
        assertThat(vm.outcome.get()).isEmpty();
        assertThat(vm.written).isEmpty();
        vm.outcome.set("fait");
        vm.year.set(2023);
        assertThat(vm.outcome.get()).as("every change, not only the first").isEmpty();
    }

    @Test
    void aFolderNoFileSystemCanNameIsSaidWithoutExporting() {
        vm.department.set(new Department("25", "Doubs", "27"));
        vm.year.set(2025);
        vm.folder.set("/tmp/a\u0000b");
        vm.export(); // the service is not reached: there is none here
        assertThat(vm.failed.get()).isTrue();
        assertThat(vm.outcome.get()).isEqualTo("Le dossier /tmp/a\u0000b n’existe pas. Choisissez un dossier existant.");
        assertThat(vm.running.get()).isFalse();
    }

    /** Issue 16: the bilan proposed is that of the latest year whose reports are in, not an empty last year. */
    @Test
    void theYearProposedIsTheLatestWithReports() {
        java.util.List<Integer> years = java.util.stream.IntStream.rangeClosed(2017, 2029).boxed().toList();
        java.time.LocalDate today = java.time.LocalDate.of(2026, 11, 22);
        assertThat(DocumentsViewModel.proposedYear(years, 2024, today)).isEqualTo(2024);
        assertThat(DocumentsViewModel.proposedYear(years, 2026, today)).isEqualTo(2026);
        // no report anywhere: last year, else the latest year gone by, else the first to come
        assertThat(DocumentsViewModel.proposedYear(years, null, today)).isEqualTo(2025);
        assertThat(DocumentsViewModel.proposedYear(java.util.List.of(2020, 2021), null, today)).isEqualTo(2021);
        assertThat(DocumentsViewModel.proposedYear(java.util.List.of(2027, 2028), null, today)).isEqualTo(2027);
        assertThat(DocumentsViewModel.proposedYear(java.util.List.of(), null, today)).isNull();
        // a year with reports outside the conventions' years (a stray value) is not proposed
        assertThat(DocumentsViewModel.proposedYear(java.util.List.of(2020, 2021), 2024, today)).isEqualTo(2021);
    }
}
