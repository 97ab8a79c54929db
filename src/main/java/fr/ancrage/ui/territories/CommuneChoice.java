package fr.ancrage.ui.territories;

import fr.ancrage.domain.Commune;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A commune offered in the QPV form's multi-select, ticked or not. */
public final class CommuneChoice {

    private final Commune commune;
    private final BooleanProperty selected;

    CommuneChoice(Commune commune, boolean selected) {
        this.commune = commune;
        this.selected = new SimpleBooleanProperty(selected);
    }

    public Commune commune() {
        return commune;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    @Override
    public String toString() {
        return commune.label();
    }
}
