package fr.ancrage.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A convention to sign at a ceremony, at its place in the signing order, with its company, its
 * signatories and their attendance; {@code signed} says that closing the ceremony signed it.
 */
public record CeremonyItem(RecordMeta meta, UUID ceremonyId, int position, boolean signed, UUID conventionId,
                           String reference, String title, ConventionStatus status, UUID companyId,
                           String companyName, String epciName, int engagements,
                           List<CeremonySignatory> signatories) {

    public CeremonyItem {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(conventionId, "conventionId");
        Objects.requireNonNull(status, "status");
        title = Text.clean(title);
        companyName = Text.clean(companyName);
        epciName = Text.clean(epciName);
        signatories = signatories == null ? List.of() : List.copyOf(signatories);
    }

    public UUID id() {
        return meta.id();
    }

    public List<CeremonyWarning> warnings() {
        List<CeremonyWarning> found = new ArrayList<>();
        if (!signed && status != ConventionStatus.READY_TO_SIGN) {
            found.add(CeremonyWarning.NOT_READY);
        }
        if (signatories.isEmpty()) {
            found.add(CeremonyWarning.NO_SIGNATORY);
        }
        if (signatories.stream().noneMatch(s -> s.role() == SignatoryRole.COMPANY && s.attendance().expected())) {
            found.add(CeremonyWarning.NO_CONFIRMED_COMPANY_SIGNATORY);
        }
        if (signatories.stream().anyMatch(s -> s.jobTitle().isEmpty())) {
            found.add(CeremonyWarning.SIGNATORY_WITHOUT_TITLE);
        }
        if (engagements == 0) {
            found.add(CeremonyWarning.NO_ENGAGEMENT);
        }
        return found;
    }

    /** Closing the ceremony signs it: still « prête à signer », and every signatory came. */
    public boolean signable() {
        return status == ConventionStatus.READY_TO_SIGN && !signatories.isEmpty()
                && signatories.stream().allMatch(s -> s.attendance() == Attendance.PRESENT);
    }

    public long count(Attendance attendance) {
        return signatories.stream().filter(s -> s.attendance() == attendance).count();
    }
}
