package fr.ancrage.domain;

/**
 * Version of the priority geography (géographie prioritaire) a QPV belongs to. The 2024 geography
 * replaced the 2015 one, and both coexist in the data of conventions signed before 2024.
 */
public enum GeographyVersion {
    QPV_2015("2015"),
    QPV_2024("2024");

    private final String year;

    GeographyVersion(String year) {
        this.year = year;
    }

    public String year() {
        return year;
    }

    /** @throws IllegalArgumentException when no geography was published that year */
    public static GeographyVersion ofYear(String year) {
        String wanted = year == null ? "" : year.strip();
        for (GeographyVersion version : values()) {
            if (version.year.equals(wanted)) {
                return version;
            }
        }
        throw new IllegalArgumentException("Unknown priority geography year: " + year);
    }
}
