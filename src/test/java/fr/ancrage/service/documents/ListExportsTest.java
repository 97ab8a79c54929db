package fr.ancrage.service.documents;

import fr.ancrage.documents.Workbook;
import fr.ancrage.domain.OrganisationListItem;
import fr.ancrage.i18n.I18n;
import fr.ancrage.service.ServiceFixtures;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ListExportsTest {

    /** Issue 16: registers match SIRETs on their 14 digits; a spreadsheet writes them so, never spaced. */
    @Test
    void theSiretOfAnOrganisationIsWrittenAsFourteenDigits() {
        I18n i18n = I18n.forLanguage("fr");
        var organisation = ServiceFixtures.company("Horlogerie Vauban", "62162413900021");
        Workbook w = ListExports.workbook(i18n, "Organisations", "Organisations",
                ListExports.select(ListExports.organisationColumns(i18n), List.of("nameColumn", "siretColumn")),
                List.of(new OrganisationListItem(organisation, "Besançon", "25", "242500361", "Grand Besançon", 1)),
                Map.of(), OffsetDateTime.parse("2026-11-22T10:00:00Z"));
        Workbook.Sheet sheet = w.sheets().getFirst();
        assertThat(sheet.columns().get(1).kind()).isEqualTo(Workbook.Kind.CODE);
        assertThat(sheet.rows().getFirst()).containsExactly("Horlogerie Vauban", "62162413900021");
    }
}
