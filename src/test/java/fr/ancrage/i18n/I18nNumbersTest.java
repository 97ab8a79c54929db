package fr.ancrage.i18n;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers in messages are written with {@link Numerals}, whatever the default locale. */
class I18nNumbersTest {

    private static final String NNBSP = "\u202F";
    private Locale before;

    @BeforeEach
    void keepLocale() {
        before = Locale.getDefault();
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr-FR", "en-US", "de-DE", "ar-EG", "und"})
    void plainNumberAndChoiceArguments(String defaultLocale) {
        Locale.setDefault(Locale.forLanguageTag(defaultLocale));
        I18n fr = I18n.forLanguage("fr");
        I18n en = I18n.forLanguage("en");

        assertThat(fr.format("dashboard.list.count", 4387)).isEqualTo("4" + NNBSP + "387 ligne(s)");
        assertThat(en.format("dashboard.list.count", 4387)).isEqualTo("4,387 line(s)");
        // a {0} inside a choice: MessageFormat would write it with a MessageFormat of its own
        assertThat(fr.format("list.export.done", 12500, "/tmp")).isEqualTo("12" + NNBSP + "500 lignes exportées dans /tmp.");
        assertThat(fr.format("list.export.done", 1, "/tmp")).isEqualTo("Une ligne exportée dans /tmp.");
        assertThat(en.format("list.export.done", 12500, "/tmp")).isEqualTo("12,500 rows exported to /tmp.");
        // {0,number,integer} inside a choice, and years as {0,number,#}
        assertThat(fr.format("catalogue.count", 1234, 1)).isEqualTo("1" + NNBSP + "234 types d’action dans 1 catégorie");
        assertThat(fr.format("campaigns.name", 2025)).isEqualTo("Campagne de bilan 2025");
        assertThat(en.format("campaigns.name", 2025)).isEqualTo("2025 reporting campaign");
    }
}
