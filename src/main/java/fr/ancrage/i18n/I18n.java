package fr.ancrage.i18n;

import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.MessageKey;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The user-visible texts: French by default, English second. */
public final class I18n {

    public static final String BUNDLE = "fr.ancrage.i18n.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    public I18n(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** French is the language of the product; English is offered as a second language. */
    public static I18n forLanguage(String language) {
        return new I18n("en".equals(language) ? Locale.UK : Locale.FRANCE);
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** The locale numbers and dates in messages are written in (the bundle's own is the root for French). */
    public Locale locale() {
        return locale;
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    public String format(String key, Object... args) {
        return new MessageFormat(get(key), locale()).format(args);
    }

    public String issue(Issue issue) {
        Object[] args = issue.args().stream()
                .map(a -> a instanceof MessageKey k ? get(k.key()) : a).toArray();
        return format(issue.messageKey(), args);
    }

    /** Label of an enum constant: key {@code enum.<SimpleName>.<CONSTANT>}. */
    public String label(Enum<?> value) {
        return value == null ? "" : get("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }
}
