package fr.ancrage.domain;

import java.util.Objects;
import java.util.UUID;

/** A signatory of a convention to sign at a ceremony, with his or her attendance. */
public record CeremonySignatory(UUID signatoryId, int position, SignatoryRole role, String fullName, String jobTitle,
                                String organisationName, Attendance attendance) {

    public CeremonySignatory {
        Objects.requireNonNull(signatoryId, "signatoryId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(attendance, "attendance");
        fullName = Text.clean(fullName);
        jobTitle = Text.clean(jobTitle);
        organisationName = Text.clean(organisationName);
    }
}
