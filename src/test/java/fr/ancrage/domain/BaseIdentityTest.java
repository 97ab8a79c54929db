package fr.ancrage.domain;

import fr.ancrage.domain.validation.Issue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BaseIdentityTest {

    private static final UUID ID = UUID.fromString("0195f3a1-7c2e-7d4b-9a10-3f5e8c2d1b00");

    @Test
    void aBaseIsNamedOnceItsNameHoldsAVisibleCharacter() {
        assertThat(new BaseIdentity(ID, null, Instant.EPOCH).named()).isFalse();
        assertThat(new BaseIdentity(ID, " \u00a0\u202f", Instant.EPOCH).named()).isFalse();
        BaseIdentity named = new BaseIdentity(ID, "\u00a0Préfecture du Doubs ", Instant.EPOCH);
        assertThat(named.named()).isTrue();
        assertThat(named.name()).isEqualTo("Préfecture du Doubs");
    }

    @Test
    void theRulesKeepEmojiJoinersAndVariationSelectorsAndRefuseControls() {
        assertThat(BaseIdentityRules.check("Équipe 👩🏽‍💼 ❤️ 🇫🇷")).isEmpty();
        Map<String, List<Issue>> issues = BaseIdentityRules.check("👩🏽‍💼\u0007");
        assertThat(issues.get(BaseIdentityRules.NAME)).singleElement()
                .satisfies(i -> assertThat(i.messageKey()).isEqualTo("validation.text.controlCharacter"))
                // the position counts code points (an emoji is one), not UTF-16 units
                .satisfies(i -> assertThat(i.args().get(1)).isEqualTo(5));
    }
}
