package fr.ancrage.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The whole engagement catalogue as loaded from the store, with the lookups forms need. */
public record Catalogue(List<EngagementCategory> categories, List<ActionType> actionTypes,
                        List<Indicator> indicators) {

    public Catalogue {
        categories = categories.stream().sorted(Comparator.comparingInt(EngagementCategory::position)).toList();
        actionTypes = actionTypes.stream().sorted(Comparator.comparingInt(ActionType::position)).toList();
        indicators = indicators.stream().sorted(Comparator.comparingInt(Indicator::position)).toList();
    }

    public static Catalogue empty() {
        return new Catalogue(List.of(), List.of(), List.of());
    }

    public Optional<EngagementCategory> category(UUID id) {
        return categories.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<ActionType> actionType(UUID id) {
        return actionTypes.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<Indicator> indicator(UUID id) {
        return indicators.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public List<EngagementCategory> activeCategories() {
        return categories.stream().filter(EngagementCategory::active).toList();
    }

    public List<ActionType> actionTypesOf(UUID categoryId) {
        return actionTypes.stream().filter(a -> a.categoryId().equals(categoryId)).toList();
    }

    /** The action types a new engagement may use: active, in an active category. */
    public List<ActionType> activeActionTypesOf(UUID categoryId) {
        if (category(categoryId).map(c -> !c.active()).orElse(true)) {
            return List.of();
        }
        return actionTypesOf(categoryId).stream().filter(ActionType::active).toList();
    }

    public List<Indicator> indicatorsOf(UUID categoryId) {
        return indicators.stream().filter(i -> i.categoryId().equals(categoryId)).toList();
    }

    /** The indicators the form of this action type asks for, in order (deactivated ones left out). */
    public List<Indicator> formIndicators(ActionType type) {
        Map<UUID, Indicator> byId = indicators.stream().collect(Collectors.toMap(Indicator::id, Function.identity()));
        return type.indicatorIds().stream().map(byId::get).filter(i -> i != null && i.active()).toList();
    }

    /** The category of an action type. */
    public Optional<EngagementCategory> categoryOf(ActionType type) {
        return category(type.categoryId());
    }

    /**
     * The indicator a part belongs to ({@link Indicator#part()}, {@link EngagementRules#PART_OF}):
     * « Embauches de résidents des QPV » for « dont emplois francs »; empty for an indicator that is
     * not a part.
     */
    public Optional<Indicator> parentOf(Indicator indicator) {
        String parent = EngagementRules.PART_OF.get(indicator.code());
        return parent == null ? Optional.empty()
                : indicators.stream().filter(i -> parent.equals(i.code())).findFirst();
    }

    /** The parts of each indicator that has some, by the parent's id. */
    public Map<UUID, List<Indicator>> partsByParent() {
        Map<UUID, List<Indicator>> parts = new java.util.LinkedHashMap<>();
        indicators.forEach(i -> parentOf(i).ifPresent(p -> parts.computeIfAbsent(p.id(), k -> new java.util.ArrayList<>())
                .add(i)));
        return parts;
    }
}
