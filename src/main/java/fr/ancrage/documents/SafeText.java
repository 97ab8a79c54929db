package fr.ancrage.documents;

/**
 * What every writer does to a text before it goes into a file (decision 0014). A user may type or
 * paste anything; a file must stay readable and show what it says:
 * <ul>
 *   <li>removed: control characters (U+0000–U+001F but tab, line feed and carriage return; U+007F–U+009F),
 *       which XML forbids or no reader shows; the bidirectional embeddings, overrides and isolates
 *       (U+202A–U+202E, U+2066–U+2069), which can show a text in another order than it is stored
 *       (« Trojan Source »); the noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of each
 *       plane), which XML forbids;</li>
 *   <li>replaced by U+FFFD « � »: a lone surrogate, half of a character lost elsewhere (visible, not
 *       silently dropped);</li>
 *   <li>kept: everything else, emoji and their sequences (joiners, variation selectors) included.</li>
 * </ul>
 * XML's own specials ({@code < & > " '}) are escaped by the libraries; the PDF writer further replaces
 * what its fonts cannot draw ({@link PdfA#safe}).
 */
final class SafeText {

    static final char REPLACEMENT = '\uFFFD';

    private SafeText() {
    }

    /** The text without what no file should hold; the same string when there is nothing to change. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        int n = text.length();
        int i = 0;
        while (i < n && ordinary(text.charAt(i))) {
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder sb = new StringBuilder(n).append(text, 0, i);
        while (i < n) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                sb.append(REPLACEMENT);
            } else if (!removed(cp)) {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    /** True when a code point is taken out of every text (see the class comment). */
    static boolean removed(int cp) {
        if (cp < 0x20) {
            return cp != '\t' && cp != '\n' && cp != '\r';
        }
        return cp >= 0x7F && cp <= 0x9F || bidiControl(cp) || noncharacter(cp);
    }

    /** U+202A–U+202E (embeddings, overrides, pop) and U+2066–U+2069 (isolates). */
    static boolean bidiControl(int cp) {
        return cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069;
    }

    private static boolean noncharacter(int cp) {
        return cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;
    }

    /** A char that needs no look: printable, not a surrogate, nothing {@link #removed} would take out. */
    private static boolean ordinary(char c) {
        if (c < 0x7F) {
            return c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
        }
        if (c <= 0x9F) {
            return false;
        }
        if (c < 0x202A) {
            return true;
        }
        return !bidiControl(c) && !Character.isSurrogate(c) && !noncharacter(c);
    }
}
