package fr.ancrage.persistence;

import fr.ancrage.domain.CampaignReport;
import fr.ancrage.domain.CampaignReportItem;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.EngagementStatus;
import fr.ancrage.domain.RecordKind;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.ReportState;
import fr.ancrage.domain.ReportingCampaign;
import fr.ancrage.persistence.jooq.tables.records.CampaignReportRecord;
import fr.ancrage.persistence.jooq.tables.records.ReportingCampaignRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static fr.ancrage.persistence.jooq.Tables.CAMPAIGN_REPORT;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_RESULT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_TARGET;
import static fr.ancrage.persistence.jooq.Tables.EPCI;
import static fr.ancrage.persistence.jooq.Tables.ORGANISATION;
import static fr.ancrage.persistence.jooq.Tables.REPORTING_CAMPAIGN;

/** Reporting campaigns and the report each convention owes to them. */
public final class CampaignRepository {

    /** Conventions that owe a bilan: signed, whatever happened since. */
    private static final List<String> REPORTING_STATUSES = List.of(ConventionStatus.SIGNED.name(),
            ConventionStatus.ACTIVE.name(), ConventionStatus.EXPIRED.name(), ConventionStatus.RENEWED.name(),
            ConventionStatus.TERMINATED.name());

    private final DSLContext dsl;

    CampaignRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<ReportingCampaign> campaigns() {
        return dsl.selectFrom(REPORTING_CAMPAIGN).orderBy(REPORTING_CAMPAIGN.YEAR_NUMBER.desc())
                .fetch(CampaignRepository::toCampaign);
    }

    public Optional<ReportingCampaign> findByYear(int year) {
        return dsl.selectFrom(REPORTING_CAMPAIGN).where(REPORTING_CAMPAIGN.YEAR_NUMBER.eq(year)).fetchOptional()
                .map(CampaignRepository::toCampaign);
    }

    public ReportingCampaign save(ReportingCampaign c) {
        ReportingCampaignRecord r = dsl.newRecord(REPORTING_CAMPAIGN);
        r.setYearNumber(c.year());
        r.setDueDate(c.dueDate());
        RecordMeta meta = VersionedWrites.store(dsl, r, c.meta(), RecordKind.CAMPAIGN, () -> String.valueOf(c.year()));
        return new ReportingCampaign(meta, c.year(), c.dueDate());
    }

    /**
     * Conventions that owe a bilan for {@code year}: signed (or later) and with at least one
     * engagement, not abandoned, covering that year.
     */
    public List<UUID> conventionsOwing(int year) {
        return dsl.select(CONVENTION.ID).from(CONVENTION)
                .where(CONVENTION.STATUS.in(REPORTING_STATUSES))
                .and(DSL.exists(DSL.selectOne().from(ENGAGEMENT)
                        .where(ENGAGEMENT.CONVENTION_ID.eq(CONVENTION.ID))
                        .and(ENGAGEMENT.STATUS.ne(EngagementStatus.ABANDONED.name()))
                        .and(ENGAGEMENT.FIRST_YEAR.le(year)).and(ENGAGEMENT.LAST_YEAR.ge(year))))
                .orderBy(CONVENTION.REFERENCE)
                .fetch(CONVENTION.ID);
    }

    public Set<UUID> conventionsOf(UUID campaignId) {
        return new HashSet<>(dsl.select(CAMPAIGN_REPORT.CONVENTION_ID).from(CAMPAIGN_REPORT)
                .where(CAMPAIGN_REPORT.CAMPAIGN_ID.eq(campaignId)).fetch(CAMPAIGN_REPORT.CONVENTION_ID));
    }

