package fr.ancrage.documents;

import java.util.Locale;
import java.util.Optional;

/** The file formats Ancrage writes. */
public enum Format {
    PDF("pdf", true),
    ODT("odt", true),
    ODS("ods", false),
    XLSX("xlsx", false),
    CSV("csv", false);

    private final String extension;
    private final boolean text;

    Format(String extension, boolean text) {
        this.extension = extension;
        this.text = text;
    }

    public String extension() {
        return extension;
    }

    /** True for the formats of a text document (PDF, ODT), false for the spreadsheets. */
    public boolean isText() {
        return text;
    }

    public static Optional<Format> parse(String value) {
        for (Format f : values()) {
            if (f.extension.equals(value.toLowerCase(Locale.ROOT).strip())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
