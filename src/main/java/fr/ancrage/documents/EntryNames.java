package fr.ancrage.documents;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names a package's entries may have: those {@code PackageWriter} writes, plain ASCII segments of
 * lower-case letters, digits, {@code .}, {@code _} and {@code -}, separated by {@code /}. Anything else
 * is refused with the key saying what is wrong, most telling first: a name that would leave the folder
 * it is extracted to (« zip slip »: absolute, {@code ..}, a backslash that Windows reads as a separator),
 * hidden characters, empty segments, then any other name.
 */
final class EntryNames {

    static final int MAX_CHARS = 255;
    private static final int SHOWN_CHARS = 120;
    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9._-]+");
    private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:.*", Pattern.DOTALL);
    /** Windows' device names, which a file cannot have there whatever its extension. */
    private static final Set<String> DEVICES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
            "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8",
            "lpt9");

    private EntryNames() {
    }

    /** The bundle key of what is wrong with a name, or null when it is one Ancrage writes. */
    static String problem(String name) {
        if (name.isEmpty()) {
            return "package.refused.name.empty";
        }
        if (name.codePoints().anyMatch(EntryNames::hidden)) {
            return "package.refused.name.control";
        }
        if (name.startsWith("/") || name.startsWith("\\") || DRIVE.matcher(name).matches()) {
            return "package.refused.name.absolute";
        }
        String[] segments = name.split("[/\\\\]", -1);
        for (String s : segments) {
            if (s.equals("..")) {
                return "package.refused.name.parent";
            }
        }
        if (name.indexOf('\\') >= 0) {
            return "package.refused.name.backslash";
        }
        for (String s : segments) {
            if (s.isEmpty()) {
                return "package.refused.name.empty";
            }
        }
        if (name.length() > MAX_CHARS) {
            return "package.refused.name.unsafe";
        }
        for (String s : segments) {
            if (!SEGMENT.matcher(s).matches() || s.endsWith(".") || device(s)) {
                return "package.refused.name.unsafe";
            }
        }
        return null;
    }

    /** Control characters (C0, DEL, C1), line and paragraph separators and invisible format characters. */
    private static boolean hidden(int cp) {
        return cp < 0x20 || cp >= 0x7F && cp <= 0x9F || cp == 0x2028 || cp == 0x2029
                || Character.getType(cp) == Character.FORMAT;
    }

    private static boolean device(String segment) {
        int dot = segment.indexOf('.');
        return DEVICES.contains((dot < 0 ? segment : segment.substring(0, dot)).toLowerCase(Locale.ROOT));
    }

    /**
     * A name (or any text read from a package) as a message shows it: every control, invisible or
     * bidirectional character and every lone surrogate as {@code \}{@code uXXXX}, so that nothing
     * hidden reaches the screen nor shows the text in another order; cut after {@value #SHOWN_CHARS}
     * characters.
     */
    static String shown(String text) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), SHOWN_CHARS) + 8);
        int i = 0;
        while (i < text.length()) {
            if (i >= SHOWN_CHARS) {
                return sb.append('…').toString();
            }
            int cp = text.codePointAt(i);
            int length = Character.charCount(cp);
            if (hidden(cp) || Character.isSurrogate((char) cp) && length == 1) {
                sb.append(String.format(Locale.ROOT, "\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
            i += length;
        }
        return sb.toString();
    }
}
