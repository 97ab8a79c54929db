package fr.ancrage.domain.imports;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A mapping saved by name reads the next file of the same shape the same way, its columns moved or not. */
class SavedMappingTest {

    @Test
    void aSavedMappingFollowsItsHeadersWhereverTheColumnsMoved() {
        List<String> first = List.of("Raison sociale", "N° SIRET", "Remarques du chargé de mission", "Vide");
        ColumnMapping chosen = new ColumnMapping(Map.of(0, ImportField.LEGAL_NAME, 1, ImportField.SIRET,
                2, ImportField.NOTES));
        SavedMapping saved = SavedMapping.of("  Tableau des délégués  ", first, chosen);

        assertThat(saved.name()).isEqualTo("Tableau des délégués");
        List<String> next = List.of("REMARQUES DU CHARGÉ DE MISSION", "Commune", "raison sociale", "n siret");
        assertThat(saved.fits(next)).isTrue();
        assertThat(saved.applyTo(next).columns()).containsExactlyInAnyOrderEntriesOf(Map.of(0, ImportField.NOTES,
                2, ImportField.LEGAL_NAME, 3, ImportField.SIRET));
        assertThat(saved.fits(List.of("Raison sociale", "SIRET"))).isFalse();

        SavedMapping stored = SavedMapping.decode(saved.name(), saved.encoded() + "colonne future=FIELD_OF_LATER\n");
        assertThat(stored).isEqualTo(saved);
    }

    @Test
    void aSheetWithoutHeadersIsMappedByColumnLetter() {
        List<String> none = List.of("", "", "");
        SavedMapping saved = SavedMapping.of("Sans en-têtes", none,
                new ColumnMapping(Map.of(0, ImportField.LEGAL_NAME, 2, ImportField.COMMUNE)));

        assertThat(saved.fields()).containsOnlyKeys("#A", "#C");
        assertThat(saved.fits(List.of("", "", "", ""))).isTrue();
        assertThat(saved.applyTo(List.of("", "", "")).columns()).containsExactlyInAnyOrderEntriesOf(
                Map.of(0, ImportField.LEGAL_NAME, 2, ImportField.COMMUNE));
        assertThat(saved.fits(List.of("Raison sociale", "SIRET"))).isFalse();
    }
}
