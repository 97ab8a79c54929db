package fr.ancrage.domain;

import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.TextLimits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/** Consistency rules of a convention, field by field (keys are resource-bundle keys). */
public final class ConventionRules {

    public static final String COMPANY = "company";
    public static final String DEPARTMENT = "department";
    public static final String SIGNATURE_DATE = "signatureDate";
    public static final String START_DATE = "startDate";
    public static final String END_DATE = "endDate";
    public static final String STATUS = "status";
    public static final String TITLE = "title";
    public static final String REFERENT = "referent";
    public static final String NOTES = "notes";
    public static final String SIGNATORIES = "signatories";

    private ConventionRules() {
    }

    /** Issues per field name; an empty map means the convention can be saved. */
    public static Map<String, List<Issue>> check(Convention c) {
        Map<String, List<Issue>> issues = new LinkedHashMap<>();
        if (c.companyId() == null) {
            add(issues, COMPANY, Issue.error("validation.convention.company.required"));
        }
        if (c.departmentCode().isEmpty()) {
            add(issues, DEPARTMENT, Issue.error("validation.convention.department.required"));
        }
        if (c.startDate() != null && c.endDate() != null && !c.endDate().isAfter(c.startDate())) {
            add(issues, END_DATE, Issue.error("validation.convention.end.beforeStart"));
        }
        if (c.status().isSignedOrLater() && c.signatureDate() == null) {
            add(issues, SIGNATURE_DATE, Issue.error("validation.convention.signature.required"));
        }
        if (c.status() == ConventionStatus.ACTIVE && (c.startDate() == null || c.endDate() == null)) {
            add(issues, c.startDate() == null ? START_DATE : END_DATE,
                    Issue.error("validation.convention.dates.requiredWhenActive"));
        }
        if (c.signatureDate() != null && c.endDate() != null && c.signatureDate().isAfter(c.endDate())) {
            add(issues, SIGNATURE_DATE, Issue.error("validation.convention.signature.afterEnd"));
        }
        TextLimits.check(issues, TITLE, c.title(), TextLimits.NAME);
        TextLimits.check(issues, REFERENT, c.stateReferent(), TextLimits.TITLE);
        TextLimits.check(issues, NOTES, c.notes(), TextLimits.NOTES);
        for (Signatory s : c.signatories()) {
            TextLimits.check(issues, "signatoryName", s.fullName(), TextLimits.TITLE);
            TextLimits.check(issues, "signatoryTitle", s.jobTitle(), TextLimits.TITLE);
        }
        return issues;
    }

    /** Checks a status change against the life cycle. */
    public static List<Issue> checkTransition(ConventionStatus from, ConventionStatus to) {
        if (from == to || from.canMoveTo(to)) {
            return List.of();
        }
        return List.of(Issue.error("validation.convention.status.transition", from.name(), to.name()));
    }

    private static void add(Map<String, List<Issue>> issues, String field, Issue issue) {
        issues.computeIfAbsent(field, k -> new ArrayList<>()).add(issue);
    }
}
