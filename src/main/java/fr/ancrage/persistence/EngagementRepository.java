package fr.ancrage.persistence;

import fr.ancrage.domain.Counterpart;
import fr.ancrage.domain.Engagement;
import fr.ancrage.domain.EngagementFacet;
import fr.ancrage.domain.EngagementListItem;
import fr.ancrage.domain.EngagementStatus;
import fr.ancrage.domain.IndicatorTotal;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.PaqteAxis;
import fr.ancrage.domain.RealisedValue;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.ResultSource;
import fr.ancrage.domain.RecordKind;
import fr.ancrage.domain.StaleRecordException;
import fr.ancrage.domain.Target;
import fr.ancrage.persistence.jooq.tables.records.CounterpartRecord;
import fr.ancrage.persistence.jooq.tables.records.EngagementRecord;
import fr.ancrage.persistence.jooq.tables.records.EngagementResultRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static fr.ancrage.persistence.Times.nullIfEmpty;
import static fr.ancrage.persistence.jooq.Tables.ACTION_TYPE;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION;
import static fr.ancrage.persistence.jooq.Tables.COUNTERPART;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_CATEGORY;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_QPV;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_RESULT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_TARGET;
import static fr.ancrage.persistence.jooq.Tables.INDICATOR;
import static fr.ancrage.persistence.jooq.Tables.ORGANISATION;

/** Engagements with their QPVs and targets (one aggregate each), counterparts, and target totals. */
public final class EngagementRepository {

    private final DSLContext dsl;

    EngagementRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The engagements of a convention, in the order of the catalogue's categories and action types. */
    public List<EngagementListItem> listByConvention(UUID conventionId) {
        var rows = dsl.select(ENGAGEMENT.asterisk(), ENGAGEMENT_CATEGORY.NAME, ACTION_TYPE.NAME, ACTION_TYPE.PAQTE_AXIS,
                        ORGANISATION.LEGAL_NAME)
                .from(ENGAGEMENT)
                .join(ACTION_TYPE).on(ACTION_TYPE.ID.eq(ENGAGEMENT.ACTION_TYPE_ID))
                .join(ENGAGEMENT_CATEGORY).on(ENGAGEMENT_CATEGORY.ID.eq(ACTION_TYPE.CATEGORY_ID))
                .leftJoin(ORGANISATION).on(ORGANISATION.ID.eq(ENGAGEMENT.PARTNER_ID))
                .where(ENGAGEMENT.CONVENTION_ID.eq(conventionId))
                .orderBy(ENGAGEMENT_CATEGORY.POSITION, ACTION_TYPE.POSITION, ENGAGEMENT.FIRST_YEAR,
                        ENGAGEMENT.CREATED_AT)
                .fetch();
        Map<UUID, Set<UUID>> qpvs = qpvsOf(ENGAGEMENT_QPV.engagement().CONVENTION_ID.eq(conventionId));
        Map<UUID, List<Target>> targets = targetsOf(ENGAGEMENT_TARGET.engagement().CONVENTION_ID.eq(conventionId));
        List<EngagementListItem> items = new ArrayList<>();
        for (var r : rows) {
            EngagementRecord e = r.into(ENGAGEMENT);
            String axis = r.get(ACTION_TYPE.PAQTE_AXIS);
            items.add(new EngagementListItem(toDomain(e, qpvs.getOrDefault(e.getId(), Set.of()),
                    targets.getOrDefault(e.getId(), List.of())), r.get(ENGAGEMENT_CATEGORY.NAME),
                    r.get(ACTION_TYPE.NAME), axis == null ? null : PaqteAxis.valueOf(axis),
                    Times.text(r.get(ORGANISATION.LEGAL_NAME))));
        }
        return items;
    }

    /** The engagements of these conventions, with their QPVs and targets (packages of whole territories). */
    public List<Engagement> findByConventions(java.util.Collection<UUID> conventionIds) {
        List<Engagement> found = new ArrayList<>();
        for (List<UUID> chunk : Times.chunks(conventionIds)) {
            Map<UUID, Set<UUID>> qpvs = qpvsOf(ENGAGEMENT_QPV.engagement().CONVENTION_ID.in(chunk));
            Map<UUID, List<Target>> targets = targetsOf(ENGAGEMENT_TARGET.engagement().CONVENTION_ID.in(chunk));
            dsl.selectFrom(ENGAGEMENT).where(ENGAGEMENT.CONVENTION_ID.in(chunk)).forEach(e -> found.add(toDomain(e,
                    qpvs.getOrDefault(e.getId(), Set.of()), targets.getOrDefault(e.getId(), List.of()))));
        }
        found.sort(java.util.Comparator.comparing(Engagement::id));
        return found;
    }

