package fr.ancrage.domain;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * A person of an organisation; may be the one who signs conventions. Personal data (RGPD).
 * {@code civility} is null when it was not given.
 */
public record Contact(
        RecordMeta meta,
        UUID organisationId,
        Civility civility,
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

    /**
     * The name as a letter writes it: « Mme Claire Martin », « M. Julien Perrot », or the full name
     * alone (« Claire Martin ») when the civilité was not given. {@code abbreviation} gives the
     * civilité's short form in the language of the text, e.g. {@code i18n::shortLabel}.
     */
    public String formalName(Function<Civility, String> abbreviation) {
        String prefix = civility == null ? "" : Text.clean(abbreviation.apply(civility));
        return prefix.isEmpty() ? fullName() : prefix + " " + fullName();
    }
}
