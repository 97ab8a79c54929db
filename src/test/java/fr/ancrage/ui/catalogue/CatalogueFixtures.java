package fr.ancrage.ui.catalogue;

import fr.ancrage.domain.ActionType;
import fr.ancrage.domain.Catalogue;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.Engagement;
import fr.ancrage.domain.EngagementStatus;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.Target;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.ConventionService;
import fr.ancrage.service.EngagementService;
import fr.ancrage.service.OrganisationService;
import fr.ancrage.service.ServiceFixtures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Seeded catalogue entries by code, and an engagement that makes some of them used. */
final class CatalogueFixtures {

    static final int YEAR = 2026;

    private CatalogueFixtures() {
    }

    static ActionType type(Catalogue catalogue, String code) {
        return catalogue.actionTypes().stream().filter(t -> code.equals(t.code())).findFirst().orElseThrow();
    }

    static Indicator indicator(Catalogue catalogue, String code) {
        return catalogue.indicators().stream().filter(i -> code.equals(i.code())).findFirst().orElseThrow();
    }

    /** Stores a company, a convention and an engagement of this action type with a target on the indicator. */
    static Engagement engagementUsing(Store store, ActionType type, Indicator indicator) {
        var company = new OrganisationService(store).save(ServiceFixtures.company("Horlogerie Vauban", ""));
        Convention d = ServiceFixtures.draft(company.id());
        Convention convention = new ConventionService(store, fr.ancrage.ui.main.UiHarness.CLOCK).save(new Convention(d.meta(),
                "", d.title(), d.companyId(), d.framework(), d.departmentCode(), d.epciSiren(), d.stateReferent(),
                ConventionStatus.DRAFT, null, LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR + 2, 12, 31), Set.of(),
                List.of(), ""));
        return new EngagementService(store).save(new Engagement(RecordMeta.fresh(), convention.id(), type.id(), "",
                Set.of(), null, YEAR, YEAR, EngagementStatus.PLANNED,
                List.of(new Target(indicator.id(), YEAR, new BigDecimal("10")))));
    }
}
