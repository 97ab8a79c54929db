package fr.ancrage.ui.common;

import fr.ancrage.i18n.I18n;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.StaleRecordException;
import fr.ancrage.domain.ValidationException;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.MessageKey;

import java.util.List;
import java.util.stream.Collectors;

/** Turns any failure of a background task into a French sentence for the user. */
public final class ErrorMessages {

    private final I18n i18n;

    public ErrorMessages(I18n i18n) {
        this.i18n = i18n;
    }

    public String describe(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof ValidationException v) {
            return v.issues().values().stream().flatMap(List::stream).map(i18n::issue)
                    .collect(Collectors.joining("\n"));
        }
        if (e instanceof StaleRecordException s) {
            return i18n.format("error.stale", recordName(s));
        }
        if (e instanceof RuleViolationException r) {
            // the service knows no texts nor date formats: it names them, they are written here
            return i18n.format(r.messageKey(), r.args().stream().map(a -> a instanceof MessageKey k ? i18n.get(k.key())
                    : a instanceof Issue i ? i18n.issue(i) : a instanceof java.time.LocalDate d ? Formats.date(d) : a)
                    .toArray());
        }
        return i18n.format("error.unexpected", String.valueOf(e.getMessage()));
    }

    /** « la convention « 25-2024-003 » », or « la convention » when its name is not known. */
    private String recordName(StaleRecordException s) {
        String kind = i18n.get("enum.RecordKind." + s.kind().name());
        return s.name().isEmpty() ? kind : i18n.format("error.stale.named", kind, s.name());
    }

    public String issue(Issue issue) {
        return i18n.issue(issue);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while (e.getCause() != null && !(e instanceof ValidationException) && !(e instanceof StaleRecordException)
                && !(e instanceof RuleViolationException)) {
            e = e.getCause();
        }
        return e instanceof ValidationException || e instanceof StaleRecordException
                || e instanceof RuleViolationException ? e : error;
    }
}
