package fr.ancrage.domain;

/**
 * The alerts of the dashboard, each with its first lines and its count: conventions ending within
 * 30 and within 90 days (the 30-day ones are among the 90-day ones), reports overdue, signed or
 * active conventions without engagement, engagements without target.
 */
public record DashboardAlerts(AlertList endingWithin30Days, AlertList endingWithin90Days, AlertList reportsOverdue,
                              AlertList withoutEngagement, AlertList withoutTarget) {

    public static final int ENDING_SOON_DAYS = 90;
    public static final int ENDING_VERY_SOON_DAYS = 30;

    /** How many records need attention: the number on the navigation badge (30-day ones counted once). */
    public int total() {
        return endingWithin90Days.count() + reportsOverdue.count() + withoutEngagement.count()
                + withoutTarget.count();
    }
}
