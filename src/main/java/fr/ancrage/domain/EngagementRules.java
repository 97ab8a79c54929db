package fr.ancrage.domain;

import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.TextLimits;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Rules of an engagement against its convention and the catalogue; keys are form field names. */
public final class EngagementRules {

    public static final String ACTION_TYPE = "actionType";
    public static final String YEARS = "years";
    public static final String QPVS = "qpvs";
    public static final String DESCRIPTION = "description";
    public static final String PARTNER = "partner";
    /** The largest target the store holds (15 digits, 2 of them after the point). */
    public static final BigDecimal MAX_VALUE = new BigDecimal("9999999999999.99");
    /** Years accepted when the convention has no dates yet. */
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    private EngagementRules() {
    }

    /** Field name of the target of an indicator for a year, e.g. {@code target:<uuid>:2026}. */
    public static String targetField(UUID indicatorId, int year) {
        return "target:" + indicatorId + ":" + year;
    }

    /**
     * Issues per field; empty when the engagement can be saved. {@code storedActionTypeId} is the
     * action type already stored for this engagement (null for a new one): a deactivated action type
     * is refused only when it is newly chosen, so old engagements stay editable.
     */
    public static Map<String, List<Issue>> check(Engagement e, Convention convention, Catalogue catalogue,
                                                 UUID storedActionTypeId) {
        Map<String, List<Issue>> issues = new LinkedHashMap<>();
        Optional<ActionType> type = e.actionTypeId() == null ? Optional.empty()
                : catalogue.actionType(e.actionTypeId());
        if (type.isEmpty()) {
            add(issues, ACTION_TYPE, Issue.error("validation.engagement.actionType.required"));
        } else if (!e.actionTypeId().equals(storedActionTypeId) && !usable(type.get(), catalogue)) {
            add(issues, ACTION_TYPE, Issue.error("validation.engagement.actionType.inactive", type.get().name()));
        }
        checkYears(issues, e, convention);
        if (!convention.qpvIds().containsAll(e.qpvIds())) {
            add(issues, QPVS, Issue.error("validation.engagement.qpv.notTargeted"));
        }
        TextLimits.check(issues, DESCRIPTION, e.description(), TextLimits.NOTES);
        type.ifPresent(t -> checkTargets(issues, e, t, catalogue));
        return issues;
    }

    private static boolean usable(ActionType type, Catalogue catalogue) {
        return type.active() && catalogue.category(type.categoryId()).map(EngagementCategory::active).orElse(false);
    }

    /** The years an engagement of this convention may cover. */
    public static int[] yearRange(Convention convention) {
        if (convention.startDate() != null && convention.endDate() != null) {
            return new int[] {convention.startDate().getYear(), convention.endDate().getYear()};
        }
        return new int[] {MIN_YEAR, MAX_YEAR};
    }

    private static void checkYears(Map<String, List<Issue>> issues, Engagement e, Convention convention) {
        int[] range = yearRange(convention);
        if (e.lastYear() < e.firstYear()) {
            add(issues, YEARS, Issue.error("validation.engagement.years.order"));
        } else if (e.firstYear() < range[0] || e.lastYear() > range[1]) {
            boolean dated = convention.startDate() != null && convention.endDate() != null;
            add(issues, YEARS, dated
                    ? Issue.error("validation.engagement.years.outsideConvention", range[0], range[1])
                    : Issue.error("validation.engagement.years.range", range[0], range[1]));
        }
    }

    private static void checkTargets(Map<String, List<Issue>> issues, Engagement e, ActionType type,
                                     Catalogue catalogue) {
        Set<String> seen = new HashSet<>();
        for (Target t : e.targets()) {
            String field = targetField(t.indicatorId(), t.year());
            Optional<Indicator> indicator = catalogue.indicator(t.indicatorId());
            if (indicator.isEmpty() || !type.indicatorIds().contains(t.indicatorId())) {
                add(issues, field, Issue.error("validation.target.indicatorUnknown"));
                continue;
            }
            if (!seen.add(field)) {
                add(issues, field, Issue.error("validation.target.duplicate"));
            }
            if (t.year() < e.firstYear() || t.year() > e.lastYear()) {
                add(issues, field, Issue.error("validation.target.yearOutside", t.year(), e.firstYear(), e.lastYear()));
            }
            checkValue(t.value(), indicator.get().unit()).ifPresent(i -> add(issues, field, i));
        }
        checkParts(issues, e, catalogue);
    }

    /**
     * Indicators that count a part of another one (« dont emplois francs » among the hires, the
     * internships filled among those offered), by catalogue code: in one engagement, the part's
     * target never exceeds the whole's for the same year.
     */
    public static final Map<String, String> PART_OF = Map.of("EMPLOIS_FRANCS", "HIRES", "STAGES_FILLED", "STAGES_OFFERED");

