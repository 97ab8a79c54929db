package fr.ancrage.ui.common;

import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's stylesheet parses without an error. JavaFX only warns on the console and drops
 * every rule after the first error: a brace lost in a merge once silently took away the focus
 * rings, the field notes and the first start's progress screen styles (issue 15).
 */
class StylesheetTest {

    @Test
    void theStylesheetParsesWithoutErrorAndKeepsItsLastRules() throws Exception {
        var url = Objects.requireNonNull(StylesheetTest.class.getResource("/fr/ancrage/ui/ancrage.css"));
        CssParser.errorsProperty().clear();
        Stylesheet sheet = new CssParser().parse(url);
        List<String> errors = CssParser.errorsProperty().stream().map(CssParser.ParseError::toString).toList();
        assertThat(errors).isEmpty();
        // the rules written last are there too
        assertThat(sheet.getRules().stream().flatMap(r -> r.getSelectors().stream()).map(Object::toString))
                .anyMatch(s -> s.contains("startup")).anyMatch(s -> s.contains("field-notice"))
                .anyMatch(s -> s.contains("signed-banner"));
    }
}