    /** The realised values of these conventions' engagements. */
    public List<RealisedValue> resultsOfConventions(java.util.Collection<UUID> conventionIds) {
        List<RealisedValue> found = new ArrayList<>();
        for (List<UUID> chunk : Times.chunks(conventionIds)) {
            dsl.select(ENGAGEMENT_RESULT.asterisk()).from(ENGAGEMENT_RESULT)
                    .join(ENGAGEMENT).on(ENGAGEMENT.ID.eq(ENGAGEMENT_RESULT.ENGAGEMENT_ID))
                    .where(ENGAGEMENT.CONVENTION_ID.in(chunk))
                    .forEach(r -> found.add(toResult(r.into(ENGAGEMENT_RESULT))));
        }
        found.sort(java.util.Comparator.comparing(RealisedValue::id));
        return found;
    }

    /** The counterparts of these conventions. */
    public List<Counterpart> counterpartsOfConventions(java.util.Collection<UUID> conventionIds) {
        List<Counterpart> found = new ArrayList<>();
        for (List<UUID> chunk : Times.chunks(conventionIds)) {
            dsl.selectFrom(COUNTERPART).where(COUNTERPART.CONVENTION_ID.in(chunk))
                    .forEach(r -> found.add(toCounterpart(r)));
        }
        found.sort(java.util.Comparator.comparing(Counterpart::id));
        return found;
    }

    public Optional<Engagement> findById(UUID id) {
        return dsl.selectFrom(ENGAGEMENT).where(ENGAGEMENT.ID.eq(id)).fetchOptional()
                .map(e -> toDomain(e, qpvsOf(ENGAGEMENT_QPV.ENGAGEMENT_ID.eq(id)).getOrDefault(id, Set.of()),
                        targetsOf(ENGAGEMENT_TARGET.ENGAGEMENT_ID.eq(id)).getOrDefault(id, List.of())));
    }

    private Map<UUID, Set<UUID>> qpvsOf(Condition condition) {
        Map<UUID, Set<UUID>> result = new HashMap<>();
        dsl.select(ENGAGEMENT_QPV.ENGAGEMENT_ID, ENGAGEMENT_QPV.QPV_ID).from(ENGAGEMENT_QPV).where(condition)
                .forEach(r -> result.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
        return result;
    }

    private Map<UUID, List<Target>> targetsOf(Condition condition) {
        Map<UUID, List<Target>> result = new HashMap<>();
        dsl.select(ENGAGEMENT_TARGET.ENGAGEMENT_ID, ENGAGEMENT_TARGET.INDICATOR_ID, ENGAGEMENT_TARGET.YEAR_NUMBER,
                        ENGAGEMENT_TARGET.TARGET_VALUE)
                .from(ENGAGEMENT_TARGET).where(condition)
                .orderBy(ENGAGEMENT_TARGET.YEAR_NUMBER)
                .forEach(r -> result.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new Target(r.value2(), r.value3(), r.value4())));
        return result;
    }

    private static Engagement toDomain(EngagementRecord r, Set<UUID> qpvs, List<Target> targets) {
        return new Engagement(Times.meta(r.getId(), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt()),
                r.getConventionId(), r.getActionTypeId(), r.getDescription(), qpvs, r.getPartnerId(),
                r.getFirstYear(), r.getLastYear(), EngagementStatus.valueOf(r.getStatus()), targets);
    }

    /**
     * Inserts or updates (optimistic lock) the engagement with its QPVs and targets; the
     * dashboard's figures follow in the same transaction.
     */
    public Engagement save(Engagement e) {
        return new DashboardFigures(dsl).tracking(e.conventionId(), () -> write(e));
    }

    /**
     * Writes engagements of one convention and realised values of its engagements (a spreadsheet
     * import's), the dashboard's figures following once for all of them, in the same transaction:
     * saved one by one, each would read and apply the convention's figures again.
     */
    public void saveAll(UUID conventionId, List<Engagement> engagements, List<RealisedValue> results) {
        new DashboardFigures(dsl).tracking(conventionId, () -> {
            engagements.forEach(this::write);
            results.forEach(this::write);
        });
    }

