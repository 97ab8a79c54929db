package fr.ancrage.persistence;

import fr.ancrage.domain.Attendance;
import fr.ancrage.domain.Ceremony;
import fr.ancrage.domain.CeremonyItem;
import fr.ancrage.domain.CeremonyListItem;
import fr.ancrage.domain.CeremonySignatory;
import fr.ancrage.domain.CeremonyTask;
import fr.ancrage.domain.ConventionStatus;
import fr.ancrage.domain.EngagementStatus;
import fr.ancrage.domain.ProgrammeItem;
import fr.ancrage.domain.RecordKind;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.SignatoryRole;
import fr.ancrage.domain.StaleRecordException;
import fr.ancrage.domain.TaskTemplate;
import fr.ancrage.persistence.jooq.tables.Organisation;
import fr.ancrage.persistence.jooq.tables.records.CeremonyAttendanceRecord;
import fr.ancrage.persistence.jooq.tables.records.CeremonyConventionRecord;
import fr.ancrage.persistence.jooq.tables.records.CeremonyProgrammeItemRecord;
import fr.ancrage.persistence.jooq.tables.records.CeremonyRecord;
import fr.ancrage.persistence.jooq.tables.records.CeremonyTaskRecord;
import fr.ancrage.persistence.jooq.tables.records.CeremonyTaskTemplateRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static fr.ancrage.persistence.Times.nullIfEmpty;
import static fr.ancrage.persistence.jooq.Tables.CEREMONY;
import static fr.ancrage.persistence.jooq.Tables.CEREMONY_ATTENDANCE;
import static fr.ancrage.persistence.jooq.Tables.CEREMONY_CONVENTION;
import static fr.ancrage.persistence.jooq.Tables.CEREMONY_PROGRAMME_ITEM;
import static fr.ancrage.persistence.jooq.Tables.CEREMONY_TASK;
import static fr.ancrage.persistence.jooq.Tables.CEREMONY_TASK_TEMPLATE;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION;
import static fr.ancrage.persistence.jooq.Tables.CONVENTION_SIGNATORY;
import static fr.ancrage.persistence.jooq.Tables.ENGAGEMENT;
import static fr.ancrage.persistence.jooq.Tables.EPCI;
import static fr.ancrage.persistence.jooq.Tables.ORGANISATION;

/**
 * Ceremonies (with their programme and tasks, one aggregate), the conventions each one is to sign
 * in signing order, and the attendance of their signatories.
 */
public final class CeremonyRepository {

    private final DSLContext dsl;

    CeremonyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The ceremonies, the latest first, with how many conventions each has and has signed. */
    public List<CeremonyListItem> list() {
        Field<Integer> conventions = DSL.field(DSL.selectCount().from(CEREMONY_CONVENTION)
                .where(CEREMONY_CONVENTION.CEREMONY_ID.eq(CEREMONY.ID))).as("conventions");
        Field<Integer> signed = DSL.field(DSL.selectCount().from(CEREMONY_CONVENTION)
                .where(CEREMONY_CONVENTION.CEREMONY_ID.eq(CEREMONY.ID))
                .and(CEREMONY_CONVENTION.SIGNED.isTrue())).as("signed");
        return dsl.select(CEREMONY.ID, CEREMONY.TITLE, CEREMONY.CEREMONY_DATE, CEREMONY.PLACE, CEREMONY.CLOSED_ON,
                        conventions, signed)
                .from(CEREMONY)
                .orderBy(CEREMONY.CEREMONY_DATE.desc(), CEREMONY.TITLE)
                .fetch(r -> new CeremonyListItem(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7()));
    }

    public Optional<Ceremony> findById(UUID id) {
        return dsl.selectFrom(CEREMONY).where(CEREMONY.ID.eq(id)).fetchOptional().map(this::toDomain);
    }

