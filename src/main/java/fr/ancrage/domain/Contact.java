package fr.ancrage.domain;

import java.util.Objects;
import java.util.UUID;

/** A person of an organisation; may be the one who signs conventions. Personal data (RGPD). */
public record Contact(
        RecordMeta meta,
        UUID organisationId,
        String firstName,
        String lastName,
        String jobTitle,
        String email,
        String phone,
        boolean maySign) {

    public Contact {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(organisationId, "organisationId");
        firstName = Text.clean(firstName);
        lastName = Text.clean(lastName);
        jobTitle = Text.clean(jobTitle);
        email = Text.clean(email);
        phone = Text.clean(phone);
    }

    public UUID id() {
        return meta.id();
    }

    public String fullName() {
        return (firstName + " " + lastName).strip();
    }
}
