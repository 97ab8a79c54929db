package fr.ancrage.domain.validation;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One finding of a validation rule. The message key points into the UI resource bundles, whose
 * texts take the arguments as {@link java.text.MessageFormat} placeholders ({@code {0}}, ...).
 */
public record Issue(Severity severity, String messageKey, List<Object> args) {

    /** An error blocks saving; a warning is shown but the user may keep the value. */
    public enum Severity { ERROR, WARNING }

    public Issue {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(messageKey, "messageKey");
        // List.copyOf would reject null arguments, which MessageFormat renders fine.
        args = args == null ? List.of() : Collections.unmodifiableList(Arrays.asList(args.toArray()));
    }

    public static Issue error(String key, Object... args) {
        return new Issue(Severity.ERROR, key, args == null ? null : Arrays.asList(args));
    }

    public static Issue warning(String key, Object... args) {
        return new Issue(Severity.WARNING, key, args == null ? null : Arrays.asList(args));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public static boolean anyError(Collection<Issue> issues) {
        return issues.stream().anyMatch(Issue::isError);
    }
}