    private Engagement write(Engagement e) {
        EngagementRecord r = dsl.newRecord(ENGAGEMENT);
        r.setConventionId(e.conventionId());
        r.setActionTypeId(e.actionTypeId());
        r.setDescription(nullIfEmpty(e.description()));
        r.setPartnerId(e.partnerId());
        r.setFirstYear(e.firstYear());
        r.setLastYear(e.lastYear());
        r.setStatus(e.status().name());
        RecordMeta meta = VersionedWrites.store(dsl, r, e.meta(), RecordKind.ENGAGEMENT, () -> nameOf(e));
        // QPVs and targets are plain rows of the engagement, whose version was checked above
        dsl.deleteFrom(ENGAGEMENT_QPV).where(ENGAGEMENT_QPV.ENGAGEMENT_ID.eq(e.id())).execute();
        for (UUID qpv : e.qpvIds()) {
            dsl.insertInto(ENGAGEMENT_QPV).set(ENGAGEMENT_QPV.ENGAGEMENT_ID, e.id()).set(ENGAGEMENT_QPV.QPV_ID, qpv)
                    .execute();
        }
        dsl.deleteFrom(ENGAGEMENT_TARGET).where(ENGAGEMENT_TARGET.ENGAGEMENT_ID.eq(e.id())).execute();
        for (Target t : e.targets()) {
            dsl.insertInto(ENGAGEMENT_TARGET).set(ENGAGEMENT_TARGET.ENGAGEMENT_ID, e.id())
                    .set(ENGAGEMENT_TARGET.INDICATOR_ID, t.indicatorId())
                    .set(ENGAGEMENT_TARGET.YEAR_NUMBER, t.year())
                    .set(ENGAGEMENT_TARGET.TARGET_VALUE, t.value()).execute();
        }
        return e.withMeta(meta);
    }

    public void delete(Engagement e) {
        new DashboardFigures(dsl).tracking(e.conventionId(), () -> VersionedWrites.delete(dsl, ENGAGEMENT, e.meta(),
                RecordKind.ENGAGEMENT, () -> nameOf(e)));
    }

    /** What the user calls an engagement: its description, else its action type. */
    private String nameOf(Engagement e) {
        return !e.description().isEmpty() ? e.description()
                : dsl.select(ACTION_TYPE.NAME).from(ACTION_TYPE).where(ACTION_TYPE.ID.eq(e.actionTypeId()))
                .fetchOptional(ACTION_TYPE.NAME).orElse("");
    }

    /** A realised value as the user knows it: its indicator and year. */
    private String nameOf(RealisedValue v) {
        return dsl.select(INDICATOR.NAME).from(INDICATOR).where(INDICATOR.ID.eq(v.indicatorId()))
                .fetchOptional(INDICATOR.NAME).map(n -> n + ", " + v.year()).orElse(String.valueOf(v.year()));
    }

    /** Engagements and counterparts in which the organisation is the partner. */
    public int countByPartner(UUID organisationId) {
        return dsl.fetchCount(ENGAGEMENT, ENGAGEMENT.PARTNER_ID.eq(organisationId))
                + dsl.fetchCount(COUNTERPART, COUNTERPART.PARTNER_ID.eq(organisationId));
    }

    // --- Realised values (bilan) ------------------------------------------------------------

    /** The realised values of all the engagements of a convention. */
    public List<RealisedValue> results(UUID conventionId) {
        return dsl.select(ENGAGEMENT_RESULT.asterisk()).from(ENGAGEMENT_RESULT)
                .join(ENGAGEMENT).on(ENGAGEMENT.ID.eq(ENGAGEMENT_RESULT.ENGAGEMENT_ID))
                .where(ENGAGEMENT.CONVENTION_ID.eq(conventionId))
                .fetch(r -> toResult(r.into(ENGAGEMENT_RESULT)));
    }

    public Optional<RealisedValue> findResult(UUID engagementId, UUID indicatorId, int year) {
        return dsl.selectFrom(ENGAGEMENT_RESULT).where(ENGAGEMENT_RESULT.ENGAGEMENT_ID.eq(engagementId))
                .and(ENGAGEMENT_RESULT.INDICATOR_ID.eq(indicatorId)).and(ENGAGEMENT_RESULT.YEAR_NUMBER.eq(year))
                .fetchOptional().map(EngagementRepository::toResult);
    }

