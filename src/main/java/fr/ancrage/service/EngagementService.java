package fr.ancrage.service;

import fr.ancrage.domain.BilanLine;
import fr.ancrage.domain.Catalogue;
import fr.ancrage.domain.Convention;
import fr.ancrage.domain.Counterpart;
import fr.ancrage.domain.EngagementFacet;
import fr.ancrage.domain.Engagement;
import fr.ancrage.domain.EngagementListItem;
import fr.ancrage.domain.EngagementRules;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.IndicatorTotal;
import fr.ancrage.domain.RealisedValue;
import fr.ancrage.domain.Target;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.RecordKind;
import fr.ancrage.domain.StaleRecordException;
import fr.ancrage.domain.ValidationException;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.EngagementFacet;
import fr.ancrage.persistence.Repositories;
import fr.ancrage.persistence.Store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;

/** Engagements of conventions, counterparts of partners and target totals. Blocking: background tasks. */
public final class EngagementService {

    private final Store store;

    public EngagementService(Store store) {
        this.store = store;
    }

    public List<EngagementListItem> list(UUID conventionId) {
        return store.read(r -> r.engagements().listByConvention(conventionId));
    }

    /** Validates against the stored convention and catalogue, then saves, in one transaction. */
    public Engagement save(Engagement e) {
        return store.write(r -> {
            Convention convention = r.conventions().findById(e.conventionId())
                    .orElseThrow(() -> new StaleRecordException(RecordKind.CONVENTION, ""));
            UUID storedType = e.meta().isNew() ? null
                    : r.engagements().findById(e.id()).map(Engagement::actionTypeId)
                    .orElseThrow(() -> new StaleRecordException(RecordKind.ENGAGEMENT, e.description()));
            Map<String, List<Issue>> issues = EngagementRules.check(e, convention, r.catalogue().load(), storedType);
            if (!issues.isEmpty()) {
                throw new ValidationException(issues);
            }
            checkPartner(r, e.partnerId(), EngagementRules.PARTNER);
            return r.engagements().save(e);
        });
    }

    /**
     * Copies the engagement to the year after its last one (targets of its last year, status
     * "prévu") and saves the copy; refused when that year is past the convention's end.
     */
    public Engagement duplicateToNextYear(Engagement e) {
        return save(e.duplicateToNextYear());
    }

    public void delete(Engagement e) {
        store.run(r -> r.engagements().delete(e));
    }

    /**
     * The bilan of a convention: for each engagement, each indicator (of its form, or with a target
     * or a result) and each year it covers, the target and the realised value.
     */
    public List<BilanLine> bilan(UUID conventionId) {
        return store.read(r -> {
            Catalogue catalogue = r.catalogue().load();
            Map<String, RealisedValue> results = new HashMap<>();
            r.engagements().results(conventionId).forEach(v -> results.put(key(v.engagementId(), v.indicatorId(),
                    v.year()), v));
            List<BilanLine> lines = new ArrayList<>();
            for (EngagementListItem item : r.engagements().listByConvention(conventionId)) {
                Engagement e = item.engagement();
                Set<UUID> indicatorIds = new LinkedHashSet<>();
                catalogue.actionType(e.actionTypeId()).ifPresent(t -> indicatorIds.addAll(t.indicatorIds()));
                e.targets().forEach(t -> indicatorIds.add(t.indicatorId()));
                results.values().stream().filter(v -> v.engagementId().equals(e.id()))
                        .forEach(v -> indicatorIds.add(v.indicatorId()));
                for (int year = e.firstYear(); year <= e.lastYear(); year++) {
                    for (UUID indicatorId : indicatorIds) {
                        Indicator indicator = catalogue.indicator(indicatorId).orElse(null);
                        if (indicator == null) {
                            continue;
                        }
                        int y = year;
                        RealisedValue result = results.get(key(e.id(), indicatorId, y));
                        var target = e.target(indicatorId, y).map(Target::value).orElse(null);
                        if (!indicator.active() && target == null && result == null) {
                            continue;
                        }
                        lines.add(new BilanLine(e.id(), item.actionTypeName(), e.status(), indicator, y, target,
                                result));
                    }
                }
            }
            return lines;
        });
    }

    private static String key(UUID engagement, UUID indicator, int year) {
        return engagement + "/" + indicator + "/" + year;
    }

    /** Validates a realised value against its engagement, convention and catalogue, then stores it. */
    public RealisedValue saveResult(RealisedValue v) {
        return store.write(r -> {
            Engagement e = r.engagements().findById(v.engagementId())
                    .orElseThrow(() -> new StaleRecordException(RecordKind.ENGAGEMENT, ""));
            Convention convention = r.conventions().findById(e.conventionId())
                    .orElseThrow(() -> new StaleRecordException(RecordKind.CONVENTION, ""));
            Map<String, List<Issue>> issues = EngagementRules.checkResult(v, e, convention, r.catalogue().load());
            if (!issues.isEmpty()) {
                throw new ValidationException(issues);
            }
            if (v.meta().isNew() && r.engagements().findResult(v.engagementId(), v.indicatorId(), v.year()).isPresent()) {
                // entered meanwhile elsewhere
                throw new StaleRecordException(RecordKind.RESULT, r.catalogue().load().indicator(v.indicatorId())
                        .map(i -> i.name() + ", " + v.year()).orElse(String.valueOf(v.year())));
            }
            return r.engagements().save(v);
        });
    }

    public void deleteResult(RealisedValue v) {
        store.run(r -> r.engagements().delete(v));
    }

    public List<Counterpart> counterparts(UUID conventionId) {
        return store.read(r -> r.engagements().counterparts(conventionId));
    }

    public Counterpart save(Counterpart c) {
        Map<String, List<Issue>> issues = EngagementRules.checkCounterpart(c);
        if (!issues.isEmpty()) {
            throw new ValidationException(issues);
        }
        return store.write(r -> {
            checkPartner(r, c.partnerId(), EngagementRules.PARTNER);
            var partner = r.organisations().findById(c.partnerId()).orElseThrow();
            if (partner.kind().isCompany()) {
                throw ValidationException.of(EngagementRules.PARTNER,
                        Issue.error("validation.counterpart.partner.notCompany"));
            }
            if (c.engagementId() != null && r.engagements().findById(c.engagementId())
                    .filter(e -> e.conventionId().equals(c.conventionId())).isEmpty()) {
                throw new RuleViolationException("counterpart.engagement.gone");
            }
            return r.engagements().save(c);
        });
    }

    public void delete(Counterpart c) {
        store.run(r -> r.engagements().delete(c));
    }

    public Totals conventionTotals(UUID conventionId) {
        return store.read(r -> new Totals(r.engagements().totalsByIndicator(conventionId),
                r.engagements().totalsByAxis(conventionId)));
    }

    public Totals companyTotals(UUID companyId) {
        return store.read(r -> new Totals(r.engagements().companyTotalsByIndicator(companyId),
                r.engagements().companyTotalsByAxis(companyId)));
    }

    /** Targets summed by indicator, and by PaQte axis then indicator. */
    public record Totals(List<IndicatorTotal> byIndicator, List<IndicatorTotal> byAxis) {
    }

    /** For the filters of the conventions list. */
    public Map<UUID, List<EngagementFacet>> facets() {
        return store.read(r -> r.engagements().facets());
    }

    private static void checkPartner(Repositories r, UUID partnerId, String field) {
        if (partnerId != null && r.organisations().findById(partnerId).isEmpty()) {
            throw ValidationException.of(field, Issue.error("validation.engagement.partner.gone"));
        }
    }
}
