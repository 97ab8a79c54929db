package fr.ancrage.service.documents;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A packaged summary: one zip holding {@code manifest.json} first, then the documents, the
 * spreadsheets and the records as JSON. The manifest names the format and its version, what the
 * package covers, its producer and creation time, and the size and SHA-256 of every other file.
 * Entries are written in a fixed order with the creation time as their date, so the same data and
 * time give the same bytes. That time is read once, by the caller, and is the manifest's
 * {@code createdAt}, every entry's date and the documents' own; it falls on an even second, because a
 * zip dates its entries in steps of two seconds (on an odd one they showed a second before the
 * manifest: issue 16).
 */
final class PackageWriter {

    static final String FORMAT = "ancrage-paquet";
    static final int FORMAT_VERSION = 1;
    static final String MANIFEST = "manifest.json";

    /** One file of the package. */
    record Entry(String path, String mediaType, byte[] content) {
    }

    /** What the package covers. {@code territoryLevel}: EPCI, DEPARTMENT or COUNTRY. */
    record Scope(String kind, String title, String territoryLevel, String territoryCode, String territoryName,
                 Integer year, String ceremony) {
    }

    private final Scope scope;
    private final OffsetDateTime created;
    private final String language;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Integer> recordCounts = new LinkedHashMap<>();

    PackageWriter(Scope scope, OffsetDateTime created, String language) {
        if (created.getNano() != 0 || created.getSecond() % 2 != 0) {
            throw new IllegalArgumentException("a zip dates its entries in steps of two seconds, not " + created
                    + ": take the time from DocumentService.now()");
        }
        this.scope = scope;
        this.created = created;
        this.language = language;
    }

    void add(String path, String mediaType, byte[] content) {
        if (path.equals(MANIFEST) || entries.stream().anyMatch(e -> e.path().equals(path))) {
            throw new IllegalArgumentException("duplicate entry " + path);
        }
        entries.add(new Entry(path, mediaType, content));
    }

    void count(String kind, int records) {
        recordCounts.put(kind, records);
    }

    void writeTo(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setLevel(6);
        put(zip, MANIFEST, manifest());
        for (Entry e : entries) {
            put(zip, e.path(), e.content());
        }
        zip.finish();
        zip.flush();
    }

    private void put(ZipOutputStream zip, String path, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(path);
        entry.setTimeLocal(created.toLocalDateTime());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    byte[] manifest() {
        return RecordsJson.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("formatVersion", FORMAT_VERSION);
            g.writeStringField("kind", scope.kind());
            g.writeStringField("title", scope.title());
            g.writeObjectFieldStart("scope");
            g.writeObjectFieldStart("territory");
            g.writeStringField("level", scope.territoryLevel());
            nullable(g, "code", scope.territoryCode());
            g.writeStringField("name", scope.territoryName());
            g.writeEndObject();
            if (scope.year() == null) {
                g.writeNullField("year");
            } else {
                g.writeNumberField("year", scope.year());
            }
            nullable(g, "ceremony", scope.ceremony());
            g.writeEndObject();
            g.writeObjectFieldStart("producer");
            g.writeStringField("name", Producer.NAME);
            g.writeStringField("version", Producer.VERSION);
            g.writeEndObject();
            g.writeStringField("createdAt", created.toString());
            g.writeStringField("language", language);
            g.writeArrayFieldStart("files");
            for (Entry e : entries) {
                g.writeStartObject();
                g.writeStringField("path", e.path());
                g.writeStringField("mediaType", e.mediaType());
                g.writeNumberField("size", e.content().length);
                g.writeStringField("sha256", fr.ancrage.documents.PackageArchive.sha256(e.content()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("records");
            for (var c : recordCounts.entrySet()) {
                g.writeNumberField(c.getKey(), c.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static void nullable(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }
}
