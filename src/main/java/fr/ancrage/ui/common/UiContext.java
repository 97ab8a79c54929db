package fr.ancrage.ui.common;

import fr.ancrage.i18n.I18n;

/** What every view needs from the shell: texts, dialogs, background work, error wording. */
public record UiContext(I18n i18n, TaskRunner tasks, Dialogs dialogs, ErrorMessages errors, ViewLoader loader) {

    public static UiContext create(I18n i18n, TaskRunner tasks) {
        return new UiContext(i18n, tasks, new Dialogs(i18n), new ErrorMessages(i18n), new ViewLoader(i18n));
    }
}
