package fr.ancrage.i18n;

import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.MessageKey;

import java.text.ChoiceFormat;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.Format;
import java.text.MessageFormat;
import java.text.ParsePosition;
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
        return format(get(key), Numerals.of(locale), locale, args);
    }

    /**
     * {@link MessageFormat} with the numbers written by {@link Numerals}: {@code {0}} and
     * {@code {0,number,…}} with a number get its symbols instead of the locale data's, and the
     * sub-patterns of a {@code {0,choice,…}} go through here as well (MessageFormat would format
     * them with a new MessageFormat of the locale).
     */
    static String format(String pattern, Numerals numerals, Locale locale, Object... args) {
        MessageFormat message = new MessageFormat(pattern, locale);
        Format[] formats = message.getFormatsByArgumentIndex();
        for (int i = 0; i < formats.length; i++) {
            Format f = formats[i];
            if (f instanceof ChoiceFormat choice) {
                message.setFormatByArgumentIndex(i, new Choice(choice, numerals, locale, args));
            } else if (f instanceof DecimalFormat decimal) {
                decimal.setDecimalFormatSymbols(numerals.symbols());
            } else if (f == null && args != null && i < args.length && args[i] instanceof Number) {
                // what MessageFormat does for a plain {0}: its locale's number format, up to 3 decimals
                DecimalFormat plain = numerals.format("#,##0.###");
                message.setFormatByArgumentIndex(i, plain);
            }
        }
        return message.format(args);
    }

    /** A choice whose chosen text, when it holds arguments, is formatted by {@link #format} again. */
    private static final class Choice extends Format {
        private final ChoiceFormat choice;
        private final Numerals numerals;
        private final Locale locale;
        private final transient Object[] args;

        Choice(ChoiceFormat choice, Numerals numerals, Locale locale, Object[] args) {
            this.choice = choice;
            this.numerals = numerals;
            this.locale = locale;
            this.args = args;
        }

        @Override
        public StringBuffer format(Object obj, StringBuffer toAppendTo, FieldPosition pos) {
            String chosen = choice.format(obj);
            return toAppendTo.append(chosen.indexOf('{') >= 0 ? I18n.format(chosen, numerals, locale, args) : chosen);
        }

        @Override
        public Object parseObject(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("messages are only written");
        }
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

    /** Short label of an enum constant (« Mme » for Madame): key {@code enum.<SimpleName>.<CONSTANT>.short}. */
    public String shortLabel(Enum<?> value) {
        return value == null ? "" : get("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name() + ".short");
    }
}
