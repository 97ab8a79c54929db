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

    /**
     * Adds an error under {@code field} when {@code value}, meant to be one line of text, holds a
     * control character (a tab, a line break, a NUL, the C1 controls), a line or paragraph
     * separator, or half of a surrogate pair. Letters of any script, emoji and their joiners pass.
     * The message names the field with the bundle key {@code fieldName.<field>} and the position
     * (in characters as the user counts them, from 1) of the first such character.
     */
    public static void checkOneLine(Map<String, List<Issue>> issues, String field, String value) {
        int position = firstControl(value);
        if (position > 0) {
            issues.computeIfAbsent(field, k -> new ArrayList<>())
                    .add(Issue.error("validation.text.controlCharacter", new MessageKey("fieldName." + field),
                            position));
        }
    }

    /** The position (from 1, in code points) of the first character {@link #checkOneLine} refuses; 0 when none. */
    static int firstControl(String value) {
        if (value == null) {
            return 0;
        }
        int position = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            position++;
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE) {
                return position;
            }
            i += Character.charCount(cp);
        }
        return 0;
    }
}
