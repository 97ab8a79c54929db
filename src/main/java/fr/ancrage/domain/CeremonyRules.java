package fr.ancrage.domain;

import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.TextLimits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Consistency rules of a ceremony, field by field (keys are resource-bundle keys). */
public final class CeremonyRules {

    public static final String TITLE = "ceremonyTitle";
    public static final String DATE = "ceremonyDate";
    public static final String PLACE = "place";
    public static final String HOST = "host";
    public static final String PARTNERS = "partners";
    public static final String PRESS = "press";
    public static final String NOTES = "notes";
    public static final String PROGRAMME = "programme";
    public static final String TASKS = "tasks";
    /** Room for the partners and press lines (several names). */
    public static final int LIST = 1000;

    private CeremonyRules() {
    }

    /** Issues per field name; an empty map means the ceremony can be saved. */
    public static Map<String, List<Issue>> check(Ceremony c) {
        Map<String, List<Issue>> issues = new LinkedHashMap<>();
        if (c.title().isEmpty()) {
            add(issues, TITLE, Issue.error("validation.ceremony.title.required"));
        }
        if (c.date() == null) {
            add(issues, DATE, Issue.error("validation.ceremony.date.required"));
        }
        TextLimits.check(issues, TITLE, c.title(), TextLimits.NAME);
        TextLimits.check(issues, PLACE, c.place(), TextLimits.ADDRESS);
        TextLimits.check(issues, HOST, c.host(), TextLimits.TITLE);
        TextLimits.check(issues, PARTNERS, c.partners(), LIST);
        TextLimits.check(issues, PRESS, c.press(), LIST);
        TextLimits.check(issues, NOTES, c.notes(), TextLimits.NOTES);
        int line = 1;
        for (ProgrammeItem p : c.programme()) {
            if (p.subject().isEmpty()) {
                add(issues, PROGRAMME, Issue.error("validation.ceremony.programme.subject", line));
            }
            TextLimits.check(issues, PROGRAMME, "fieldName.subject", p.subject(), TextLimits.NAME);
            TextLimits.check(issues, PROGRAMME, "fieldName.speaker", p.speaker(), TextLimits.TITLE);
            TextLimits.check(issues, PROGRAMME, "fieldName.speakerTitle", p.speakerTitle(), TextLimits.TITLE);
            line++;
        }
        line = 1;
        for (CeremonyTask t : c.tasks()) {
            if (t.label().isEmpty()) {
                add(issues, TASKS, Issue.error("validation.ceremony.task.label", line));
            }
            TextLimits.check(issues, TASKS, "fieldName.task", t.label(), TextLimits.NAME);
            TextLimits.check(issues, TASKS, "fieldName.owner", t.owner(), TextLimits.TITLE);
            line++;
        }
        return issues;
    }

    /** Issues of the default checklist, under {@link #TASKS}. */
    public static Map<String, List<Issue>> checkTemplates(List<TaskTemplate> templates) {
        Map<String, List<Issue>> issues = new LinkedHashMap<>();
        int line = 1;
        for (TaskTemplate t : templates) {
            if (t.label().isEmpty()) {
                add(issues, TASKS, Issue.error("validation.ceremony.task.label", line));
            }
            if (t.daysBefore() != null && (t.daysBefore() < 0 || t.daysBefore() > 365)) {
                add(issues, TASKS, Issue.error("validation.ceremony.task.daysBefore", line));
            }
            TextLimits.check(issues, TASKS, "fieldName.task", t.label(), TextLimits.NAME);
            TextLimits.check(issues, TASKS, "fieldName.owner", t.owner(), TextLimits.TITLE);
            line++;
        }
        return issues;
    }

    private static void add(Map<String, List<Issue>> issues, String field, Issue issue) {
        issues.computeIfAbsent(field, k -> new ArrayList<>()).add(issue);
    }
}
