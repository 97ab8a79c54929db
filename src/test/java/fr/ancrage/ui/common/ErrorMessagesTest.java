package fr.ancrage.ui.common;

import fr.ancrage.domain.RecordKind;
import fr.ancrage.domain.StaleRecordException;
import fr.ancrage.i18n.I18n;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** A refused write tells which record changed, in the interface's language. */
class ErrorMessagesTest {

    @Test
    void aStaleWriteNamesTheRecord() {
        ErrorMessages fr = new ErrorMessages(I18n.forLanguage("fr"));
        assertThat(fr.describe(new CompletionException(new StaleRecordException(RecordKind.CONVENTION, "25-2024-003"))))
                .startsWith("Vos changements n’ont pas été enregistrés : la convention « 25-2024-003 » a changé");
        assertThat(fr.describe(new StaleRecordException(RecordKind.ORGANISATION, "Dupont SA")))
                .contains("l’organisation « Dupont SA » a changé ou n’existe plus");
        assertThat(fr.describe(new StaleRecordException(RecordKind.TASK_TEMPLATES, "")))
                .contains(" : la liste de tâches par défaut a changé ou n’existe plus");
        assertThat(new ErrorMessages(I18n.forLanguage("en"))
                .describe(new StaleRecordException(RecordKind.CAMPAIGN_REPORT, "25-2024-003")))
                .startsWith("Your changes were not saved: the report due for the convention “25-2024-003” was changed");
    }
}
