package fr.ancrage.domain;

import fr.ancrage.i18n.I18n;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** How a document names a contact: with the civilité's abbreviation when it was given (issue 16). */
class ContactTest {

    private static final UUID ORGANISATION = UUID.fromString("01a00000-0000-7000-8000-000000000001");

    private static Contact contact(Civility civility, String first, String last) {
        return new Contact(RecordMeta.fresh(), ORGANISATION, civility, first, last, "", "", "", false);
    }

    @Test
    void theFormalNameStartsWithTheAbbreviationOfTheCivility() {
        I18n french = I18n.forLanguage("fr");
        assertThat(contact(Civility.MADAME, "Claire", "Martin").formalName(french::shortLabel))
                .isEqualTo("Mme Claire Martin");
        assertThat(contact(Civility.MONSIEUR, "Julien", "Perrot").formalName(french::shortLabel))
                .isEqualTo("M. Julien Perrot");
        assertThat(contact(Civility.MADAME, "", "Martin").formalName(french::shortLabel)).isEqualTo("Mme Martin");
        assertThat(contact(Civility.MONSIEUR, "Julien", "Perrot").formalName(I18n.forLanguage("en")::shortLabel))
                .isEqualTo("Mr Julien Perrot");
    }

    @Test
    void withoutCivilityTheFormalNameIsTheFullName() {
        assertThat(contact(null, " Claire ", "Martin").formalName(I18n.forLanguage("fr")::shortLabel))
                .isEqualTo("Claire Martin");
        assertThat(contact(Civility.MADAME, "Claire", "Martin").formalName(c -> null)).isEqualTo("Claire Martin");
    }

    @Test
    void theLabelsOfTheCivilities() {
        I18n french = I18n.forLanguage("fr");
        assertThat(french.label(Civility.MADAME)).isEqualTo("Madame");
        assertThat(french.label(Civility.MONSIEUR)).isEqualTo("Monsieur");
        assertThat(french.shortLabel(Civility.MADAME)).isEqualTo("Mme");
        assertThat(french.shortLabel(Civility.MONSIEUR)).isEqualTo("M.");
        assertThat(french.shortLabel(null)).isEmpty();
    }
}