    /** Inserts or updates (optimistic lock) the ceremony with its programme and tasks. */
    public Ceremony save(Ceremony c) {
        CeremonyRecord r = dsl.newRecord(CEREMONY);
        r.setTitle(c.title());
        r.setCeremonyDate(c.date());
        r.setStartTime(c.startTime());
        r.setPlace(nullIfEmpty(c.place()));
        r.setHost(nullIfEmpty(c.host()));
        r.setPartners(nullIfEmpty(c.partners()));
        r.setPress(nullIfEmpty(c.press()));
        r.setNotes(nullIfEmpty(c.notes()));
        r.setClosedOn(c.closedOn());
        RecordMeta meta = VersionedWrites.store(dsl, r, c.meta(), RecordKind.CEREMONY, c::title);
        // the programme and the tasks are written only with their ceremony, whose version was checked above
        new ChildRows<CeremonyProgrammeItemRecord, ProgrammeItem>(dsl, CEREMONY_PROGRAMME_ITEM,
                CEREMONY_PROGRAMME_ITEM.ID, ProgrammeItem::meta, (p, item) -> {
            p.setCeremonyId(c.id());
            p.setStartTime(item.time());
            p.setSpeaker(nullIfEmpty(item.speaker()));
            p.setSpeakerTitle(nullIfEmpty(item.speakerTitle()));
            p.setSubject(item.subject());
        }, RecordKind.PROGRAMME_ITEM, ProgrammeItem::subject).replace(CEREMONY_PROGRAMME_ITEM.CEREMONY_ID.eq(c.id()), c.programme());
        new ChildRows<CeremonyTaskRecord, CeremonyTask>(dsl, CEREMONY_TASK, CEREMONY_TASK.ID, CeremonyTask::meta,
                (t, task) -> {
            t.setCeremonyId(c.id());
            t.setLabel(task.label());
            t.setOwner(nullIfEmpty(task.owner()));
            t.setDueDate(task.dueDate());
            t.setDone(task.done());
        }, RecordKind.CEREMONY_TASK, CeremonyTask::label).replace(CEREMONY_TASK.CEREMONY_ID.eq(c.id()), c.tasks());
        return findById(meta.id()).orElseThrow(() -> new StaleRecordException(RecordKind.CEREMONY, c.title()));
    }

    public void delete(Ceremony c) {
        VersionedWrites.delete(dsl, CEREMONY, c.meta(), RecordKind.CEREMONY, c::title);
    }

    /**
     * The conventions of a ceremony in signing order, with their company, engagement count and
     * signatories (in the convention's order) with their attendance: three queries.
     */
    public List<CeremonyItem> items(UUID ceremonyId) {
        Field<Integer> engagements = DSL.field(DSL.selectCount().from(ENGAGEMENT)
                .where(ENGAGEMENT.CONVENTION_ID.eq(CONVENTION.ID))
                .and(ENGAGEMENT.STATUS.ne(EngagementStatus.ABANDONED.name()))).as("engagements");
        var rows = dsl.select(CEREMONY_CONVENTION.asterisk(), CONVENTION.REFERENCE, CONVENTION.TITLE,
                        CONVENTION.STATUS, CONVENTION.COMPANY_ID, ORGANISATION.LEGAL_NAME, EPCI.NAME, engagements)
                .from(CEREMONY_CONVENTION)
                .join(CONVENTION).on(CONVENTION.ID.eq(CEREMONY_CONVENTION.CONVENTION_ID))
                .join(ORGANISATION).on(ORGANISATION.ID.eq(CONVENTION.COMPANY_ID))
                .leftJoin(EPCI).on(EPCI.SIREN.eq(CONVENTION.EPCI_SIREN))
                .where(CEREMONY_CONVENTION.CEREMONY_ID.eq(ceremonyId))
                .orderBy(CEREMONY_CONVENTION.POSITION, CONVENTION.REFERENCE)
                .fetch();
        Map<UUID, List<CeremonySignatory>> signatories = signatories(ceremonyId);
        return rows.map(r -> {
            CeremonyConventionRecord link = r.into(CEREMONY_CONVENTION);
            return new CeremonyItem(Times.meta(link.getId(), link.getVersion(), link.getCreatedAt(),
                    link.getUpdatedAt()), ceremonyId, link.getPosition(), link.getSigned(), link.getConventionId(),
                    r.get(CONVENTION.REFERENCE), r.get(CONVENTION.TITLE),
                    ConventionStatus.valueOf(r.get(CONVENTION.STATUS)), r.get(CONVENTION.COMPANY_ID),
                    r.get(ORGANISATION.LEGAL_NAME), Times.text(r.get(EPCI.NAME)), r.get(engagements),
                    signatories.getOrDefault(link.getConventionId(), List.of()));
        });
    }

