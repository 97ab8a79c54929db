package fr.ancrage.domain;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Quartier prioritaire de la politique de la ville, with the geography it belongs to. */
public record Qpv(
        RecordMeta meta,
        String code,
        String name,
        GeographyVersion geographyVersion,
        String departmentCode,
        String epciSiren,
        List<String> communeCodes) {

    public Qpv {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(geographyVersion, "geographyVersion");
        code = Text.clean(code).toUpperCase(java.util.Locale.ROOT);
        name = Text.clean(name);
        departmentCode = Text.clean(departmentCode);
        epciSiren = Text.clean(epciSiren);
        communeCodes = communeCodes == null ? List.of() : List.copyOf(communeCodes);
    }

    public UUID id() {
        return meta.id();
    }

    public String label() {
        return code + " – " + name;
    }
}