    private static void checkParts(Map<String, List<Issue>> issues, Engagement e, Catalogue catalogue) {
        for (Target part : e.targets()) {
            Optional<Indicator> partIndicator = catalogue.indicator(part.indicatorId());
            String wholeCode = partIndicator.map(i -> PART_OF.get(i.code())).orElse(null);
            if (wholeCode == null) {
                continue;
            }
            for (Target whole : e.targets()) {
                Optional<Indicator> wholeIndicator = catalogue.indicator(whole.indicatorId());
                if (whole.year() == part.year() && wholeIndicator.map(i -> i.code().equals(wholeCode)).orElse(false)
                        && part.value().compareTo(whole.value()) > 0) {
                    add(issues, targetField(part.indicatorId(), part.year()), Issue.error("validation.target.partAboveWhole",
                            partIndicator.get().name(), wholeIndicator.get().name(), part.year()));
                }
            }
        }
    }

    /** The value rules of a unit: not negative, whole where it must be, 0 or 1 for yes/no, cents at most. */
    public static Optional<Issue> checkValue(BigDecimal value, IndicatorUnit unit) {
        if (value.signum() < 0) {
            return Optional.of(Issue.error("validation.target.negative"));
        }
        if (value.compareTo(MAX_VALUE) > 0) {
            return Optional.of(Issue.error("validation.target.tooLarge"));
        }
        if (unit == IndicatorUnit.YES_NO) {
            return value.compareTo(BigDecimal.ZERO) == 0 || value.compareTo(BigDecimal.ONE) == 0 ? Optional.empty()
                    : Optional.of(Issue.error("validation.target.yesNo"));
        }
        if (unit.wholeNumbers() && value.stripTrailingZeros().scale() > 0) {
            return Optional.of(Issue.error("validation.target.whole"));
        }
        if (value.stripTrailingZeros().scale() > 2) {
            return Optional.of(Issue.error("validation.target.cents"));
        }
        return Optional.empty();
    }

    private static void add(Map<String, List<Issue>> issues, String field, Issue issue) {
        issues.computeIfAbsent(field, k -> new ArrayList<>()).add(issue);
    }

    /** Field names of a realised value's form. */
    public static final String RESULT_VALUE = "value";
    public static final String RESULT_COMMENT = "comment";

    /**
     * Rules of a realised value: the unit rules of its indicator, a year the engagement (and so the
     * convention) covers, an engagement not abandoned, an indicator of the engagement.
     */
    public static Map<String, List<Issue>> checkResult(RealisedValue r, Engagement e, Convention convention,
                                                       Catalogue catalogue) {
        Map<String, List<Issue>> issues = new LinkedHashMap<>();
        if (e.status() == EngagementStatus.ABANDONED) {
            add(issues, RESULT_VALUE, Issue.error("validation.result.abandoned"));
        }
        int[] range = yearRange(convention);
        if (r.year() < Math.max(e.firstYear(), range[0]) || r.year() > Math.min(e.lastYear(), range[1])) {
            add(issues, RESULT_VALUE, Issue.error("validation.result.yearOutside", r.year(), e.firstYear(),
                    e.lastYear()));
        }
        Optional<Indicator> indicator = catalogue.indicator(r.indicatorId());
        boolean ofEngagement = catalogue.actionType(e.actionTypeId())
                .map(t -> t.indicatorIds().contains(r.indicatorId())).orElse(false)
                || e.targets().stream().anyMatch(t -> t.indicatorId().equals(r.indicatorId()));
        if (indicator.isEmpty() || !ofEngagement) {
            add(issues, RESULT_VALUE, Issue.error("validation.target.indicatorUnknown"));
        } else {
            checkValue(r.value(), indicator.get().unit()).ifPresent(i -> add(issues, RESULT_VALUE, i));
        }
        TextLimits.check(issues, RESULT_COMMENT, r.comment(), 2000);
        return issues;
    }

    /** Rules of a counterpart: a partner, a description. */
    public static Map<String, List<Issue>> checkCounterpart(Counterpart c) {
        Map<String, List<Issue>> issues = new LinkedHashMap<>();
        if (c.partnerId() == null) {
            add(issues, PARTNER, Issue.error("validation.counterpart.partner.required"));
        }
        if (Text.isBlank(c.description())) {
            add(issues, DESCRIPTION, Issue.error("validation.counterpart.description.required"));
        }
        TextLimits.check(issues, DESCRIPTION, c.description(), TextLimits.NOTES);
        return issues;
    }
}
