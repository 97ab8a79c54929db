package fr.ancrage.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** The bilan one convention owes to a campaign, and where it stands. */
public record CampaignReport(RecordMeta meta, UUID campaignId, UUID conventionId, ReportState state,
                             LocalDate requestedOn, LocalDate lastReminderOn, LocalDate receivedOn,
                             LocalDate validatedOn) {

    public CampaignReport {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(conventionId, "conventionId");
        Objects.requireNonNull(state, "state");
    }

    public UUID id() {
        return meta.id();
    }

    /**
     * The report moved to {@code target} on {@code today}: asking records the request date, a
     * reminder the reminder date, and so on. Going back (a report reopened) keeps the dates.
     */
    public CampaignReport moveTo(ReportState target, LocalDate today) {
        return switch (target) {
            case TO_REQUEST -> new CampaignReport(meta, campaignId, conventionId, target, requestedOn, lastReminderOn,
                    receivedOn, validatedOn);
            case REQUESTED -> new CampaignReport(meta, campaignId, conventionId, target,
                    requestedOn == null ? today : requestedOn, lastReminderOn, receivedOn, validatedOn);
            case RECEIVED -> new CampaignReport(meta, campaignId, conventionId, target, requestedOn, lastReminderOn,
                    today, validatedOn);
            case VALIDATED -> new CampaignReport(meta, campaignId, conventionId, target, requestedOn, lastReminderOn,
                    receivedOn == null ? today : receivedOn, today);
        };
    }

    public CampaignReport remindedOn(LocalDate today) {
        return new CampaignReport(meta, campaignId, conventionId, state == ReportState.TO_REQUEST
                ? ReportState.REQUESTED : state, requestedOn == null ? today : requestedOn, today, receivedOn,
                validatedOn);
    }

    /** Past the campaign's due date and still awaited. */
    public boolean overdue(LocalDate dueDate, LocalDate today) {
        return state.awaited() && today.isAfter(dueDate);
    }
}
