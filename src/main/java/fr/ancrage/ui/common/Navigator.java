package fr.ancrage.ui.common;

import java.util.UUID;

/** Moves between sections: from a convention to its company and back. */
public interface Navigator {

    void openOrganisation(UUID organisationId);

    void openConvention(UUID conventionId);

    /** Opens a convention on its Engagements tab. */
    void openConventionEngagements(UUID conventionId);

    /** Opens the Conventions section on a new convention for this company. */
    void newConvention(UUID companyId);

    /** Opens the Bilans section on the campaign of {@code year}, overdue reports only, on this convention's. */
    void openOverdueReport(int year, UUID conventionId);

    /** Opens the Documents section on the fiche of this convention. */
    void exportConventionFiche(UUID conventionId);

    /** Opens the Documents section on the convention to sign of this convention. */
    void exportConventionToSign(UUID conventionId);
}
