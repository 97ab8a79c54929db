package fr.ancrage.ui.engagements;

import fr.ancrage.domain.ActionType;
import fr.ancrage.domain.Catalogue;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.Engagement;
import fr.ancrage.domain.EngagementCategory;
import fr.ancrage.domain.EngagementRules;
import fr.ancrage.domain.EngagementStatus;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.Organisation;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.Target;
import fr.ancrage.domain.validation.Issue;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The form of one engagement: the category is chosen first; the action types offered and the
 * indicators asked for come from the catalogue, so that a new indicator appears without a code
 * change. Targets are kept as typed text per indicator and year, checked as the user types.
 */
public final class EngagementFormViewModel {

    private final Catalogue catalogue;
    private final Convention convention;
    private final EngagementCategory category;
    private final Engagement original;
    private final ObjectProperty<ActionType> actionType = new SimpleObjectProperty<>();
    private final StringProperty description = new SimpleStringProperty("");
    private final ObservableList<UUID> qpvIds = FXCollections.observableArrayList();
    private final ObjectProperty<Organisation> partner = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> firstYear = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> lastYear = new SimpleObjectProperty<>();
    private final ObjectProperty<EngagementStatus> status = new SimpleObjectProperty<>(EngagementStatus.PLANNED);
    private final ObservableList<Indicator> indicators = FXCollections.observableArrayList();
    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final Map<String, StringProperty> targetTexts = new HashMap<>();
    private final Map<String, ObjectProperty<List<Issue>>> issues = new LinkedHashMap<>();
    private final ObjectProperty<List<CellIssue>> targetMessages = new SimpleObjectProperty<>(List.of());
    private boolean checking;

    private final java.time.Clock clock;

    public EngagementFormViewModel(Catalogue catalogue, Convention convention, EngagementCategory category,
                                   Engagement original, Organisation originalPartner) {
        this(catalogue, convention, category, original, originalPartner, java.time.Clock.systemDefaultZone());
    }

    /** {@code clock} says which year is this year: the first year offered to a new engagement. */
    public EngagementFormViewModel(Catalogue catalogue, Convention convention, EngagementCategory category,
                                   Engagement original, Organisation originalPartner, java.time.Clock clock) {
        this.clock = clock;
        this.catalogue = catalogue;
        this.convention = convention;
        this.category = category;
        this.original = original;
        for (String f : List.of(EngagementRules.ACTION_TYPE, EngagementRules.YEARS, EngagementRules.QPVS,
                EngagementRules.DESCRIPTION, EngagementRules.PARTNER)) {
            issues.put(f, new SimpleObjectProperty<>(List.of()));
        }
        List<Integer> choices = yearChoices();
        if (original != null) {
            actionType.set(catalogue.actionType(original.actionTypeId()).orElse(null));
            description.set(original.description());
            qpvIds.setAll(original.qpvIds());
            partner.set(originalPartner);
            firstYear.set(original.firstYear());
            lastYear.set(original.lastYear());
            status.set(original.status());
            for (Target t : original.targets()) {
                Indicator i = catalogue.indicator(t.indicatorId()).orElse(null);
                text(t.indicatorId(), t.year()).set(i == null ? t.value().toPlainString()
                        : i.unit() == IndicatorUnit.YES_NO ? t.value().signum() > 0 ? "1" : ""
                        : TargetText.format(t.value(), i.unit()));
            }
        } else {
            int current = Year.now(clock).getValue();
            int first = choices.contains(current) ? current : choices.getFirst();
            firstYear.set(first);
            lastYear.set(convention.endDate() != null ? choices.getLast() : first);
            List<ActionType> offered = actionTypeChoices();
            if (offered.size() == 1) {
                actionType.set(offered.getFirst());
            }
        }
        actionType.subscribe(this::refreshIndicators);
        firstYear.subscribe(y -> refreshYears());
        lastYear.subscribe(y -> refreshYears());
        Observable[] all = {actionType, description, qpvIds, partner, firstYear, lastYear, status};
        for (Observable o : all) {
            o.addListener(x -> recheck());
        }
    }

    /** Years offered: those of the convention, or around this year when it has no dates yet. */
    public List<Integer> yearChoices() {
        if (convention.startDate() != null && convention.endDate() != null) {
            return IntStream.rangeClosed(convention.startDate().getYear(), convention.endDate().getYear())
                    .boxed().toList();
        }
        int now = Year.now(clock).getValue();
        return IntStream.rangeClosed(now - 1, now + 5).boxed().toList();
    }

    /** Active action types of the category, plus the engagement's own one if it was deactivated since. */
    public List<ActionType> actionTypeChoices() {
        List<ActionType> offered = new ArrayList<>(catalogue.activeActionTypesOf(category.id()));
        if (original != null) {
            catalogue.actionType(original.actionTypeId()).filter(t -> !offered.contains(t))
                    .ifPresent(t -> offered.add(0, t));
        }
        return offered;
    }

    private void refreshIndicators(ActionType type) {
        indicators.setAll(type == null ? List.of() : indicatorsFor(type));
    }