    /** Inserts or updates (optimistic lock) one realised value; the dashboard's figures follow. */
    public RealisedValue save(RealisedValue v) {
        return new DashboardFigures(dsl).tracking(conventionOf(v), () -> write(v));
    }

    private UUID conventionOf(RealisedValue v) {
        return dsl.select(ENGAGEMENT.CONVENTION_ID).from(ENGAGEMENT).where(ENGAGEMENT.ID.eq(v.engagementId()))
                .fetchOptional(ENGAGEMENT.CONVENTION_ID)
                .orElseThrow(() -> new StaleRecordException(RecordKind.ENGAGEMENT, ""));
    }

    private RealisedValue write(RealisedValue v) {
        EngagementResultRecord r = dsl.newRecord(ENGAGEMENT_RESULT);
        r.setEngagementId(v.engagementId());
        r.setIndicatorId(v.indicatorId());
        r.setYearNumber(v.year());
        r.setRealisedValue(v.value());
        r.setSource(v.source().name());
        r.setReceivedOn(v.receivedOn());
        r.setCommentText(nullIfEmpty(v.comment()));
        RecordMeta meta = VersionedWrites.store(dsl, r, v.meta(), RecordKind.RESULT, () -> nameOf(v));
        return new RealisedValue(meta, v.engagementId(), v.indicatorId(), v.year(), v.value(), v.source(),
                v.receivedOn(), v.comment());
    }

    public void delete(RealisedValue v) {
        new DashboardFigures(dsl).tracking(conventionOf(v), () -> VersionedWrites.delete(dsl, ENGAGEMENT_RESULT,
                v.meta(), RecordKind.RESULT, () -> nameOf(v)));
    }

    private static RealisedValue toResult(EngagementResultRecord r) {
        return new RealisedValue(Times.meta(r.getId(), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt()),
                r.getEngagementId(), r.getIndicatorId(), r.getYearNumber(), r.getRealisedValue(),
                ResultSource.valueOf(r.getSource()), r.getReceivedOn(), Times.text(r.getCommentText()));
    }

    // --- Counterparts -------------------------------------------------------------------------

    public List<Counterpart> counterparts(UUID conventionId) {
        return dsl.selectFrom(COUNTERPART).where(COUNTERPART.CONVENTION_ID.eq(conventionId))
                .orderBy(COUNTERPART.CREATED_AT).fetch(EngagementRepository::toCounterpart);
    }

    public Counterpart save(Counterpart c) {
        CounterpartRecord r = dsl.newRecord(COUNTERPART);
        r.setConventionId(c.conventionId());
        r.setPartnerId(c.partnerId());
        r.setEngagementId(c.engagementId());
        r.setDescription(c.description());
        RecordMeta meta = VersionedWrites.store(dsl, r, c.meta(), RecordKind.COUNTERPART, c::description);
        return new Counterpart(meta, c.conventionId(), c.partnerId(), c.engagementId(), c.description());
    }

    public void delete(Counterpart c) {
        VersionedWrites.delete(dsl, COUNTERPART, c.meta(), RecordKind.COUNTERPART, c::description);
    }

    private static Counterpart toCounterpart(CounterpartRecord r) {
        return new Counterpart(Times.meta(r.getId(), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt()),
                r.getConventionId(), r.getPartnerId(), r.getEngagementId(), r.getDescription());
    }

    // --- Totals -------------------------------------------------------------------------------

    public List<IndicatorTotal> totalsByIndicator(UUID conventionId) {
        return totals(ENGAGEMENT.CONVENTION_ID.eq(conventionId), false);
    }

    public List<IndicatorTotal> totalsByAxis(UUID conventionId) {
        return totals(ENGAGEMENT.CONVENTION_ID.eq(conventionId), true);
    }

    public List<IndicatorTotal> companyTotalsByIndicator(UUID companyId) {
        return totals(CONVENTION.COMPANY_ID.eq(companyId), false);
    }

    public List<IndicatorTotal> companyTotalsByAxis(UUID companyId) {
        return totals(CONVENTION.COMPANY_ID.eq(companyId), true);
    }

