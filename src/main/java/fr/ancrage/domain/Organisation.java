package fr.ancrage.domain;

import java.util.Objects;
import java.util.Set;

/** A company or a partner organisation. Optional text fields are empty strings, never null. */
public record Organisation(
        RecordMeta meta,
        OrganisationKind kind,
        String legalName,
        String siren,
        String siret,
        String nafCode,
        SizeBand sizeBand,
        String addressLine,
        String postcode,
        String communeCode,
        boolean inQpv,
        boolean paqteMember,
        Set<String> networks,
        String notes) {

    public Organisation {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(kind, "kind");
        legalName = Text.clean(legalName);
        siren = Text.clean(siren);
        siret = Text.clean(siret);
        nafCode = Text.clean(nafCode);
        addressLine = Text.clean(addressLine);
        postcode = Text.clean(postcode);
        communeCode = Text.clean(communeCode);
        networks = networks == null ? Set.of() : Set.copyOf(networks);
        notes = Text.clean(notes);
    }

    public java.util.UUID id() {
        return meta.id();
    }

    public Organisation withMeta(RecordMeta newMeta) {
        return new Organisation(newMeta, kind, legalName, siren, siret, nafCode, sizeBand, addressLine,
                postcode, communeCode, inQpv, paqteMember, networks, notes);
    }
}
