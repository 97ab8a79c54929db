package fr.ancrage.domain;

import java.util.UUID;

/**
 * A campaign report with what its list shows: the convention, the company and how many realised
 * values of the campaign's year are entered out of the targets set for that year.
 */
public record CampaignReportItem(CampaignReport report, String conventionReference, UUID companyId,
                                 String companyName, String epciName, int targetsOfYear, int resultsOfYear) {

    public UUID id() {
        return report.id();
    }
}
