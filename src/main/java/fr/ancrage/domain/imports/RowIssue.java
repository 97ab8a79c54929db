package fr.ancrage.domain.imports;

import fr.ancrage.domain.validation.Issue;

/** A problem of one row: the field (and so the column) it is about, null for the whole row. */
public record RowIssue(ImportField field, Issue issue) {
}
