package fr.ancrage.domain.imports;

import fr.ancrage.domain.ActionType;
import fr.ancrage.domain.Catalogue;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.EngagementRules;
import fr.ancrage.domain.EngagementStatus;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.Qpv;
import fr.ancrage.domain.Text;
import fr.ancrage.domain.validation.Issue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One row of an engagements spreadsheet, checked: one figure of an engagement (its target, its
 * realised value, or both, for one indicator and one year), the engagement being named by its
 * convention (by reference, or as the company's convention of that year), its action type and its
 * description. Several rows make one engagement: one per indicator and year. A row without
 * figures and without a year is an engagement over its convention's years.
 */
public record EngagementRow(int number, Map<ImportField, String> values, Convention convention, ActionType actionType,
                            Indicator indicator, String description, int firstYear, int lastYear, BigDecimal target,
                            BigDecimal realised, EngagementStatus status, Set<UUID> qpvIds, String conventionName,
                            List<RowIssue> issues) implements CheckedRow {

    /** What an engagements sheet is checked against. */
    public interface Lookups extends OrganisationLookup {
        /** The convention of that reference (the base's, or the one a sheet gave it at its import). */
        Optional<Convention> conventionByReference(String reference);

        /** The conventions of a company. */
        List<Convention> conventionsOf(UUID companyId);

        Catalogue catalogue();

        /** The QPVs of that code, or else of that name. */
        List<Qpv> qpvs(String codeOrName);

        /** The status a cell names (its label or its code). */
        Optional<EngagementStatus> status(String text);
    }

    public EngagementRow {
        values = Map.copyOf(values);
        qpvIds = Set.copyOf(qpvIds);
        issues = List.copyOf(issues);
    }

    /** How rows are told to be of the same engagement: convention, action type, description. */
    public String engagementKey() {
        return convention == null || actionType == null ? ""
                : convention.id() + "/" + actionType.id() + "/" + Text.searchKey(description);
    }

    @Override
    public String label() {
        String action = actionType == null ? values.getOrDefault(ImportField.ACTION, "") : actionType.name();
        return description.isEmpty() ? action : action + " – " + description;
    }

    @Override
    public String shown(ImportField field) {
        return switch (field) {
            case ACTION -> shown(ImportField.REFERENCE) + " · " + label();
            case REFERENCE -> convention == null ? values.getOrDefault(ImportField.REFERENCE,
                    values.getOrDefault(ImportField.LEGAL_NAME, values.getOrDefault(ImportField.SIRET, ""))) : conventionName;
            case INDICATOR -> indicator == null ? values.getOrDefault(field, "") : indicator.name();
            case YEAR -> firstYear == 0 ? values.getOrDefault(field, "")
                    : firstYear == lastYear ? String.valueOf(firstYear) : firstYear + "–" + lastYear;
            case TARGET -> target == null ? values.getOrDefault(field, "") : shown(target);
            case REALISED -> realised == null ? values.getOrDefault(field, "") : shown(realised);
            default -> values.getOrDefault(field, "");
        };
    }

    /** The same row with one more problem, found against the base. */
    public EngagementRow withIssue(RowIssue issue) {
        List<RowIssue> more = new ArrayList<>(issues);
        more.add(issue);
        return new EngagementRow(number, values, convention, actionType, indicator, description, firstYear, lastYear,
                target, realised, status, qpvIds, conventionName, more);
    }

    /** A figure as a French reader writes it: « 2500,5 ». */
    private static String shown(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** Whether the row gives a figure (a target or a realised value). */
    public boolean hasFigures() {
        return target != null || realised != null;
    }

    public static EngagementRow check(int number, Map<ImportField, String> raw, Lookups lookups) {
        Map<ImportField, String> v = new EnumMap<>(ImportField.class);
        raw.forEach((f, s) -> v.put(f, Text.cleanLine(s)));
        List<RowIssue> issues = new ArrayList<>();
        BigDecimal target = number(v, ImportField.TARGET, issues);
        BigDecimal realised = number(v, ImportField.REALISED, issues);
        Integer year = year(v, issues);
        Convention convention = convention(v, year, lookups, issues);
        ActionType type = actionType(v, lookups.catalogue(), issues);
        Indicator indicator = null;
        if (type != null && (target != null || realised != null || !v.getOrDefault(ImportField.INDICATOR, "").isEmpty())) {
            indicator = indicator(v, type, lookups.catalogue(), issues);
        }
        if (indicator != null) {
            for (ImportField f : List.of(ImportField.TARGET, ImportField.REALISED)) {
                BigDecimal value = f == ImportField.TARGET ? target : realised;
                if (value != null) {
                    EngagementRules.checkValue(value, indicator.unit()).ifPresent(i -> issues.add(new RowIssue(f, i)));
                }
            }
        }
        int first = 0;
        int last = 0;
        if (year != null) {
            first = year;
            last = year;
        } else if (convention != null && (target != null || realised != null)) {
            issues.add(new RowIssue(ImportField.YEAR, Issue.error("import.row.year.required")));
        } else if (convention != null && convention.startDate() != null && convention.endDate() != null) {
            first = convention.startDate().getYear();
            last = convention.endDate().getYear();
        } else if (convention != null) {
            issues.add(new RowIssue(ImportField.YEAR, Issue.error("import.row.year.required")));
        }
        if (convention != null && year != null) {
            int[] range = EngagementRules.yearRange(convention);
            if (year < range[0] || year > range[1]) {
                issues.add(new RowIssue(ImportField.YEAR, Issue.error("import.row.year.outsideConvention",
                        String.valueOf(year), String.valueOf(range[0]), String.valueOf(range[1]))));
            }
        }
        EngagementStatus status = null;
        String statusText = v.getOrDefault(ImportField.STATUS, "");
        if (!statusText.isEmpty()) {
            status = lookups.status(statusText).orElse(null);
            if (status == null) {
                issues.add(new RowIssue(ImportField.STATUS, Issue.error("import.row.engagementStatus.unknown", statusText)));
            }
        }
        Set<UUID> qpvIds = new LinkedHashSet<>();
        for (String token : v.getOrDefault(ImportField.QPV, "").split("[;,|\\n]+")) {
            String t = token.strip();
            if (t.isEmpty()) {
                continue;
            }
            List<Qpv> qpvs = lookups.qpvs(t);
            if (qpvs.size() != 1) {
                issues.add(new RowIssue(ImportField.QPV, qpvs.isEmpty() ? Issue.error("import.row.qpv.unknown", t)
                        : Issue.error("import.row.qpv.ambiguous", t, qpvs.size())));
            } else if (convention != null && !convention.qpvIds().contains(qpvs.getFirst().id())) {
                issues.add(new RowIssue(ImportField.QPV, Issue.error("import.row.qpv.notOfConvention", t)));
            } else {
                qpvIds.add(qpvs.getFirst().id());
            }
        }
        String description = v.getOrDefault(ImportField.DESCRIPTION, "");
        if (description.length() > fr.ancrage.domain.validation.TextLimits.NOTES) {
            issues.add(new RowIssue(ImportField.DESCRIPTION, Issue.error("validation.text.tooLong",
                    fr.ancrage.domain.validation.TextLimits.NOTES)));
        }
        String conventionName = convention == null ? "" : convention.reference();
        return new EngagementRow(number, v, convention, type, indicator, description, first, last, target, realised,
                status, qpvIds, conventionName, issues);
    }

    private static BigDecimal number(Map<ImportField, String> v, ImportField field, List<RowIssue> issues) {
        String text = v.getOrDefault(field, "");
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            issues.add(new RowIssue(field, Issue.error("import.row.number.invalid", text)));
            return null;
        }
    }

    private static Integer year(Map<ImportField, String> v, List<RowIssue> issues) {
        String text = v.getOrDefault(ImportField.YEAR, "");
        if (text.isEmpty()) {
            return null;
        }
        String digits = text.replaceFirst("\\.0+$", "");
        if (digits.matches("\\d{4}")) {
            int y = Integer.parseInt(digits);
            if (y >= EngagementRules.MIN_YEAR && y <= EngagementRules.MAX_YEAR) {
                return y;
            }
        }
        issues.add(new RowIssue(ImportField.YEAR, Issue.error("import.row.year.invalid", text)));
        return null;
    }

    /** By reference when the row gives one; else the company's convention, the one of the row's year when it has several. */
    private static Convention convention(Map<ImportField, String> v, Integer year, Lookups lookups, List<RowIssue> issues) {
        String reference = v.getOrDefault(ImportField.REFERENCE, "");
        if (!reference.isEmpty()) {
            Optional<Convention> c = lookups.conventionByReference(reference);
            if (c.isEmpty()) {
                issues.add(new RowIssue(ImportField.REFERENCE, Issue.error("import.row.convention.unknown", reference)));
            }
            return c.orElse(null);
        }
        OrganisationLookup.Found found = lookups.find(v);
        if (found.issue() != null) {
            issues.add(found.issue());
            return null;
        }
        List<Convention> all = lookups.conventionsOf(found.organisation().id());
        List<Convention> ofYear = year == null || all.size() < 2 ? all : all.stream().filter(c -> covers(c, year)).toList();
        ImportField where = v.containsKey(ImportField.LEGAL_NAME) ? ImportField.LEGAL_NAME : ImportField.SIRET;
        if (ofYear.size() == 1) {
            return ofYear.getFirst();
        }
        issues.add(new RowIssue(where, all.isEmpty()
                ? Issue.error("import.row.convention.none", found.organisation().legalName())
                : Issue.error("import.row.convention.several", found.organisation().legalName(), ofYear.isEmpty()
                ? all.size() : ofYear.size())));
        return null;
    }

    private static boolean covers(Convention c, int year) {
        LocalDate from = c.startDate() != null ? c.startDate() : c.signatureDate();
        return (from == null || from.getYear() <= year) && (c.endDate() == null || c.endDate().getYear() >= year);
    }

    private static ActionType actionType(Map<ImportField, String> v, Catalogue catalogue, List<RowIssue> issues) {
        String text = v.getOrDefault(ImportField.ACTION, "");
        if (text.isEmpty()) {
            issues.add(new RowIssue(ImportField.ACTION, Issue.error("import.row.action.required")));
            return null;
        }
        String key = Text.searchKey(text);
        String code = text.strip().toUpperCase(Locale.ROOT);
        List<ActionType> found = catalogue.actionTypes().stream()
                .filter(t -> t.code().equals(code) || Text.searchKey(t.name()).equals(key)).toList();
        if (found.size() == 1) {
            return found.getFirst();
        }
        issues.add(new RowIssue(ImportField.ACTION, found.isEmpty() ? Issue.error("import.row.action.unknown", text)
                : Issue.error("import.row.action.ambiguous", text, found.size())));
        return null;
    }

    private static Indicator indicator(Map<ImportField, String> v, ActionType type, Catalogue catalogue,
                                       List<RowIssue> issues) {
        List<Indicator> offered = catalogue.formIndicators(type);
        String text = v.getOrDefault(ImportField.INDICATOR, "");
        if (text.isEmpty()) {
            if (offered.size() == 1) {
                return offered.getFirst();
            }
            issues.add(new RowIssue(v.containsKey(ImportField.INDICATOR) ? ImportField.INDICATOR : ImportField.ACTION,
                    Issue.error("import.row.indicator.required", type.name(), names(offered))));
            return null;
        }
        String key = Text.searchKey(text);
        String code = text.strip().toUpperCase(Locale.ROOT);
        Optional<Indicator> found = offered.stream()
                .filter(i -> i.code().equals(code) || Text.searchKey(i.name()).equals(key)).findFirst();
        if (found.isEmpty()) {
            issues.add(new RowIssue(ImportField.INDICATOR, Issue.error("import.row.indicator.unknown", text, type.name(),
                    names(offered))));
        }
        return found.orElse(null);
    }

    private static String names(List<Indicator> indicators) {
        return String.join(", ", indicators.stream().map(i -> "« " + i.name() + " »").toList());
    }
}
