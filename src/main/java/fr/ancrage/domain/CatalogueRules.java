package fr.ancrage.domain;

import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.TextLimits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rules of the catalogue entries a team edits in the référentiel. */
public final class CatalogueRules {

    public static final String NAME = "name";
    public static final String CATEGORY = "category";
    public static final String UNIT = "unit";
    public static final String INDICATORS = "indicators";

    private CatalogueRules() {
    }

    public static Map<String, List<Issue>> checkCategory(EngagementCategory c, List<EngagementCategory> others) {
        Map<String, List<Issue>> issues = new LinkedHashMap<>();
        checkName(issues, c.name(), others.stream().filter(o -> !o.id().equals(c.id()))
                .anyMatch(o -> Text.searchKey(o.name()).equals(Text.searchKey(c.name()))));
        return issues;
    }

    /** {@code siblings}: the other action types of the same category. */
    public static Map<String, List<Issue>> checkActionType(ActionType t, List<ActionType> siblings,
                                                           Catalogue catalogue) {
        Map<String, List<Issue>> issues = new LinkedHashMap<>();
        checkName(issues, t.name(), siblings.stream().filter(o -> !o.id().equals(t.id()))
                .anyMatch(o -> Text.searchKey(o.name()).equals(Text.searchKey(t.name()))));
        if (catalogue.category(t.categoryId()).isEmpty()) {
            add(issues, CATEGORY, Issue.error("validation.catalogue.category.required"));
        }
        boolean foreign = t.indicatorIds().stream().anyMatch(id -> catalogue.indicator(id)
                .map(i -> !i.categoryId().equals(t.categoryId())).orElse(true));
        if (foreign) {
            add(issues, INDICATORS, Issue.error("validation.catalogue.indicator.otherCategory"));
        }
        return issues;
    }

    /** {@code siblings}: the other indicators of the same category. */
    public static Map<String, List<Issue>> checkIndicator(Indicator i, List<Indicator> siblings) {
        Map<String, List<Issue>> issues = new LinkedHashMap<>();
        checkName(issues, i.name(), siblings.stream().filter(o -> !o.id().equals(i.id()))
                .anyMatch(o -> Text.searchKey(o.name()).equals(Text.searchKey(i.name()))));
        if (i.unit() == IndicatorUnit.YES_NO && i.summable()) {
            add(issues, UNIT, Issue.error("validation.catalogue.indicator.yesNoSummable"));
        }
        return issues;
    }

    private static void checkName(Map<String, List<Issue>> issues, String name, boolean taken) {
        if (Text.isBlank(name)) {
            add(issues, NAME, Issue.error("validation.catalogue.name.required"));
        } else if (taken) {
            add(issues, NAME, Issue.error("validation.catalogue.name.taken", name));
        }
        TextLimits.check(issues, NAME, name, TextLimits.TITLE);
    }

    private static void add(Map<String, List<Issue>> issues, String field, Issue issue) {
        issues.computeIfAbsent(field, k -> new ArrayList<>()).add(issue);
    }
}
