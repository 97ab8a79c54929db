package fr.ancrage.documents;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16, decision 0014: what every writer removes, replaces and keeps of a text. */
class SafeTextTest {

    @Test
    void controlsOverridesAndNoncharactersGoLoneSurrogatesShowEmojiStay() {
        assertThat(SafeText.clean("a\u0000b\u0007c\td\ne\rf\u007Fg\u0085h\u009Fi")).isEqualTo("abc\td\ne\rfghi");
        assertThat(SafeText.clean("x\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee\u2066f\u2067g\u2068h\u2069y")).isEqualTo("xabcdefghy");
        assertThat(SafeText.clean("n\uFFFE\uFFFF\uFDD0o\uD83F\uDFFEp")).isEqualTo("nop");
        assertThat(SafeText.clean("haut\uD800 bas\uDC00 fin\uD83D")).isEqualTo("haut\uFFFD bas\uFFFD fin\uFFFD");
        String emoji = "😀 👩‍👩‍👧‍👦 🇫🇷 ❤️ 👍🏽 \u200E\u200F";
        assertThat(SafeText.clean(emoji)).isEqualTo(emoji);
        String plain = "Horlogerie Vauban « SAS » — 1\u202F234 €";
        assertThat(SafeText.clean(plain)).isSameAs(plain);
        assertThat(SafeText.clean(null)).isEmpty();
    }

    @Test
    void characterReferencesOfTheToolkitBecomeValidXml() {
        assertThat(Zips.characterReferences("<p>Café &#55357;&#56832; et &#xD83C;&#xDDEB;&#xd83c;&#xddf7;</p>"))
                .isEqualTo("<p>Café 😀 et 🇫🇷</p>");
        // half a character: visible; a control XML forbids: out; valid references and text kept as they are
        assertThat(Zips.characterReferences("<p>&#55296;x&#56320;&#1;&#7;&#x1F;&#9;&#10;&#233;&#x1F600;&amp;#55357;</p>"))
                .isEqualTo("<p>\uFFFDx\uFFFD&#9;&#10;&#233;&#x1F600;&amp;#55357;</p>");
        String valid = "<p a=\"&#10;\">é</p>";
        assertThat(Zips.characterReferences(valid)).isSameAs(valid);
    }

    @Test
    void sheetNamesAreSafeShortAndUnique() {
        assertThat(SheetNames.unique(List.of("Liste", "liste", "LISTE", "a:b/c", "", "\u0001\u202E",
                "Café 😀 " + "x".repeat(40), "x".repeat(30) + "😀")))
                .containsExactly("Liste", "liste (2)", "LISTE (3)", "a b c", "Feuille", "Feuille (2)",
                        ("Café 😀 " + "x".repeat(40)).substring(0, 31), "x".repeat(30));
    }
}
