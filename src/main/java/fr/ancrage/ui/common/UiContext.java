package fr.ancrage.ui.common;

import fr.ancrage.i18n.I18n;

import java.time.Clock;

/**
 * What every view needs from the shell: texts, dialogs, background work, error wording, the clock
 * that says what today is (fixed in the UI tests, so that they do not change with the date), and
 * what the interface remembers between sessions (the tables' columns).
 */
public record UiContext(I18n i18n, TaskRunner tasks, Dialogs dialogs, ErrorMessages errors, ViewLoader loader,
                        Clock clock, UiPreferences preferences) {

    /** Preferences kept in memory only. */
    public UiContext(I18n i18n, TaskRunner tasks, Dialogs dialogs, ErrorMessages errors, ViewLoader loader,
                     Clock clock) {
        this(i18n, tasks, dialogs, errors, loader, clock, UiPreferences.inMemory());
    }

    public static UiContext create(I18n i18n, TaskRunner tasks) {
        return create(i18n, tasks, Clock.systemDefaultZone());
    }

    public static UiContext create(I18n i18n, TaskRunner tasks, Clock clock) {
        return create(i18n, tasks, clock, UiPreferences.inMemory());
    }

    public static UiContext create(I18n i18n, TaskRunner tasks, Clock clock, UiPreferences preferences) {
        return new UiContext(i18n, tasks, new Dialogs(i18n), new ErrorMessages(i18n), new ViewLoader(i18n), clock,
                preferences);
    }
}