    private Map<UUID, List<CeremonySignatory>> signatories(UUID ceremonyId) {
        Organisation org = ORGANISATION.as("signatory_org");
        Map<UUID, List<CeremonySignatory>> found = new HashMap<>();
        dsl.select(CONVENTION_SIGNATORY.asterisk(), CEREMONY_ATTENDANCE.ATTENDANCE, org.LEGAL_NAME)
                .from(CEREMONY_CONVENTION)
                .join(CONVENTION_SIGNATORY).on(CONVENTION_SIGNATORY.CONVENTION_ID.eq(CEREMONY_CONVENTION.CONVENTION_ID))
                .leftJoin(CEREMONY_ATTENDANCE).on(CEREMONY_ATTENDANCE.SIGNATORY_ID.eq(CONVENTION_SIGNATORY.ID))
                .and(CEREMONY_ATTENDANCE.CEREMONY_ID.eq(ceremonyId))
                .leftJoin(org).on(org.ID.eq(CONVENTION_SIGNATORY.ORGANISATION_ID))
                .where(CEREMONY_CONVENTION.CEREMONY_ID.eq(ceremonyId))
                .orderBy(CONVENTION_SIGNATORY.POSITION)
                .forEach(r -> {
                    String attendance = r.get(CEREMONY_ATTENDANCE.ATTENDANCE);
                    found.computeIfAbsent(r.get(CONVENTION_SIGNATORY.CONVENTION_ID), k -> new ArrayList<>())
                            .add(new CeremonySignatory(r.get(CONVENTION_SIGNATORY.ID),
                                    r.get(CONVENTION_SIGNATORY.POSITION),
                                    SignatoryRole.valueOf(r.get(CONVENTION_SIGNATORY.ROLE)),
                                    r.get(CONVENTION_SIGNATORY.FULL_NAME), r.get(CONVENTION_SIGNATORY.JOB_TITLE),
                                    r.get(org.LEGAL_NAME),
                                    attendance == null ? Attendance.INVITED : Attendance.valueOf(attendance)));
                });
        return found;
    }

    /** Puts the convention last in the ceremony's signing order. */
    public void add(UUID ceremonyId, UUID conventionId) {
        Integer last = dsl.select(DSL.max(CEREMONY_CONVENTION.POSITION)).from(CEREMONY_CONVENTION)
                .where(CEREMONY_CONVENTION.CEREMONY_ID.eq(ceremonyId)).fetchOne(0, Integer.class);
        CeremonyConventionRecord r = dsl.newRecord(CEREMONY_CONVENTION);
        r.setCeremonyId(ceremonyId);
        r.setConventionId(conventionId);
        r.setPosition(last == null ? 1 : last + 1);
        r.setSigned(false);
        VersionedWrites.store(dsl, r, RecordMeta.fresh(), RecordKind.CEREMONY_CONVENTION, () -> "");
    }