    /** The reports of a campaign with their convention, company and the year's counts (one query). */
    public List<CampaignReportItem> items(ReportingCampaign campaign) {
        int year = campaign.year();
        Field<Integer> targets = DSL.field(DSL.selectCount().from(ENGAGEMENT_TARGET)
                .join(ENGAGEMENT).on(ENGAGEMENT.ID.eq(ENGAGEMENT_TARGET.ENGAGEMENT_ID))
                .where(ENGAGEMENT.CONVENTION_ID.eq(CONVENTION.ID))
                .and(ENGAGEMENT.STATUS.ne(EngagementStatus.ABANDONED.name()))
                .and(ENGAGEMENT_TARGET.YEAR_NUMBER.eq(year))).as("targets");
        Field<Integer> results = DSL.field(DSL.selectCount().from(ENGAGEMENT_RESULT)
                .join(ENGAGEMENT).on(ENGAGEMENT.ID.eq(ENGAGEMENT_RESULT.ENGAGEMENT_ID))
                .where(ENGAGEMENT.CONVENTION_ID.eq(CONVENTION.ID))
                .and(ENGAGEMENT_RESULT.YEAR_NUMBER.eq(year))).as("results");
        return dsl.select(CAMPAIGN_REPORT.asterisk(), CONVENTION.REFERENCE, CONVENTION.COMPANY_ID,
                        ORGANISATION.LEGAL_NAME, EPCI.NAME, targets, results)
                .from(CAMPAIGN_REPORT)
                .join(CONVENTION).on(CONVENTION.ID.eq(CAMPAIGN_REPORT.CONVENTION_ID))
                .join(ORGANISATION).on(ORGANISATION.ID.eq(CONVENTION.COMPANY_ID))
                .leftJoin(EPCI).on(EPCI.SIREN.eq(CONVENTION.EPCI_SIREN))
                .where(CAMPAIGN_REPORT.CAMPAIGN_ID.eq(campaign.id()))
                .orderBy(ORGANISATION.LEGAL_NAME, CONVENTION.REFERENCE)
                .fetch(r -> new CampaignReportItem(toReport(r.into(CAMPAIGN_REPORT)), r.get(CONVENTION.REFERENCE),
                        r.get(CONVENTION.COMPANY_ID), r.get(ORGANISATION.LEGAL_NAME), Times.text(r.get(EPCI.NAME)),
                        r.get(targets), r.get(results)));
    }

    public CampaignReport save(CampaignReport c) {
        CampaignReportRecord r = dsl.newRecord(CAMPAIGN_REPORT);
        r.setCampaignId(c.campaignId());
        r.setConventionId(c.conventionId());
        r.setState(c.state().name());
        r.setRequestedOn(c.requestedOn());
        r.setLastReminderOn(c.lastReminderOn());
        r.setReceivedOn(c.receivedOn());
        r.setValidatedOn(c.validatedOn());
        RecordMeta meta = VersionedWrites.store(dsl, r, c.meta(), RecordKind.CAMPAIGN_REPORT, () -> nameOf(c));
        return new CampaignReport(meta, c.campaignId(), c.conventionId(), c.state(), c.requestedOn(),
                c.lastReminderOn(), c.receivedOn(), c.validatedOn());
    }

    /** A report as the user knows it: by its convention's reference. */
    private String nameOf(CampaignReport c) {
        return dsl.select(CONVENTION.REFERENCE).from(CONVENTION).where(CONVENTION.ID.eq(c.conventionId()))
                .fetchOptional(CONVENTION.REFERENCE).orElse("");
    }

    /** The campaign's reports of these conventions, by id (packages and bilans of a territory). */
    public List<CampaignReport> reportsOf(UUID campaignId, java.util.Collection<UUID> conventionIds) {
        List<CampaignReport> found = new java.util.ArrayList<>();
        for (List<UUID> chunk : Times.chunks(conventionIds)) {
            dsl.selectFrom(CAMPAIGN_REPORT).where(CAMPAIGN_REPORT.CAMPAIGN_ID.eq(campaignId))
                    .and(CAMPAIGN_REPORT.CONVENTION_ID.in(chunk)).forEach(r -> found.add(toReport(r)));
        }
        found.sort(java.util.Comparator.comparing(c -> c.meta().id()));
        return found;
    }

    private static ReportingCampaign toCampaign(ReportingCampaignRecord r) {
        return new ReportingCampaign(Times.meta(r.getId(), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt()),
                r.getYearNumber(), r.getDueDate());
    }

    private static CampaignReport toReport(CampaignReportRecord r) {
        return new CampaignReport(Times.meta(r.getId(), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt()),
                r.getCampaignId(), r.getConventionId(), ReportState.valueOf(r.getState()), r.getRequestedOn(),
                r.getLastReminderOn(), r.getReceivedOn(), r.getValidatedOn());
    }
}
