package fr.ancrage.domain;

import fr.ancrage.domain.validation.Issue;

import java.util.List;
import java.util.Map;

/** A record was refused by a rule; the issues are keyed by field name for the form to show. */
public final class ValidationException extends RuntimeException {

    private final transient Map<String, List<Issue>> issues;

    public ValidationException(Map<String, List<Issue>> issues) {
        super("Validation failed: " + issues.keySet());
        this.issues = Map.copyOf(issues);
    }

    public static ValidationException of(String field, Issue issue) {
        return new ValidationException(Map.of(field, List.of(issue)));
    }

    public Map<String, List<Issue>> issues() {
        return issues;
    }
}