    /** The form's indicators, and those of the engagement's own targets if they left the form since. */
    private List<Indicator> indicatorsFor(ActionType type) {
        List<Indicator> list = new ArrayList<>(catalogue.formIndicators(type));
        if (original != null && type.id().equals(original.actionTypeId())) {
            original.targets().stream().map(Target::indicatorId).distinct()
                    .map(catalogue::indicator).flatMap(Optional::stream)
                    .filter(i -> !list.contains(i)).forEach(list::add);
        }
        return list;
    }

    private void refreshYears() {
        Integer first = firstYear.get();
        Integer last = lastYear.get();
        years.setAll(first == null || last == null || last < first ? List.of()
                : IntStream.rangeClosed(first, last).boxed().toList());
    }

    /** The typed text of a target cell (created empty on first use). */
    public StringProperty text(UUID indicatorId, int year) {
        return targetTexts.computeIfAbsent(EngagementRules.targetField(indicatorId, year), k -> {
            StringProperty p = new SimpleStringProperty("");
            p.addListener(x -> recheck());
            return p;
        });
    }

    public ObjectProperty<List<Issue>> issues(String field) {
        return issues.computeIfAbsent(field, k -> new SimpleObjectProperty<>(List.of()));
    }

    /** One entry per target cell in error, shown as « Stages de 3e proposés, 2027 : Saisissez un nombre entier. ». */
    public ObjectProperty<List<CellIssue>> targetMessages() {
        return targetMessages;
    }

    /** Re-runs every rule; true when the engagement can be saved. */
    public boolean validate() {
        recheck();
        return issues.values().stream().noneMatch(p -> Issue.anyError(p.get()));
    }

    private void recheck() {
        if (checking) {
            return;
        }
        checking = true;
        try {
            Map<String, List<Issue>> found = new LinkedHashMap<>();
            Engagement candidate = build(found);
            EngagementRules.check(candidate, convention, catalogue, original == null ? null : original.actionTypeId())
                    .forEach((field, list) -> found.merge(field, list, (a, b) -> {
                        List<Issue> merged = new ArrayList<>(a);
                        merged.addAll(b);
                        return merged;
                    }));
            issues.forEach((field, p) -> p.set(found.getOrDefault(field, List.of())));
            found.forEach((field, list) -> issues(field).set(list));
            List<CellIssue> lines = new ArrayList<>();
            for (Indicator i : indicators) {
                for (int y : years) {
                    List<Issue> cell = found.getOrDefault(EngagementRules.targetField(i.id(), y), List.of());
                    if (!cell.isEmpty()) {
                        lines.add(new CellIssue(i.name(), y, cell.getFirst()));
                    }
                }
            }
            targetMessages.set(lines);
        } finally {
            checking = false;
        }
    }

    /** The first issue of a target cell, for the summary under the grid. */
    public record CellIssue(String indicatorName, int year, Issue issue) {
    }

    /** The engagement as typed; unreadable target texts are reported in {@code found}. */
    private Engagement build(Map<String, List<Issue>> found) {
        List<Target> targets = new ArrayList<>();
        for (Indicator i : indicators) {
            for (int y : years) {
                String field = EngagementRules.targetField(i.id(), y);
                StringProperty p = targetTexts.get(field);
                String t = p == null ? "" : p.get();
                if (TargetText.isBlank(t)) {
                    continue;
                }
                Optional<BigDecimal> value = TargetText.parse(t);
                if (value.isEmpty()) {
                    found.put(field, new ArrayList<>(List.of(Issue.error("validation.target.notANumber", t.strip()))));
                } else {
                    targets.add(new Target(i.id(), y, value.get()));
                }
            }
        }
        int first = firstYear.get() == null ? 0 : firstYear.get();
        int last = lastYear.get() == null ? 0 : lastYear.get();
        return new Engagement(original == null ? RecordMeta.fresh() : original.meta(), convention.id(),
                actionType.get() == null ? null : actionType.get().id(), description.get(), new HashSet<>(qpvIds),
                partner.get() == null ? null : partner.get().id(), first, last, status.get(), targets);
    }

    public Engagement toEngagement() {
        return build(new HashMap<>());
    }

    /** Shows the store's refusal next to the fields; returns what has no field here. */
    public Map<String, List<Issue>> showIssues(Map<String, List<Issue>> found) {
        Map<String, List<Issue>> rest = new LinkedHashMap<>();
        found.forEach((field, list) -> {
            if (issues.containsKey(field) || field.startsWith("target:")) {
                issues(field).set(list);
            } else {
                rest.put(field, list);
            }
        });
        return rest;
    }

    public EngagementCategory category() {
        return category;
    }

    public Convention convention() {
        return convention;
    }

    public boolean isNew() {
        return original == null;
    }

    public ObjectProperty<ActionType> actionTypeProperty() {
        return actionType;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ObservableList<UUID> qpvIds() {
        return qpvIds;
    }

    public ObjectProperty<Organisation> partnerProperty() {
        return partner;
    }

    public ObjectProperty<Integer> firstYearProperty() {
        return firstYear;
    }

    public ObjectProperty<Integer> lastYearProperty() {
        return lastYear;
    }

    public ObjectProperty<EngagementStatus> statusProperty() {
        return status;
    }

    public ObservableList<Indicator> indicators() {
        return indicators;
    }

    public ObservableList<Integer> years() {
        return years;
    }
}
