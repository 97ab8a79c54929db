package fr.ancrage.ui.main;

import java.util.Locale;

/** File sizes as the user reads them: « 12,4 Mo » in French, « 12.4 MB » in English. */
final class Sizes {

    private Sizes() {
    }

    static String megabytes(long bytes, Locale locale) {
        long tenths = Math.round(bytes / (1024.0 * 1024.0) * 10);
        boolean french = !"en".equals(locale.getLanguage());
        String number = (tenths / 10) + (french ? "," : ".") + (tenths % 10);
        return number + (french ? "\u00A0Mo" : "\u00A0MB");
    }
}
