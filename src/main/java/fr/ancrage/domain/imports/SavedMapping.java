package fr.ancrage.domain.imports;

import fr.ancrage.domain.Text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A mapping saved by name (issue 18): the field of each header, headers compared as the import
 * compares them ({@link ImportField#key}), so that the next file of the same shape is read the
 * same way even when its columns moved. A column without a header (a sheet without headers) is
 * kept by its letter ({@code #B}).
 */
public record SavedMapping(String name, Map<String, ImportField> fields) {

    /** Longest name a mapping may take. */
    public static final int MAX_NAME = 100;

    public SavedMapping {
        name = Text.cleanLine(name);
        fields = Map.copyOf(fields);
    }

    /** The mapping of a sheet, kept by header. */
    public static SavedMapping of(String name, List<String> headers, ColumnMapping mapping) {
        Map<String, ImportField> fields = new LinkedHashMap<>();
        mapping.columns().forEach((column, field) -> fields.put(key(headers, column), field));
        return new SavedMapping(name, fields);
    }

    /** The mapping applied to a sheet's headers: each column whose header it knows takes its field. */
    public ColumnMapping applyTo(List<String> headers) {
        Map<Integer, ImportField> columns = new LinkedHashMap<>();
        for (int c = 0; c < headers.size(); c++) {
            ImportField f = fields.get(key(headers, c));
            if (f != null && !columns.containsValue(f)) {
                columns.put(c, f);
            }
        }
        return new ColumnMapping(columns);
    }

    /** Whether the sheet has every header the mapping knows: a file of the same shape. */
    public boolean fits(List<String> headers) {
        List<String> keys = new ArrayList<>();
        for (int c = 0; c < headers.size(); c++) {
            keys.add(key(headers, c));
        }
        return !fields.isEmpty() && keys.containsAll(fields.keySet());
    }

    /** How a column is known: its header as compared, or {@code #} and its letter when it has none. */
    static String key(List<String> headers, int column) {
        String key = column < headers.size() ? ImportField.key(headers.get(column)) : "";
        if (!key.isEmpty()) {
            return key;
        }
        StringBuilder letters = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return "#" + letters;
    }

    /** The stored form: one "header=FIELD" per line. */
    public String encoded() {
        StringBuilder b = new StringBuilder();
        fields.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> b.append(e.getKey()).append('=').append(e.getValue().name()).append('\n'));
        return b.toString();
    }

    /** Reads the stored form; a field this version does not know is left out. */
    public static SavedMapping decode(String name, String encoded) {
        Map<String, ImportField> fields = new LinkedHashMap<>();
        for (String line : Objects.requireNonNullElse(encoded, "").split("\n")) {
            int eq = line.lastIndexOf('=');
            if (eq > 0) {
                try {
                    fields.put(line.substring(0, eq), ImportField.valueOf(line.substring(eq + 1)));
                } catch (IllegalArgumentException unknown) {
                    // a field of a later version: its column is not imported
                }
            }
        }
        return new SavedMapping(name, fields);
    }
}
