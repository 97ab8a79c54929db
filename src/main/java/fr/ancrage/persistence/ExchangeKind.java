package fr.ancrage.persistence;

import fr.ancrage.persistence.jooq.Tables;
import org.jooq.Field;
import org.jooq.Table;

import java.util.List;


/**
 * Every kind of record that travels in an exchange package (decision 0019), in the order they are
 * written (a record's references come before it; deletions go the other way). Each names its
 * table, its file in the package, the record that owns it (it travels with its owner), the fields
 * that identify the same real-world thing on two bases, and the allowed values of its enumerated
 * columns. The fields of a record are the table's business columns (camel case), plus the lists
 * kept in link tables ({@code qpvIds}, {@code indicatorIds}) and, for an engagement, one field per
 * target ({@code target/<indicatorId>/<year>}).
 */
public enum ExchangeKind {
    CATEGORY("category", "categories", Tables.ENGAGEMENT_CATEGORY, null, Identity.SAME, "code"),
    INDICATOR("indicator", "indicators", Tables.INDICATOR, null, Identity.SAME, "code"),
    ACTION_TYPE("actionType", "action-types", Tables.ACTION_TYPE, null, Identity.SAME, "code"),
    QPV("qpv", "qpvs", Tables.QPV, null, Identity.SAME, "code"),
    ORGANISATION("organisation", "organisations", Tables.ORGANISATION, null, Identity.OFFERED, "siret"),
    CONTACT("contact", "contacts", Tables.CONTACT, Tables.CONTACT.ORGANISATION_ID, Identity.OFFERED, "organisationId", "email"),
    CONVENTION("convention", "conventions", Tables.CONVENTION, null, Identity.NONE),
    SIGNATORY("signatory", "signatories", Tables.CONVENTION_SIGNATORY, Tables.CONVENTION_SIGNATORY.CONVENTION_ID, Identity.NONE),
    ENGAGEMENT("engagement", "engagements", Tables.ENGAGEMENT, Tables.ENGAGEMENT.CONVENTION_ID, Identity.NONE),
    RESULT("result", "results", Tables.ENGAGEMENT_RESULT, Tables.ENGAGEMENT_RESULT.ENGAGEMENT_ID, Identity.SAME,
            "engagementId", "indicatorId", "yearNumber"),
    COUNTERPART("counterpart", "counterparts", Tables.COUNTERPART, Tables.COUNTERPART.CONVENTION_ID, Identity.NONE),
    CAMPAIGN("campaign", "campaigns", Tables.REPORTING_CAMPAIGN, null, Identity.SAME, "yearNumber"),
    CAMPAIGN_REPORT("campaignReport", "campaign-reports", Tables.CAMPAIGN_REPORT, Tables.CAMPAIGN_REPORT.CONVENTION_ID,
            Identity.SAME, "campaignId", "conventionId"),
    CEREMONY("ceremony", "ceremonies", Tables.CEREMONY, null, Identity.NONE),
    CEREMONY_CONVENTION("ceremonyConvention", "ceremony-conventions", Tables.CEREMONY_CONVENTION,
            Tables.CEREMONY_CONVENTION.CONVENTION_ID, Identity.SAME, "ceremonyId", "conventionId"),
    ATTENDANCE("attendance", "attendances", Tables.CEREMONY_ATTENDANCE, Tables.CEREMONY_ATTENDANCE.SIGNATORY_ID, Identity.SAME,
            "ceremonyId", "signatoryId"),
    PROGRAMME_ITEM("programmeItem", "programme-items", Tables.CEREMONY_PROGRAMME_ITEM, Tables.CEREMONY_PROGRAMME_ITEM.CEREMONY_ID,
            Identity.NONE),
    CEREMONY_TASK("ceremonyTask", "ceremony-tasks", Tables.CEREMONY_TASK, Tables.CEREMONY_TASK.CEREMONY_ID, Identity.NONE);

    /**
     * How the same thing made on two bases is recognised: SAME, the database holds it once (a QPV
     * code, a campaign's year), so the package's record becomes this base's; OFFERED, the user is
     * asked (an organisation's SIRET, a contact's e-mail in an organisation); NONE, never.
     */
    public enum Identity { SAME, OFFERED, NONE }

    private final String label;
    private final String file;
    private final Table<?> table;
    private final Field<java.util.UUID> owner;
    private final Identity identity;
    private final List<String> identityFields;

    ExchangeKind(String label, String file, Table<?> table, Field<java.util.UUID> owner, Identity identity,
                 String... identityFields) {
        this.label = label;
        this.file = file;
        this.table = table;
        this.owner = owner;
        this.identity = identity;
        this.identityFields = List.of(identityFields);
    }

    /** The name of the kind in packages and in the exchange's own tables ({@code convention}). */
    public String label() {
        return label;
    }

    /** The entry of the package that holds these records: {@code donnees/<file>.json}. */
    public String file() {
        return file;
    }

    Table<?> table() {
        return table;
    }

    /** The column naming the record this one belongs to and travels with; null for a record of its own. */
    Field<java.util.UUID> owner() {
        return owner;
    }

    public Identity identity() {
        return identity;
    }

    /** The fields that, all set, identify the same real-world thing on two bases. */
    public List<String> identityFields() {
        return identityFields;
    }

    public static ExchangeKind ofLabel(String label) {
        for (ExchangeKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        return null;
    }

}
