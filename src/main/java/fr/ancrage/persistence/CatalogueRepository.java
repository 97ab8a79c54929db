package fr.ancrage.persistence;

import fr.ancrage.domain.ActionType;
import fr.ancrage.domain.Catalogue;
import fr.ancrage.domain.EngagementCategory;
import fr.ancrage.domain.Indicator;
import fr.ancrage.domain.IndicatorUnit;
import fr.ancrage.domain.PaqteAxis;
import fr.ancrage.domain.RecordKind;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.persistence.jooq.tables.records.ActionTypeRecord;
import fr.ancrage.persistence.jooq.tables.records.EngagementCategoryRecord;
import fr.ancrage.persistence.jooq.tables.records.IndicatorRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static fr.ancrage.persistence.Times.nullIfEmpty;
import static fr.ancrage.persistence.jooq.Tables.ACTION_TYPE;
import static fr.ancrage.persistence.jooq.Tables.ACTION_TYPE_INDICATOR;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_CATEGORY;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT_TARGET;
import static fr.ancrage.persistence.jooq.Tables.INDICATOR;

/** The engagement catalogue: categories, action types (with their indicators) and indicators. */
public final class CatalogueRepository {

    private final DSLContext dsl;

    CatalogueRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Catalogue load() {
        List<EngagementCategory> categories = dsl.selectFrom(ENGAGEMENT_CATEGORY).fetch(r -> new EngagementCategory(
                Times.meta(r.getId(), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt()), r.getCode(), r.getName(),
                r.getPosition(), r.getActive()));
        Map<UUID, List<UUID>> links = dsl.selectFrom(ACTION_TYPE_INDICATOR)
                .orderBy(ACTION_TYPE_INDICATOR.POSITION)
                .fetchGroups(ACTION_TYPE_INDICATOR.ACTION_TYPE_ID, ACTION_TYPE_INDICATOR.INDICATOR_ID);
        List<ActionType> types = dsl.selectFrom(ACTION_TYPE).fetch(r -> new ActionType(
                Times.meta(r.getId(), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt()), r.getCategoryId(),
                r.getCode(), r.getName(), r.getPaqteAxis() == null ? null : PaqteAxis.valueOf(r.getPaqteAxis()),
                r.getPosition(), r.getActive(), links.getOrDefault(r.getId(), List.of())));
        List<Indicator> indicators = dsl.selectFrom(INDICATOR).fetch(r -> new Indicator(
                Times.meta(r.getId(), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt()), r.getCategoryId(),
                r.getCode(), r.getName(), IndicatorUnit.valueOf(r.getUnit()), r.getSummable(), r.getPosition(),
                r.getActive()));
        return new Catalogue(categories, types, indicators);
    }

    public EngagementCategory save(EngagementCategory c) {
        EngagementCategoryRecord r = dsl.newRecord(ENGAGEMENT_CATEGORY);
        r.setCode(nullIfEmpty(c.code()));
        r.setName(c.name());
        r.setPosition(c.position());
        r.setActive(c.active());
        RecordMeta meta = VersionedWrites.store(dsl, r, c.meta(), RecordKind.CATEGORY, c::name);
        return new EngagementCategory(meta, c.code(), c.name(), c.position(), c.active());
    }

    public Indicator save(Indicator i) {
        IndicatorRecord r = dsl.newRecord(INDICATOR);
        r.setCategoryId(i.categoryId());
        r.setCode(nullIfEmpty(i.code()));
        r.setName(i.name());
        r.setUnit(i.unit().name());
        r.setSummable(i.summable());
        r.setPosition(i.position());
        r.setActive(i.active());
        RecordMeta meta = VersionedWrites.store(dsl, r, i.meta(), RecordKind.INDICATOR, i::name);
        return new Indicator(meta, i.categoryId(), i.code(), i.name(), i.unit(), i.summable(), i.position(),
                i.active());
    }

