package fr.ancrage.domain.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lengths the store can hold, checked by the services so that a too long text (typed, imported or
 * received from another laptop) is refused with a message naming the field, never by the database.
 * The sizes mirror the columns of the Flyway migrations.
 */
public final class TextLimits {

    public static final int NAME = 300;
    public static final int PERSON_NAME = 100;
    public static final int TITLE = 200;
    public static final int ADDRESS = 300;
    public static final int NETWORKS = 500;
    public static final int NOTES = 4000;
    public static final int EMAIL = 254;
    public static final int PHONE = 30;

    private TextLimits() {
    }

    /**
     * Adds an error under {@code field} when {@code value} is longer than {@code max}. The message
     * names the field with the bundle key {@code fieldName.<field>}.
     */
    public static void check(Map<String, List<Issue>> issues, String field, String value, int max) {
        check(issues, field, "fieldName." + field, value, max);
    }

    /** The same, naming the field with the bundle key {@code fieldNameKey}. */
    public static void check(Map<String, List<Issue>> issues, String field, String fieldNameKey, String value,
                             int max) {
        if (value != null && value.length() > max) {
            issues.computeIfAbsent(field, k -> new ArrayList<>())
                    .add(Issue.error("validation.text.tooLongNamed", new MessageKey(fieldNameKey), max,
                            value.length()));
        }
    }
}
