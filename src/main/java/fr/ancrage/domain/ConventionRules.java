package fr.ancrage.domain;

import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.TextLimits;

import java.time.LocalDate;
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
        checkDates(c.status(), c.signatureDate(), c.startDate(), c.endDate())
                .forEach((field, list) -> list.forEach(i -> add(issues, field, i)));
        TextLimits.check(issues, TITLE, c.title(), TextLimits.NAME);
        TextLimits.check(issues, REFERENT, c.stateReferent(), TextLimits.TITLE);
        TextLimits.check(issues, NOTES, c.notes(), TextLimits.NOTES);
        for (Signatory s : c.signatories()) {
            TextLimits.check(issues, "signatoryName", s.fullName(), TextLimits.TITLE);
            TextLimits.check(issues, "signatoryTitle", s.jobTitle(), TextLimits.TITLE);
        }
        return issues;
    }

    /**
     * The rules that tie the status and the three dates of a convention together; also run on a
     * convention an exchange merged from two bases, whose dates may come from either side.
     */
    public static Map<String, List<Issue>> checkDates(ConventionStatus status, LocalDate signatureDate,
                                                      LocalDate startDate, LocalDate endDate) {
        Map<String, List<Issue>> issues = new LinkedHashMap<>();
        if (startDate != null && endDate != null && !endDate.isAfter(startDate)) {
            add(issues, END_DATE, Issue.error("validation.convention.end.beforeStart"));
        }
        if (status.isSignedOrLater() && signatureDate == null) {
            add(issues, SIGNATURE_DATE, Issue.error("validation.convention.signature.required"));
        }
        if (status == ConventionStatus.ACTIVE && (startDate == null || endDate == null)) {
            add(issues, startDate == null ? START_DATE : END_DATE,
                    Issue.error("validation.convention.dates.requiredWhenActive"));
        }
        if (signatureDate != null && endDate != null && signatureDate.isAfter(endDate)) {
            add(issues, SIGNATURE_DATE, Issue.error("validation.convention.signature.afterEnd"));
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