    /** Saves the action type and the ordered list of indicators its form asks for. */
    public ActionType save(ActionType t) {
        ActionTypeRecord r = dsl.newRecord(ACTION_TYPE);
        r.setCategoryId(t.categoryId());
        r.setCode(nullIfEmpty(t.code()));
        r.setName(t.name());
        r.setPaqteAxis(t.axis() == null ? null : t.axis().name());
        r.setPosition(t.position());
        r.setActive(t.active());
        RecordMeta meta = VersionedWrites.store(dsl, r, t.meta(), RecordKind.ACTION_TYPE, t::name);
        // the form's indicators are part of the action type, whose version was checked above
        dsl.deleteFrom(ACTION_TYPE_INDICATOR).where(ACTION_TYPE_INDICATOR.ACTION_TYPE_ID.eq(t.id())).execute();
        int position = 1;
        for (UUID indicator : t.indicatorIds()) {
            dsl.insertInto(ACTION_TYPE_INDICATOR).set(ACTION_TYPE_INDICATOR.ACTION_TYPE_ID, t.id())
                    .set(ACTION_TYPE_INDICATOR.INDICATOR_ID, indicator)
                    .set(ACTION_TYPE_INDICATOR.POSITION, position++).execute();
        }
        return new ActionType(meta, t.categoryId(), t.code(), t.name(), t.axis(), t.position(), t.active(),
                t.indicatorIds());
    }

    /** Next position at the end of a list (categories, or the action types / indicators of a category). */
    public int nextCategoryPosition() {
        return dsl.select(DSL.coalesce(DSL.max(ENGAGEMENT_CATEGORY.POSITION), 0)).from(ENGAGEMENT_CATEGORY)
                .fetchSingle().value1() + 1;
    }

    public int nextActionTypePosition(UUID categoryId) {
        return dsl.select(DSL.coalesce(DSL.max(ACTION_TYPE.POSITION), 0)).from(ACTION_TYPE)
                .where(ACTION_TYPE.CATEGORY_ID.eq(categoryId)).fetchSingle().value1() + 1;
    }

    public int nextIndicatorPosition(UUID categoryId) {
        return dsl.select(DSL.coalesce(DSL.max(INDICATOR.POSITION), 0)).from(INDICATOR)
                .where(INDICATOR.CATEGORY_ID.eq(categoryId)).fetchSingle().value1() + 1;
    }

    /** Engagements using each action type (only those used appear). */
    public Map<UUID, Integer> actionTypeUse() {
        return dsl.select(ENGAGEMENT.ACTION_TYPE_ID, DSL.count()).from(ENGAGEMENT).groupBy(ENGAGEMENT.ACTION_TYPE_ID)
                .fetch().stream().collect(Collectors.toMap(r -> r.value1(), r -> r.value2()));
    }

    /** Targets set on each indicator (only those used appear). */
    public Map<UUID, Integer> indicatorUse() {
        return dsl.select(ENGAGEMENT_TARGET.INDICATOR_ID, DSL.count()).from(ENGAGEMENT_TARGET)
                .groupBy(ENGAGEMENT_TARGET.INDICATOR_ID)
                .fetch().stream().collect(Collectors.toMap(r -> r.value1(), r -> r.value2()));
    }

    public boolean categoryUsed(UUID categoryId) {
        return dsl.fetchExists(dsl.selectOne().from(ENGAGEMENT).join(ACTION_TYPE)
                .on(ACTION_TYPE.ID.eq(ENGAGEMENT.ACTION_TYPE_ID)).where(ACTION_TYPE.CATEGORY_ID.eq(categoryId)));
    }

    /** Deletes the category if nobody changed it since it was read. */
    public void deleteCategory(EngagementCategory c) {
        VersionedWrites.delete(dsl, ENGAGEMENT_CATEGORY, c.meta(), RecordKind.CATEGORY, c::name);
    }

    /** Deletes the action type (its form goes with it) if nobody changed it since it was read. */
    public void deleteActionType(ActionType t) {
        VersionedWrites.delete(dsl, ACTION_TYPE, t.meta(), RecordKind.ACTION_TYPE, t::name);
    }

    /**
     * Deletes the indicator if nobody changed it since it was read, and takes it out of every action
     * type's form: those action types get a new version, so that a form being edited elsewhere with
     * the indicator in it is refused instead of pointing at nothing.
     */
    public void deleteIndicator(Indicator i) {
        VersionedWrites.bump(dsl, ACTION_TYPE, ACTION_TYPE.ID.in(DSL.select(ACTION_TYPE_INDICATOR.ACTION_TYPE_ID)
                .from(ACTION_TYPE_INDICATOR).where(ACTION_TYPE_INDICATOR.INDICATOR_ID.eq(i.id()))));
        dsl.deleteFrom(ACTION_TYPE_INDICATOR).where(ACTION_TYPE_INDICATOR.INDICATOR_ID.eq(i.id())).execute();
        VersionedWrites.delete(dsl, INDICATOR, i.meta(), RecordKind.INDICATOR, i::name);
    }
}
