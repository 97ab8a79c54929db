package fr.ancrage.ui.common;

import java.util.UUID;

/** Moves between sections: from a convention to its company and back. */
public interface Navigator {

    void openOrganisation(UUID organisationId);

    void openConvention(UUID conventionId);

    /** Opens the Conventions section on a new convention for this company. */
    void newConvention(UUID companyId);
}
