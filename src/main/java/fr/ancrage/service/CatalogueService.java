package fr.ancrage.service;

import fr.ancrage.domain.ActionType;
import fr.ancrage.domain.Catalogue;
import fr.ancrage.domain.CatalogueRules;
import fr.ancrage.domain.EngagementCategory;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.ValidationException;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.persistence.Store;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The référentiel des engagements: a team adds or renames categories, action types and indicators
 * without a new release. What is used by an engagement is deactivated, never deleted. Blocking:
 * call from a background task.
 */
public final class CatalogueService {

    private final Store store;

    public CatalogueService(Store store) {
        this.store = store;
    }

    public Catalogue catalogue() {
        return store.read(r -> r.catalogue().load());
    }

    /** How many engagements use each action type, and how many targets each indicator has. */
    public Usage usage() {
        return store.read(r -> new Usage(r.catalogue().actionTypeUse(), r.catalogue().indicatorUse()));
    }

    public record Usage(Map<UUID, Integer> actionTypes, Map<UUID, Integer> indicators) {

        public int ofActionType(UUID id) {
            return actionTypes.getOrDefault(id, 0);
        }

        public int ofIndicator(UUID id) {
            return indicators.getOrDefault(id, 0);
        }
    }

    public EngagementCategory save(EngagementCategory c) {
        return store.write(r -> {
            Catalogue all = r.catalogue().load();
            refuse(CatalogueRules.checkCategory(c, all.categories()));
            EngagementCategory placed = c.meta().isNew()
                    ? new EngagementCategory(c.meta(), c.code(), c.name(), r.catalogue().nextCategoryPosition(), c.active())
                    : c;
            return r.catalogue().save(placed);
        });
    }

    public ActionType save(ActionType t) {
        return store.write(r -> {
            Catalogue all = r.catalogue().load();
            refuse(CatalogueRules.checkActionType(t, all.actionTypesOf(t.categoryId()), all));
            ActionType placed = t.meta().isNew()
                    ? new ActionType(t.meta(), t.categoryId(), t.code(), t.name(), t.axis(),
                    r.catalogue().nextActionTypePosition(t.categoryId()), t.active(), t.indicatorIds())
                    : t;
            return r.catalogue().save(placed);
        });
    }

    public Indicator save(Indicator i) {
        return store.write(r -> {
            Catalogue all = r.catalogue().load();
            refuse(CatalogueRules.checkIndicator(i, all.indicatorsOf(i.categoryId())));
            Indicator placed = i.meta().isNew()
                    ? new Indicator(i.meta(), i.categoryId(), i.code(), i.name(), i.unit(), i.summable(),
                    r.catalogue().nextIndicatorPosition(i.categoryId()), i.active())
                    : i;
            if (!i.meta().isNew()) {
                Indicator stored = all.indicator(i.id()).orElseThrow();
                if (stored.unit() != i.unit() && r.catalogue().indicatorUse().containsKey(i.id())) {
                    throw new RuleViolationException("catalogue.indicator.unitUsed", stored.name());
                }
            }
            return r.catalogue().save(placed);
        });
    }

    /**
     * Creates an indicator in the action type's category and adds it at the end of the action type's
     * form, in one transaction.
     */
    public ActionType addIndicator(ActionType type, Indicator indicator) {
        return store.write(r -> {
            Catalogue all = r.catalogue().load();
            refuse(CatalogueRules.checkIndicator(indicator, all.indicatorsOf(indicator.categoryId())));
            Indicator saved = r.catalogue().save(new Indicator(indicator.meta(), type.categoryId(), indicator.code(),
                    indicator.name(), indicator.unit(), indicator.summable(),
                    r.catalogue().nextIndicatorPosition(type.categoryId()), true));
            List<UUID> ids = new java.util.ArrayList<>(type.indicatorIds());
            ids.add(saved.id());
            return r.catalogue().save(type.withIndicators(ids));
        });
    }

    /** Deletes an action type nobody uses; a used one must be deactivated instead. */
    public void deleteActionType(ActionType t) {
        store.run(r -> {
            if (r.catalogue().actionTypeUse().containsKey(t.id())) {
                throw new RuleViolationException("catalogue.delete.used", t.name());
            }
            r.catalogue().deleteActionType(t);
        });
    }

    /** Deletes an indicator without targets (it leaves every form); a used one must be deactivated. */
    public void deleteIndicator(Indicator i) {
        store.run(r -> {
            if (r.catalogue().indicatorUse().containsKey(i.id())) {
                throw new RuleViolationException("catalogue.delete.used", i.name());
            }
            r.catalogue().deleteIndicator(i);
        });
    }

    /** Deletes a category without action types or indicators; otherwise deactivate it. */
    public void deleteCategory(EngagementCategory c) {
        store.run(r -> {
            Catalogue all = r.catalogue().load();
            if (!all.actionTypesOf(c.id()).isEmpty() || !all.indicatorsOf(c.id()).isEmpty()) {
                throw new RuleViolationException("catalogue.delete.categoryNotEmpty", c.name());
            }
            r.catalogue().deleteCategory(c);
        });
    }

    public static EngagementCategory newCategory(String name) {
        return new EngagementCategory(RecordMeta.fresh(), "", name, 0, true);
    }

    private static void refuse(Map<String, List<Issue>> issues) {
        if (!issues.isEmpty()) {
            throw new ValidationException(issues);
        }
    }
}
