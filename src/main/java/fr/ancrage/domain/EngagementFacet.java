package fr.ancrage.domain;

import java.util.UUID;

/** What one of a convention's engagements is about, for filtering the conventions list. */
public record EngagementFacet(UUID categoryId, UUID actionTypeId, PaqteAxis axis) {
}