    /** Takes the convention out of the ceremony, with its signatories' attendance, if its line is as read. */
    public void remove(CeremonyItem item) {
        VersionedWrites.delete(dsl, CEREMONY_CONVENTION, item.meta(), RecordKind.CEREMONY_CONVENTION, item::reference);
        dsl.deleteFrom(CEREMONY_ATTENDANCE).where(CEREMONY_ATTENDANCE.CEREMONY_ID.eq(item.ceremonyId()))
                .and(CEREMONY_ATTENDANCE.SIGNATORY_ID.in(DSL.select(CONVENTION_SIGNATORY.ID).from(CONVENTION_SIGNATORY)
                        .where(CONVENTION_SIGNATORY.CONVENTION_ID.eq(item.conventionId()))))
                .execute();
    }

    /**
     * The signing order becomes {@code items}' order (every line of the ceremony, as the user saw
     * them): refused if a line changed since (moved, answered, signed elsewhere), so that two
     * people ordering at once do not mix their orders; only the lines that moved get a new version.
     */
    public List<CeremonyItem> reorder(UUID ceremonyId, List<CeremonyItem> items) {
        Map<UUID, Integer> stored = dsl.select(CEREMONY_CONVENTION.ID, CEREMONY_CONVENTION.VERSION)
                .from(CEREMONY_CONVENTION).where(CEREMONY_CONVENTION.CEREMONY_ID.eq(ceremonyId))
                .fetchMap(CEREMONY_CONVENTION.ID, CEREMONY_CONVENTION.VERSION);
        for (CeremonyItem item : items) {
            if (!Integer.valueOf(item.meta().version()).equals(stored.get(item.id()))) {
                throw new StaleRecordException(RecordKind.CEREMONY_CONVENTION, item.reference());
            }
        }
        int position = 1;
        for (CeremonyItem item : items) {
            if (item.position() != position) {
                VersionedWrites.update(dsl, CEREMONY_CONVENTION, item.meta(),
                        Map.of(CEREMONY_CONVENTION.POSITION, position), RecordKind.CEREMONY_CONVENTION, item::reference);
            }
            position++;
        }
        return items(ceremonyId);
    }

    /**
     * Records where a signatory stands for the ceremony, if the answer is still the one the user
     * saw ({@code seen}); else {@link StaleRecordException}. The convention's line in the ceremony
     * gets a new version, so that a closing or a reordering that read the line before is refused.
     */
    public void setAttendance(UUID ceremonyId, CeremonySignatory seen, Attendance attendance) {
        CeremonyAttendanceRecord r = dsl.selectFrom(CEREMONY_ATTENDANCE)
                .where(CEREMONY_ATTENDANCE.CEREMONY_ID.eq(ceremonyId))
                .and(CEREMONY_ATTENDANCE.SIGNATORY_ID.eq(seen.signatoryId())).fetchOne();
        Attendance stored = r == null ? Attendance.INVITED : Attendance.valueOf(r.getAttendance());
        if (stored != seen.attendance()) {
            throw new StaleRecordException(RecordKind.SIGNATORY, seen.fullName());
        }
        if (stored == attendance) {
            return;
        }
        RecordMeta read = r == null ? RecordMeta.fresh()
                : Times.meta(r.getId(), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt());
        if (r == null) {
            r = dsl.newRecord(CEREMONY_ATTENDANCE);
            r.setCeremonyId(ceremonyId);
            r.setSignatoryId(seen.signatoryId());
        }
        r.setAttendance(attendance.name());
        VersionedWrites.store(dsl, r, read, RecordKind.SIGNATORY, seen::fullName);
        VersionedWrites.bump(dsl, CEREMONY_CONVENTION, CEREMONY_CONVENTION.CEREMONY_ID.eq(ceremonyId)
                .and(CEREMONY_CONVENTION.CONVENTION_ID.in(DSL.select(CONVENTION_SIGNATORY.CONVENTION_ID)
                        .from(CONVENTION_SIGNATORY).where(CONVENTION_SIGNATORY.ID.eq(seen.signatoryId())))));
    }