    /**
     * Targets added up per indicator (and per PaQte axis when asked) over all years, abandoned
     * engagements left out. An indicator that does not sum counts the engagements aiming at it.
     */
    private List<IndicatorTotal> totals(Condition scope, boolean byAxis) {
        Field<BigDecimal> sum = DSL.sum(ENGAGEMENT_TARGET.TARGET_VALUE);
        Field<BigDecimal> positive = DSL.sum(DSL.when(ENGAGEMENT_TARGET.TARGET_VALUE.gt(BigDecimal.ZERO),
                BigDecimal.ONE).otherwise(BigDecimal.ZERO));
        Field<Integer> engagements = DSL.countDistinct(ENGAGEMENT.ID);
        Field<String> axis = byAxis ? ACTION_TYPE.PAQTE_AXIS : DSL.inline((String) null, String.class);
        var query = dsl.select(axis, INDICATOR.ID, INDICATOR.NAME, INDICATOR.UNIT, INDICATOR.SUMMABLE,
                        INDICATOR.POSITION, ENGAGEMENT_CATEGORY.POSITION, sum, positive, engagements)
                .from(ENGAGEMENT_TARGET)
                .join(ENGAGEMENT).on(ENGAGEMENT.ID.eq(ENGAGEMENT_TARGET.ENGAGEMENT_ID))
                .join(CONVENTION).on(CONVENTION.ID.eq(ENGAGEMENT.CONVENTION_ID))
                .join(ACTION_TYPE).on(ACTION_TYPE.ID.eq(ENGAGEMENT.ACTION_TYPE_ID))
                .join(INDICATOR).on(INDICATOR.ID.eq(ENGAGEMENT_TARGET.INDICATOR_ID))
                .join(ENGAGEMENT_CATEGORY).on(ENGAGEMENT_CATEGORY.ID.eq(INDICATOR.CATEGORY_ID))
                .where(scope).and(ENGAGEMENT.STATUS.ne(EngagementStatus.ABANDONED.name()));
        var grouped = byAxis
                ? query.groupBy(ACTION_TYPE.PAQTE_AXIS, INDICATOR.ID, INDICATOR.NAME, INDICATOR.UNIT,
                        INDICATOR.SUMMABLE, INDICATOR.POSITION, ENGAGEMENT_CATEGORY.POSITION)
                : query.groupBy(INDICATOR.ID, INDICATOR.NAME, INDICATOR.UNIT, INDICATOR.SUMMABLE, INDICATOR.POSITION,
                        ENGAGEMENT_CATEGORY.POSITION);
        List<IndicatorTotal> totals = grouped.orderBy(ENGAGEMENT_CATEGORY.POSITION, INDICATOR.POSITION)
                .fetch(r -> {
                    boolean summable = r.get(INDICATOR.SUMMABLE);
                    String a = r.get(axis);
                    return new IndicatorTotal(a == null ? null : PaqteAxis.valueOf(a), r.get(INDICATOR.ID),
                            r.get(INDICATOR.NAME), IndicatorUnit.valueOf(r.get(INDICATOR.UNIT)), summable,
                            summable ? r.get(sum) : r.get(positive), r.get(engagements));
                });
        if (byAxis) {
            // the order of the PaQte (sensibiliser, former, recruter, acheter), action types without axis last
            totals = new ArrayList<>(totals);
            totals.sort(java.util.Comparator.comparingInt(t -> t.axis() == null ? Integer.MAX_VALUE : t.axis().ordinal()));
        }
        return totals;
    }

    /** For the conventions list filters: the (category, action type, axis) of each convention's engagements. */
    public Map<UUID, List<EngagementFacet>> facets() {
        Map<UUID, List<EngagementFacet>> result = new HashMap<>();
        dsl.selectDistinct(ENGAGEMENT.CONVENTION_ID, ACTION_TYPE.CATEGORY_ID, ACTION_TYPE.ID, ACTION_TYPE.PAQTE_AXIS)
                .from(ENGAGEMENT).join(ACTION_TYPE).on(ACTION_TYPE.ID.eq(ENGAGEMENT.ACTION_TYPE_ID))
                .forEach(r -> result.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(new EngagementFacet(
                        r.value2(), r.value3(), r.value4() == null ? null : PaqteAxis.valueOf(r.value4()))));
        return result;
    }
}
