package fr.ancrage.domain.imports;

import java.util.List;
import java.util.Map;

/**
 * One row of a team's spreadsheet, checked: its cells as read (by field), the name of the record
 * it would make, and every problem found, each on its field so that the preview names the column.
 */
public interface CheckedRow {

    /** The row's number, as the spreadsheet shows it. */
    int number();

    Map<ImportField, String> values();

    List<RowIssue> issues();

    /** The name of the record the row makes (a company's name, a person's, a convention's). */
    String label();

    /** What the preview shows for {@code field}: the cell, or what the row made of it. */
    default String shown(ImportField field) {
        return values().getOrDefault(field, "");
    }

    default boolean hasErrors() {
        return issues().stream().anyMatch(i -> i.issue().isError());
    }
}
