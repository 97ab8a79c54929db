package fr.ancrage.domain;

/** An engagement with the catalogue names a list shows next to it. */
public record EngagementListItem(Engagement engagement, String categoryName, String actionTypeName, PaqteAxis axis,
                                 String partnerName) {

    public java.util.UUID id() {
        return engagement.id();
    }
}
