package fr.ancrage.domain;

import java.util.Set;

/**
 * Closeness of two organisation names, to warn before a duplicate is created. Legal forms and
 * accents are ignored ("Boulangerie Martin SARL" ~ "boulangerie martin"), then Jaro-Winkler
 * similarity is taken on what remains.
 */
public final class NameSimilarity {

    /** Above this score two names are "very close". */
    public static final double THRESHOLD = 0.92;

    private static final Set<String> NOISE = Set.of("sa", "sas", "sasu", "sarl", "eurl", "sci", "scop", "snc",
            "scp", "et", "de", "des", "du", "la", "le", "les", "l", "d", "groupe", "societe", "ste", "cie");

    private NameSimilarity() {
    }

    public static String key(String name) {
        String[] words = Text.searchKey(name).split(" ");
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (!w.isEmpty() && !NOISE.contains(w)) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(w);
            }
        }
        return sb.toString();
    }

    public static double score(String a, String b) {
        String ka = key(a);
        String kb = key(b);
        if (ka.isEmpty() || kb.isEmpty()) {
            return 0;
        }
        if (ka.equals(kb)) {
            return 1;
        }
        return jaroWinkler(ka, kb);
    }

    public static boolean veryClose(String a, String b) {
        return score(a, b) >= THRESHOLD;
    }

    static double jaroWinkler(String s, String t) {
        int sLen = s.length();
        int tLen = t.length();
        int matchDistance = Math.max(0, Math.max(sLen, tLen) / 2 - 1);
        boolean[] sMatches = new boolean[sLen];
        boolean[] tMatches = new boolean[tLen];
        int matches = 0;
        for (int i = 0; i < sLen; i++) {
            int start = Math.max(0, i - matchDistance);
            int end = Math.min(i + matchDistance + 1, tLen);
            for (int j = start; j < end; j++) {
                if (!tMatches[j] && s.charAt(i) == t.charAt(j)) {
                    sMatches[i] = true;
                    tMatches[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < sLen; i++) {
            if (sMatches[i]) {
                while (!tMatches[k]) {
                    k++;
                }
                if (s.charAt(i) != t.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        double m = matches;
        double jaro = (m / sLen + m / tLen + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        for (int i = 0; i < Math.min(4, Math.min(sLen, tLen)) && s.charAt(i) == t.charAt(i); i++) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
