package fr.ancrage.ui.catalogue;

import fr.ancrage.domain.ActionType;
import fr.ancrage.domain.EngagementCategory;

import java.util.UUID;

/** What the référentiel tree shows and its form edits: a category or one of its action types. */
public sealed interface CatalogueEntry {

    UUID id();

    String name();

    boolean active();

    record CategoryEntry(EngagementCategory category) implements CatalogueEntry {

        @Override
        public UUID id() {
            return category.id();
        }

        @Override
        public String name() {
            return category.name();
        }

        @Override
        public boolean active() {
            return category.active();
        }
    }

    record TypeEntry(ActionType type) implements CatalogueEntry {

        @Override
        public UUID id() {
            return type.id();
        }

        @Override
        public String name() {
            return type.name();
        }

        @Override
        public boolean active() {
            return type.active();
        }
    }
}
