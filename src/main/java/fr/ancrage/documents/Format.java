package fr.ancrage.documents;

import java.util.Locale;
import java.util.Optional;

/** The file formats Ancrage writes. */
public enum Format {
    PDF("pdf", true, "application/pdf"),
    ODT("odt", true, "application/vnd.oasis.opendocument.text"),
    ODS("ods", false, "application/vnd.oasis.opendocument.spreadsheet"),
    XLSX("xlsx", false, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("csv", false, "text/csv");

    private final String extension;
    private final boolean text;
    private final String mediaType;

    Format(String extension, boolean text, String mediaType) {
        this.extension = extension;
        this.text = text;
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
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
