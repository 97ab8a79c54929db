package fr.ancrage.ui.common;

import fr.ancrage.i18n.I18n;

import java.time.Clock;

/**
 * What every view needs from the shell: texts, dialogs, background work, error wording, and the
 * clock that says what today is (fixed in the UI tests, so that they do not change with the date).
 */
public record UiContext(I18n i18n, TaskRunner tasks, Dialogs dialogs, ErrorMessages errors, ViewLoader loader,
                        Clock clock) {

    public static UiContext create(I18n i18n, TaskRunner tasks) {
        return create(i18n, tasks, Clock.systemDefaultZone());
    }

    public static UiContext create(I18n i18n, TaskRunner tasks, Clock clock) {
        return new UiContext(i18n, tasks, new Dialogs(i18n), new ErrorMessages(i18n), new ViewLoader(i18n), clock);
    }
}
