package fr.ancrage.service;

import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Framework;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.SizeBand;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Valid records to start tests from. */
public final class ServiceFixtures {

    /** Grand Besançon Métropole. */
    public static final String GRAND_BESANCON = "242500361";

    private ServiceFixtures() {
    }

    public static Organisation company(String name, String siret) {
        return new Organisation(RecordMeta.fresh(), OrganisationKind.COMPANY, name, "", siret, "62.01Z", SizeBand.PME,
                "1 rue de la République", "25000", "25056", false, false, Set.of("FACE Doubs"), "");
    }

    public static Convention draft(UUID companyId) {
        return new Convention(RecordMeta.fresh(), "", "Convention test", companyId, Framework.PAQTE, "25",
                GRAND_BESANCON, "Camille Martin", ConventionStatus.DRAFT, null, null, null, Set.of(), List.of(), "");
    }

    /**
     * A convention of {@code companyId} signed on 15 March 2026 by the prefect and the company's
     * head, through the life cycle as the form would (draft, negotiation, ready, signed).
     */
    public static Convention signed(fr.ancrage.service.ConventionService conventions, UUID companyId) {
        Convention d = draft(companyId);
        Convention saved = conventions.save(new Convention(d.meta(), "", d.title(), d.companyId(), d.framework(),
                d.departmentCode(), d.epciSiren(), d.stateReferent(), ConventionStatus.NEGOTIATION, null,
                LocalDate.of(2026, 4, 1), LocalDate.of(2029, 3, 31), Set.of(), List.of(
                        new fr.ancrage.domain.Signatory(RecordMeta.fresh(), 0, fr.ancrage.domain.SignatoryRole.PREFECT,
                                "Jean-François Colombet", "Préfet du Doubs", null, null)), ""));
        Convention ready = conventions.changeStatus(saved, ConventionStatus.READY_TO_SIGN);
        return conventions.save(new Convention(ready.meta(), ready.reference(), ready.title(), ready.companyId(),
                ready.framework(), ready.departmentCode(), ready.epciSiren(), ready.stateReferent(),
                ConventionStatus.SIGNED, LocalDate.of(2026, 3, 15), ready.startDate(), ready.endDate(), ready.qpvIds(),
                ready.signatories(), ready.notes()));
    }
}
