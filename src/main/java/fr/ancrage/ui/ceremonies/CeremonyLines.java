package fr.ancrage.ui.ceremonies;

import fr.ancrage.domain.CeremonyTask;
import fr.ancrage.domain.ProgrammeItem;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.TaskTemplate;
import fr.ancrage.domain.validation.TextLimits;
import fr.ancrage.ui.common.Formats;
import fr.ancrage.ui.common.UiContext;
import javafx.stage.Window;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** The dialogs of one task, one moment of the programme, one task of the default checklist. */
final class CeremonyLines {

    private final UiContext ui;

    CeremonyLines(UiContext ui) {
        this.ui = ui;
    }

    Optional<CeremonyTask> task(Window owner, CeremonyTask task) {
        var i18n = ui.i18n();
        return new LineDialog<CeremonyTask>(ui).show(owner, i18n.get(task == null ? "ceremonies.tasks.new"
                : "ceremonies.tasks.edit"), List.of(
                new LineDialog.Field("taskLabel", i18n.get("ceremonies.column.task"), task == null ? "" : task.label(),
                        TextLimits.NAME),
                new LineDialog.Field("taskOwner", i18n.get("ceremonies.column.owner"), task == null ? "" : task.owner(),
                        TextLimits.TITLE),
                new LineDialog.Field("taskDue", i18n.get("ceremonies.field.due"),
                        task == null ? "" : Formats.date(task.dueDate()), 10)), values -> {
            if (values.get(0).isBlank()) {
                return LineDialog.Outcome.problem(i18n.get("ceremonies.problem.task"));
            }
            LocalDate due;
            try {
                due = values.get(2).isBlank() ? null : LocalDate.parse(values.get(2).strip(), Formats.DATE);
            } catch (DateTimeParseException e) {
                return LineDialog.Outcome.problem(i18n.format("validation.date.unreadable", values.get(2).strip()));
            }
            return LineDialog.Outcome.ok(new CeremonyTask(task == null ? RecordMeta.fresh() : task.meta(),
                    values.get(0), values.get(1), due, task != null && task.done()));
        });
    }

    Optional<ProgrammeItem> programme(Window owner, ProgrammeItem item) {
        var i18n = ui.i18n();
        return new LineDialog<ProgrammeItem>(ui).show(owner, i18n.get(item == null ? "ceremonies.programme.new"
                : "ceremonies.programme.edit"), List.of(
                new LineDialog.Field("programmeTime", i18n.get("ceremonies.column.time"),
                        item == null ? "" : CeremonyFormViewModel.timeText(item.time()), 8),
                new LineDialog.Field("programmeSpeaker", i18n.get("ceremonies.column.speaker"),
                        item == null ? "" : item.speaker(), TextLimits.TITLE),
                new LineDialog.Field("programmeSpeakerTitle", i18n.get("ceremonies.column.speakerTitle"),
                        item == null ? "" : item.speakerTitle(), TextLimits.TITLE),
                new LineDialog.Field("programmeSubject", i18n.get("ceremonies.column.subject"),
                        item == null ? "" : item.subject(), TextLimits.NAME)), values -> {
            LocalTime time;
            try {
                time = CeremonyFormViewModel.readTime(values.get(0)).orElse(null);
            } catch (IllegalArgumentException e) {
                return LineDialog.Outcome.problem(i18n.format("validation.ceremony.time.unreadable",
                        values.get(0).strip()));
            }
            if (values.get(3).isBlank()) {
                return LineDialog.Outcome.problem(i18n.get("ceremonies.problem.subject"));
            }
            return LineDialog.Outcome.ok(new ProgrammeItem(item == null ? RecordMeta.fresh() : item.meta(), time,
                    values.get(1), values.get(2), values.get(3)));
        });
    }

    Optional<TaskTemplate> template(Window owner, TaskTemplate template) {
        var i18n = ui.i18n();
        return new LineDialog<TaskTemplate>(ui).show(owner, i18n.get(template == null ? "ceremonies.tasks.new"
                : "ceremonies.tasks.edit"), List.of(
                new LineDialog.Field("taskLabel", i18n.get("ceremonies.column.task"),
                        template == null ? "" : template.label(), TextLimits.NAME),
                new LineDialog.Field("taskOwner", i18n.get("ceremonies.column.owner"),
                        template == null ? "" : template.owner(), TextLimits.TITLE),
                new LineDialog.Field("taskDays", i18n.get("ceremonies.column.daysBefore"),
                        template == null || template.daysBefore() == null ? "" : String.valueOf(template.daysBefore()),
                        3)), values -> {
            if (values.get(0).isBlank()) {
                return LineDialog.Outcome.problem(i18n.get("ceremonies.problem.task"));
            }
            String days = values.get(2).strip();
            if (!days.isEmpty() && (!days.matches("\\d{1,3}") || Integer.parseInt(days) > 365)) {
                return LineDialog.Outcome.problem(i18n.format("ceremonies.problem.days", days));
            }
            return LineDialog.Outcome.ok(new TaskTemplate(template == null ? RecordMeta.fresh() : template.meta(),
                    values.get(0), values.get(1), days.isEmpty() ? null : Integer.valueOf(days)));
        });
    }
}
