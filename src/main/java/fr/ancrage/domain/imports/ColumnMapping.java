package fr.ancrage.domain.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which column of the sheet fills which field (columns counted from 0, A). A column may fill
 * nothing; a field is filled by one column at most.
 */
public record ColumnMapping(Map<Integer, ImportField> columns) {

    public ColumnMapping {
        columns = Collections.unmodifiableMap(new TreeMap<>(columns));
    }

    /**
     * The fields recognised from the headers of a sheet, among {@code offered} (tried in that
     * order): first the headers that are exactly a usual one, then those that contain a distinctive
     * one; each field once.
     */
    public static ColumnMapping recognise(List<String> headers, List<ImportField> offered) {
        Map<Integer, ImportField> found = new LinkedHashMap<>();
        Map<ImportField, Integer> taken = new EnumMap<>(ImportField.class);
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < headers.size(); c++) {
                if (found.containsKey(c) || headers.get(c) == null || headers.get(c).isBlank()) {
                    continue;
                }
                for (ImportField f : offered) {
                    String header = headers.get(c);
                    boolean fits = pass == 0 ? f.isExactly(header) : f.contains(header);
                    if (fits && !taken.containsKey(f)) {
                        found.put(c, f);
                        taken.put(f, c);
                        break;
                    }
                }
            }
        }
        return new ColumnMapping(found);
    }

    /** The column filling {@code field}, or -1. */
    public int columnOf(ImportField field) {
        return columns.entrySet().stream().filter(e -> e.getValue() == field).mapToInt(Map.Entry::getKey)
                .findFirst().orElse(-1);
    }

    public ColumnMapping with(int column, ImportField field) {
        Map<Integer, ImportField> m = new TreeMap<>(columns);
        if (field == null) {
            m.remove(column);
        } else {
            m.put(column, field);
        }
        return new ColumnMapping(m);
    }

    /** The fields two columns or more fill: the mapping cannot be used until one is changed. */
    public List<ImportField> filledTwice() {
        List<ImportField> seen = new ArrayList<>();
        List<ImportField> twice = new ArrayList<>();
        for (ImportField f : columns.values()) {
            if (seen.contains(f) && !twice.contains(f)) {
                twice.add(f);
            }
            seen.add(f);
        }
        return twice;
    }
}
