package fr.ancrage.service;

import fr.ancrage.domain.CampaignReport;
import fr.ancrage.domain.CampaignReportItem;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.ReportState;
import fr.ancrage.domain.ReportingCampaign;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.persistence.Store;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Yearly reporting campaigns: opening one lists every convention that owes a bilan for the year;
 * the team then asks, reminds, receives and validates. Blocking: call from background tasks.
 */
public final class CampaignService {

    private final Store store;
    private final Clock clock;

    public CampaignService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public List<ReportingCampaign> campaigns() {
        return store.read(r -> r.campaigns().campaigns());
    }

    /** Opens the campaign of {@code year} with every convention that owes a bilan for it, in one transaction. */
    public ReportingCampaign open(int year, LocalDate dueDate) {
        return store.write(r -> {
            if (r.campaigns().findByYear(year).isPresent()) {
                throw new RuleViolationException("campaign.exists", year);
            }
            ReportingCampaign campaign = r.campaigns().save(new ReportingCampaign(RecordMeta.fresh(), year, dueDate));
            addMissing(r, campaign);
            return campaign;
        });
    }

    /** Adds the conventions that came to owe a bilan since the campaign was opened; returns how many. */
    public int refresh(ReportingCampaign campaign) {
        return store.write(r -> addMissing(r, campaign));
    }

    private static int addMissing(fr.ancrage.persistence.Repositories r, ReportingCampaign campaign) {
        Set<UUID> present = r.campaigns().conventionsOf(campaign.id());
        int added = 0;
        for (UUID convention : r.campaigns().conventionsOwing(campaign.year())) {
            if (!present.contains(convention)) {
                r.campaigns().save(new CampaignReport(RecordMeta.fresh(), campaign.id(), convention,
                        ReportState.TO_REQUEST, null, null, null, null));
                added++;
            }
        }
        return added;
    }

    public List<CampaignReportItem> reports(ReportingCampaign campaign) {
        return store.read(r -> r.campaigns().items(campaign));
    }

    /** Moves a report to another state, recording today's date for it. */
    public CampaignReport moveTo(CampaignReport report, ReportState state) {
        return store.write(r -> r.campaigns().save(report.moveTo(state, today())));
    }

    /**
     * Moves several reports to a state together (the bilans received in a row of entries), in one
     * transaction: if one of them changed since it was read, none moves.
     */
    public List<CampaignReport> moveAll(Collection<CampaignReport> reports, ReportState state) {
        LocalDate today = today();
        return store.write(r -> reports.stream().map(report -> r.campaigns().save(report.moveTo(state, today)))
                .toList());
    }

    /** Records a reminder sent today (a report not yet asked counts as asked). */
    public CampaignReport remind(CampaignReport report) {
        if (!report.state().awaited()) {
            throw new RuleViolationException("campaign.remind.notAwaited");
        }
        return store.write(r -> r.campaigns().save(report.remindedOn(today())));
    }
}
