package fr.ancrage.ui.ceremonies;

import fr.ancrage.domain.Ceremony;
import fr.ancrage.domain.CeremonyRules;
import fr.ancrage.domain.CeremonyTask;
import fr.ancrage.domain.ProgrammeItem;
import fr.ancrage.domain.RecordMeta;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.ui.common.FormIssues;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ceremony's form: what, when, where, who; its programme and its checklist. The rules of
 * {@link CeremonyRules} are re-run on every change; the time is typed as « 10:30 » or « 10h30 ».
 */
public final class CeremonyFormViewModel {

    public static final String START_TIME = "startTime";

    private final ObjectProperty<Ceremony> original = new SimpleObjectProperty<>();
    public final StringProperty title = new SimpleStringProperty("");
    public final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    public final StringProperty startTime = new SimpleStringProperty("");
    public final StringProperty place = new SimpleStringProperty("");
    public final StringProperty host = new SimpleStringProperty("");
    public final StringProperty partners = new SimpleStringProperty("");
    public final StringProperty press = new SimpleStringProperty("");
    public final StringProperty notes = new SimpleStringProperty("");
    public final ObservableList<ProgrammeItem> programme = FXCollections.observableArrayList();
    public final ObservableList<CeremonyTask> tasks = FXCollections.observableArrayList();
    private final BooleanProperty dirty = new SimpleBooleanProperty(false);
    private final FormIssues issues = new FormIssues(List.of(CeremonyRules.TITLE, CeremonyRules.DATE, START_TIME,
            CeremonyRules.PLACE, CeremonyRules.HOST, CeremonyRules.PARTNERS, CeremonyRules.PRESS, CeremonyRules.NOTES,
            CeremonyRules.PROGRAMME, CeremonyRules.TASKS));
    private boolean loading;
    /** The text typed in the date field that could not be read (null: none). */
    private String unreadableDate;

    public CeremonyFormViewModel() {
        // a date picked in the calendar replaces whatever unreadable text was typed before
        date.addListener(x -> unreadableDate = null);
        for (Observable o : new Observable[] {title, date, startTime, place, host, partners, press, notes, programme,
                tasks}) {
            fr.ancrage.ui.common.Changes.onChange(o, () -> {
                if (!loading) {
                    dirty.set(true);
                    recheck();
                }
            });
        }
        clear();
    }

    /** « 10:30 », « 10h30 », « 10 h », « 9h »: the time; empty: none; anything else: unreadable. */
    public static java.util.Optional<LocalTime> readTime(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        if (t.isEmpty()) {
            return java.util.Optional.empty();
        }
        var m = java.util.regex.Pattern.compile("(\\d{1,2})(?:[:h.](\\d{2})?)?").matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException(text);
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (hour > 23 || minute > 59) {
            throw new IllegalArgumentException(text);
        }
        return java.util.Optional.of(LocalTime.of(hour, minute));
    }

    public static String timeText(LocalTime time) {
        return time == null ? "" : String.format(java.util.Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
    }

    private void recheck() {
        Map<String, List<Issue>> found = new LinkedHashMap<>(CeremonyRules.check(toCeremony()));
        try {
            readTime(startTime.get());
        } catch (IllegalArgumentException e) {
            found.put(START_TIME, List.of(Issue.error("validation.ceremony.time.unreadable", startTime.get().strip())));
        }
        if (unreadableDate != null) {
            found.put(CeremonyRules.DATE, List.of(Issue.error("validation.date.unreadable", unreadableDate)));
        }
        issues.setAll(found);
    }

    /**
     * Records that the text typed in the date field could not be read ({@code null}: it could); the
     * field keeps its date and saving is blocked until a date is typed or picked again.
     */
    public void unreadableDate(String text) {
        if (!java.util.Objects.equals(unreadableDate, text)) {
            unreadableDate = text;
            recheck();
        }
    }

    public boolean validateAll() {
        recheck();
        return !issues.hasErrors().get();
    }

    /** Shows the issues next to the fields; returns those the form has no field for. */
    public Map<String, List<Issue>> showIssues(Map<String, List<Issue>> found) {
        return issues.show(found, java.util.Set.of());
    }

    public String firstErrorField() {
        return issues.firstErrorField();
    }

    public void clear() {
        loading = true;
        original.set(null);
        title.set("");
        date.set(null);
        startTime.set("");
        place.set("");
        host.set("");
        partners.set("");
        press.set("");
        notes.set("");
        programme.clear();
        tasks.clear();
        issues.clear();
        unreadableDate = null;
        loading = false;
        dirty.set(false);
    }

    public void load(Ceremony c) {
        clear();
        loading = true;
        original.set(c);
        title.set(c.title());
        date.set(c.date());
        startTime.set(timeText(c.startTime()));
        place.set(c.place());
        host.set(c.host());
        partners.set(c.partners());
        press.set(c.press());
        notes.set(c.notes());
        programme.setAll(c.programme());
        tasks.setAll(c.tasks());
        loading = false;
        dirty.set(false);
    }

    /** A new ceremony as the team usually holds one: at the prefecture, hosted by the prefect. */
    public void startNew(String proposedTitle, LocalDate day, String proposedPlace, String proposedHost) {
        clear();
        loading = true;
        title.set(proposedTitle);
        date.set(day);
        startTime.set("10:30");
        place.set(proposedPlace);
        host.set(proposedHost);
        loading = false;
        dirty.set(true);
        recheck();
    }

    public Ceremony toCeremony() {
        Ceremony o = original.get();
        LocalTime time;
        try {
            time = readTime(startTime.get()).orElse(null);
        } catch (IllegalArgumentException e) {
            time = o == null ? null : o.startTime();
        }
        return new Ceremony(o == null ? RecordMeta.fresh() : o.meta(), title.get(), date.get(), time, place.get(),
                host.get(), partners.get(), press.get(), notes.get(), o == null ? null : o.closedOn(),
                List.copyOf(programme), List.copyOf(tasks));
    }

    public ObjectProperty<List<Issue>> issues(String field) {
        return issues.of(field);
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }
}
