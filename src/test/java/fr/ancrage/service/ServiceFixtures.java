package fr.ancrage.service;

import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Framework;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.OrganisationKind;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.SizeBand;

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
}
