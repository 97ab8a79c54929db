package fr.ancrage.ui.territories;

import fr.ancrage.domain.Commune;
import fr.ancrage.domain.Text;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds communes among all of France by name, INSEE code or postcode. Search keys are computed
 * once, so a lookup over the ~35 000 communes stays fast enough to run on each keystroke.
 */
final class CommuneFinder {

    /** Below this many characters a name search would match thousands of communes. */
    static final int MIN_QUERY = 2;

    private final List<Entry> entries;

    CommuneFinder(List<Commune> communes) {
        this.entries = communes.stream().map(Entry::of).toList();
    }

    static CommuneFinder empty() {
        return new CommuneFinder(List.of());
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Communes whose every query word is part of the name or starts a code (INSEE or postcode);
     * exact names first, then names starting with the query, then the most populated.
     */
    List<Commune> find(String query, int limit) {
        String key = Text.searchKey(query);
        if (key.length() < MIN_QUERY) {
            return List.of();
        }
        String[] words = key.split(" ");
        return entries.stream()
                .filter(e -> e.matches(words))
                .sorted(Comparator.comparingInt((Entry e) -> e.rank(key))
                        .thenComparing(Comparator.comparingInt(Entry::population).reversed())
                        .thenComparing(Entry::nameKey))
                .limit(limit)
                .map(Entry::commune)
                .toList();
    }

    private record Entry(Commune commune, String nameKey, String[] codes, int population) {

        static Entry of(Commune c) {
            String codes = Text.searchKey(c.code() + " " + c.postcodes());
            return new Entry(c, Text.searchKey(c.name()), codes.isEmpty() ? new String[0] : codes.split(" "),
                    c.population() == null ? 0 : c.population());
        }

        boolean matches(String[] words) {
            for (String word : words) {
                if (!nameKey.contains(word) && Arrays.stream(codes).noneMatch(code -> code.startsWith(word))) {
                    return false;
                }
            }
            return true;
        }

        int rank(String key) {
            if (nameKey.equals(key) || (codes.length > 0 && codes[0].equals(key))) {
                return 0;
            }
            return nameKey.startsWith(key) ? 1 : 2;
        }
    }
}
