package fr.ancrage.domain;

import java.util.Objects;
import java.util.UUID;

/** A signatory of a convention, in signing order; may point to a contact of an organisation. */
public record Signatory(
        RecordMeta meta,
        int position,
        SignatoryRole role,
        String fullName,
        String jobTitle,
        UUID organisationId,
        UUID contactId) {

    public Signatory {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(role, "role");
        fullName = Text.clean(fullName);
        jobTitle = Text.clean(jobTitle);
    }
}
