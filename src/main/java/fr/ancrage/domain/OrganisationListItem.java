package fr.ancrage.domain;

/** A row of the organisations list: the organisation with its place and its number of conventions. */
public record OrganisationListItem(
        Organisation organisation,
        String communeName,
        String departmentCode,
        String epciSiren,
        String epciName,
        int conventionCount) {
}
