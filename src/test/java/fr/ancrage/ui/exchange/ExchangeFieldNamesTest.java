package fr.ancrage.ui.exchange;

import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.ExchangeKind;
import fr.ancrage.persistence.ExchangeRepository;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every field a package carries has a French (and English) name in the import's preview. */
class ExchangeFieldNamesTest {

    @Test
    void everyFieldOfEveryKindHasItsName() {
        for (String language : List.of("fr", "en")) {
            I18n i18n = I18n.forLanguage(language);
            List<String> missing = new ArrayList<>();
            for (ExchangeKind kind : ExchangeKind.values()) {
                List<String> fields = new ArrayList<>(ExchangeRepository.fieldNames(kind));
                fields.addAll(ExchangeRepository.referenceFields(kind).keySet());
                for (String f : fields) {
                    if (!i18n.bundle().containsKey("exchange.field." + f)) {
                        missing.add(kind.label() + "." + f);
                    }
                }
                assertThat(i18n.bundle().containsKey("exchange.kind." + kind.label())).as(kind.label()).isTrue();
            }
            assertThat(missing).as("fields without a name in " + language).isEmpty();
        }
    }

    @Test
    void aTargetIsNamedByItsIndicatorAndYearAndValuesAsTheInterfaceWritesThem() {
        var indicator = java.util.UUID.fromString("01a2366f-e945-701e-96c9-6934e597fa08");
        ExchangeTexts texts = new ExchangeTexts(I18n.forLanguage("fr"), java.time.ZoneId.of("Europe/Paris"),
                id -> id.equals(indicator) ? Optional.of("Stagiaires accueillis") : Optional.empty());
        assertThat(texts.field("target/" + indicator + "/2025")).isEqualTo("Objectif Stagiaires accueillis 2025");
        assertThat(texts.field("target/01a2366f-e945-701e-96c9-000000000000/2025"))
                .isEqualTo("Objectif 01a2366f-e945-701e-96c9-000000000000 2025");
        assertThat(texts.field("endDate")).isEqualTo("Date de fin");
        assertThat(texts.field("unknownColumn")).isEqualTo("unknownColumn");
        assertThat(texts.value(ExchangeKind.CONVENTION, "endDate", "2031-12-31")).isEqualTo("31/12/2031");
        assertThat(texts.value(ExchangeKind.CONVENTION, "status", "SIGNED")).isEqualTo("Signée");
        assertThat(texts.value(ExchangeKind.ENGAGEMENT, "target/" + indicator + "/2025", "1234.5"))
                .isEqualTo("1 234,5".replace(' ', '\u202F'));
        assertThat(texts.value(ExchangeKind.RESULT, "indicatorId", indicator.toString()))
                .isEqualTo("Stagiaires accueillis");
        assertThat(texts.value(ExchangeKind.CONVENTION, "notes", null)).isEqualTo("(vide)");
        assertThat(texts.value(ExchangeKind.ORGANISATION, "siret", "12345678901234")).isEqualTo("12345678901234");
        assertThat(texts.value(ExchangeKind.CONTACT, "maySign", "true")).isEqualTo("Oui");
        assertThat(ExchangeTexts.editable(ExchangeKind.CONVENTION, "status", "SIGNED", "ACTIVE")).isFalse();
        assertThat(ExchangeTexts.editable(ExchangeKind.CONVENTION, "companyId", "a", "b")).isFalse();
        assertThat(ExchangeTexts.editable(ExchangeKind.CONVENTION, "title", "a", "b")).isTrue();
    }

    @Test
    void theFileNamesAreAscii() {
        var day = java.time.LocalDate.of(2026, 11, 22);
        assertThat(ExportDialog.fileName(fr.ancrage.service.exchange.ExchangeScope.wholeBase(), day))
                .isEqualTo("echange-2026-11-22-base.zip");
        assertThat(ExportDialog.fileName(fr.ancrage.service.exchange.ExchangeScope.department("2A", "Corse-du-Sud"), day))
                .isEqualTo("echange-2026-11-22-departement-2a.zip");
        assertThat(ExportDialog.fileName(fr.ancrage.service.exchange.ExchangeScope.changesFor(
                java.util.UUID.randomUUID(), "Délégué du préfet — Besançon Nord"), day))
                .isEqualTo("echange-2026-11-22-modifications-delegue-du-prefet-besancon-nord.zip");
    }
}
