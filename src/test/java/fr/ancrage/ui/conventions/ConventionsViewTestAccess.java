package fr.ancrage.ui.conventions;

import fr.ancrage.domain.Organisation;
import org.controlsfx.control.SearchableComboBox;
import org.testfx.api.FxRobot;

import java.util.List;

/** Reads what the company picker offers, to wait for the background load before typing. */
final class ConventionsViewTestAccess {

    private ConventionsViewTestAccess() {
    }

    @SuppressWarnings("unchecked")
    static List<Organisation> companies(FxRobot robot) {
        return robot.lookup("#companyBox").tryQuery()
                .map(n -> List.copyOf(((SearchableComboBox<Organisation>) n).getItems())).orElse(List.of());
    }
}