    /**
     * Whether closing the ceremony signed the convention (reopening sets it back), if its line is
     * still as read in the closing's transaction (no answer recorded meanwhile).
     */
    public void markSigned(CeremonyItem item, boolean signed) {
        VersionedWrites.update(dsl, CEREMONY_CONVENTION, item.meta(), Map.of(CEREMONY_CONVENTION.SIGNED, signed),
                RecordKind.CEREMONY_CONVENTION, item::reference);
    }

    /** The open ceremonies holding each convention that is in one: convention id → ceremony. */
    public Map<UUID, CeremonyListItem> openCeremoniesByConvention() {
        Map<UUID, CeremonyListItem> open = new LinkedHashMap<>();
        Map<UUID, CeremonyListItem> ceremonies = new HashMap<>();
        list().stream().filter(c -> !c.closed()).forEach(c -> ceremonies.put(c.id(), c));
        dsl.select(CEREMONY_CONVENTION.CONVENTION_ID, CEREMONY_CONVENTION.CEREMONY_ID).from(CEREMONY_CONVENTION)
                .join(CEREMONY).on(CEREMONY.ID.eq(CEREMONY_CONVENTION.CEREMONY_ID))
                .where(CEREMONY.CLOSED_ON.isNull())
                .forEach(r -> open.put(r.value1(), ceremonies.get(r.value2())));
        return open;
    }

    /** The default checklist of a new ceremony. */
    public List<TaskTemplate> templates() {
        return dsl.selectFrom(CEREMONY_TASK_TEMPLATE).orderBy(CEREMONY_TASK_TEMPLATE.POSITION)
                .fetch(r -> new TaskTemplate(Times.meta(r.getId(), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt()),
                        r.getLabel(), r.getOwner(), r.getDaysBefore()));
    }

    /**
     * Replaces the default checklist, if it is still the one the user read ({@code read}): the list
     * has no row of its own to carry a version, so its lines' versions are compared.
     */
    public List<TaskTemplate> saveTemplates(List<TaskTemplate> read, List<TaskTemplate> templates) {
        new ChildRows<CeremonyTaskTemplateRecord, TaskTemplate>(dsl, CEREMONY_TASK_TEMPLATE,
                CEREMONY_TASK_TEMPLATE.ID, TaskTemplate::meta, (r, t) -> {
            r.setLabel(t.label());
            r.setOwner(nullIfEmpty(t.owner()));
            r.setDaysBefore(t.daysBefore());
        }, RecordKind.TASK_TEMPLATES, t -> "").replace(DSL.noCondition(), read, templates);
        return templates();
    }

    private Ceremony toDomain(CeremonyRecord r) {
        List<ProgrammeItem> programme = dsl.selectFrom(CEREMONY_PROGRAMME_ITEM)
                .where(CEREMONY_PROGRAMME_ITEM.CEREMONY_ID.eq(r.getId())).orderBy(CEREMONY_PROGRAMME_ITEM.POSITION)
                .fetch(p -> new ProgrammeItem(Times.meta(p.getId(), p.getVersion(), p.getCreatedAt(), p.getUpdatedAt()),
                        p.getStartTime(), p.getSpeaker(), p.getSpeakerTitle(), p.getSubject()));
        List<CeremonyTask> tasks = dsl.selectFrom(CEREMONY_TASK)
                .where(CEREMONY_TASK.CEREMONY_ID.eq(r.getId())).orderBy(CEREMONY_TASK.POSITION)
                .fetch(t -> new CeremonyTask(Times.meta(t.getId(), t.getVersion(), t.getCreatedAt(), t.getUpdatedAt()),
                        t.getLabel(), t.getOwner(), t.getDueDate(), t.getDone()));
        return new Ceremony(Times.meta(r.getId(), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt()), r.getTitle(),
                r.getCeremonyDate(), r.getStartTime(), r.getPlace(), r.getHost(), r.getPartners(), r.getPress(),
                r.getNotes(), r.getClosedOn(), programme, tasks);
    }
}
