package fr.ancrage.documents;

/** Sheet names that every spreadsheet accepts: no {@code []:*?/\}, at most 31 characters. */
final class SheetNames {

    private SheetNames() {
    }

    static String safe(String name) {
        String cleaned = name.replaceAll("[\\[\\]:*?/\\\\']", " ").strip();
        if (cleaned.isEmpty()) {
            cleaned = "Feuille";
        }
        return cleaned.length() > 31 ? cleaned.substring(0, 31).strip() : cleaned;
    }
}
