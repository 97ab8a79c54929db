package fr.ancrage.domain;

import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.TextLimits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the name of a base must be before it is saved (keys are resource-bundle keys). */
public final class BaseIdentityRules {

    /** The field of the name, as the issues are keyed. */
    public static final String NAME = "baseName";
    /** The longest name kept (the column's size). */
    public static final int NAME_LENGTH = 200;

    private BaseIdentityRules() {
    }

    /**
     * The issues of {@code name} as given (it is stripped first): required once set, at most
     * {@value #NAME_LENGTH} characters, one line without control characters.
     */
    public static Map<String, List<Issue>> check(String name) {
        Map<String, List<Issue>> issues = new LinkedHashMap<>();
        String cleaned = Text.cleanLine(name);
        if (cleaned.isEmpty()) {
            issues.computeIfAbsent(NAME, k -> new ArrayList<>()).add(Issue.error("validation.baseIdentity.name.required"));
        }
        TextLimits.check(issues, NAME, cleaned, NAME_LENGTH);
        TextLimits.checkOneLine(issues, NAME, cleaned);
        return issues;
    }
}
