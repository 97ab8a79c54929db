package fr.ancrage.service;

import fr.ancrage.domain.BaseIdentity;
import fr.ancrage.domain.BaseIdentityRules;
import fr.ancrage.domain.ValidationException;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.MessageKey;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.Store;
import fr.ancrage.persistence.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Naming the base: what is kept, what is refused (and the base left as it was). */
class BaseIdentityServiceTest {

    private Database db;
    private BaseIdentityService service;
    private BaseIdentity original;
    private final I18n fr = I18n.forLanguage("fr");

    @BeforeEach
    void setUp() {
        db = TestStores.freshDatabase();
        service = Services.over(new Store(db.dsl()), java.time.Clock.systemDefaultZone()).baseIdentity();
        original = service.identity();
    }

    @AfterEach
    void tearDown() {
        TestStores.shutdown(db);
    }

    /** The refusal's messages, as the form shows them under the name. */
    private List<String> refusal(String name) {
        ValidationException refused = (ValidationException) org.assertj.core.api.Assertions.catchThrowable(
                () -> service.rename(name));
        assertThat(refused).as("refusal of %s", name).isNotNull();
        assertThat(refused.issues()).containsOnlyKeys(BaseIdentityRules.NAME);
        // nothing was written
        assertThat(service.identity()).isEqualTo(original);
        return refused.issues().get(BaseIdentityRules.NAME).stream().map(fr::issue).toList();
    }

    @Test
    void aNameIsStrippedAndKeptUnderTheSameId() {
        BaseIdentity renamed = service.rename("\t Délégué du préfet — Besançon Nord\u00a0\u202f\n");
        assertThat(renamed.name()).isEqualTo("Délégué du préfet — Besançon Nord");
        assertThat(renamed.id()).isEqualTo(original.id());
        assertThat(service.identity()).isEqualTo(renamed);
        assertThat(service.identity().named()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n", "\u00a0\u2003\u202f"})
    void aBlankNameIsRefused(String blank) {
        assertThat(refusal(blank)).containsExactly(
                "Donnez un nom à cette base, par exemple « Délégué du préfet — Besançon Nord ».");
    }

    @Test
    void aNullNameIsRefusedAsBlank() {
        assertThatThrownBy(() -> service.rename(null)).isInstanceOf(ValidationException.class);
        assertThat(service.identity()).isEqualTo(original);
    }

    @Test
    void twoHundredCharactersAreKeptTwoHundredAndOneRefused() {
        String longest = "B".repeat(200);
        assertThat(refusal(longest + "x")).containsExactly(
                "Nom de la base : texte trop long, 200 caractères au plus (201 saisis).");
        assertThat(service.rename(longest).name()).hasSize(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Délégué\u0000Nord", "Délégué\tNord", "Délégué\nNord", "Délégué\rNord", "Délégué\u007fNord",
            "Délégué\u0085Nord", "Délégué\u2028Nord", "Délégué\ud83dNord"})
    void aControlCharacterOrALineBreakIsRefusedWithItsPosition(String name) {
        assertThat(refusal(name)).containsExactly("Nom de la base : caractère de contrôle ou saut de ligne non "
                + "accepté (caractère n° 8). Retirez-le ou retapez le texte.");
    }

    @Test
    void emojiAndOtherScriptsAreKept() {
        String name = "Équipe 🇫🇷 👩🏽‍💼 Besançon — Ελλάδα 東京";
        assertThat(service.rename(name).name()).isEqualTo(name);
        assertThat(service.identity().name()).isEqualTo(name);
    }

    @Test
    void theIssueNamesTheFieldForTheInterface() {
        Issue issue = BaseIdentityRules.check("a\u0001b").get(BaseIdentityRules.NAME).getFirst();
        assertThat(issue.args()).containsExactly(new MessageKey("fieldName.baseName"), 2);
    }

    /** A copied data folder gets a new identifier; its name is kept, and a package from the original is then another base's. */
    @Test
    void aNewIdentifierKeepsTheName() {
        service.rename("Délégué du préfet — Besançon Nord");
        BaseIdentity renewed = service.renew();
        assertThat(renewed.id()).isNotEqualTo(original.id());
        assertThat(renewed.name()).isEqualTo("Délégué du préfet — Besançon Nord");
        assertThat(service.identity()).isEqualTo(renewed);
        assertThat(Services.over(new Store(db.dsl()), java.time.Clock.systemDefaultZone()).exchange().base().getKey())
                .isEqualTo(renewed.id());
    }
}
