package fr.ancrage.domain;

/**
 * What a versioned record is, so that a refused write can name it to the user (« la convention
 * 25-2024-003 »): the label of each constant is in the bundle ({@code enum.RecordKind.*}).
 */
public enum RecordKind {
    ORGANISATION, CONTACT, QPV, CONVENTION, SIGNATORY, ENGAGEMENT, RESULT, COUNTERPART,
    CATEGORY, ACTION_TYPE, INDICATOR,
    CEREMONY, CEREMONY_CONVENTION, PROGRAMME_ITEM, CEREMONY_TASK, TASK_TEMPLATES,
    CAMPAIGN, CAMPAIGN_REPORT, LETTERHEAD
}
