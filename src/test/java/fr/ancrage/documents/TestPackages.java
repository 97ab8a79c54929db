package fr.ancrage.documents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packages as {@code PackageWriter} writes them (service/documents, not reachable from here): a zip
 * with {@code manifest.json} first, listing every other file with its size and SHA-256, then the files,
 * deflated at level 6, names in UTF-8, every entry dated with the creation time.
 */
final class TestPackages {

    static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One file of a package. */
    record Part(String path, String mediaType, byte[] content) {
    }

    private TestPackages() {
    }

    /** A small package: a « PDF » that does not compress, records in JSON (accents included), an empty file. */
    static List<Part> parts() {
        byte[] pdf = new byte[3000];
        new Random(17).nextBytes(pdf);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
        String conventions = """
                [ {
                  "id" : "0190a0b4-0000-7000-8000-000000000001",
                  "version" : 3,
                  "reference" : "25-2025-001",
                  "title" : "Convention PaQte — Besançon « Planoise »",
                  "notes" : "Réalisé : 1500.5 €"
                } ]
                """;
        String catalogue = "{ \"categories\" : [ ], \"actionTypes\" : [ ], \"indicators\" : [ ] }\n";
        return List.of(
                new Part("documents/bilan-annuel-2025-epci-242500361.pdf", "application/pdf", pdf),
                new Part("donnees/catalogue.json", "application/json", utf8(catalogue)),
                new Part("donnees/conventions.json", "application/json", utf8(conventions)),
                new Part("donnees/vide.json", "application/json", new byte[0]));
    }

    /** The manifest PackageWriter writes for these files. */
    static ObjectNode manifest(List<Part> parts) {
        ObjectNode m = JSON.createObjectNode();
        m.put("format", "ancrage-paquet");
        m.put("formatVersion", 1);
        m.put("kind", "bilan-annuel");
        m.put("title", "Bilan annuel 2025 — CU Grand Besançon Métropole");
        ObjectNode scope = m.putObject("scope");
        ObjectNode territory = scope.putObject("territory");
        territory.put("level", "EPCI");
        territory.put("code", "242500361");
        territory.put("name", "CU Grand Besançon Métropole");
        scope.put("year", 2025);
        scope.putNull("ceremony");
        ObjectNode producer = m.putObject("producer");
        producer.put("name", "Ancrage");
        producer.put("version", "0.1.0-SNAPSHOT");
        m.put("createdAt", CREATED.toString());
        m.put("language", "fr");
        ArrayNode files = m.putArray("files");
        for (Part p : parts) {
            ObjectNode f = files.addObject();
            f.put("path", p.path());
            f.put("mediaType", p.mediaType());
            f.put("size", p.content().length);
            f.put("sha256", PackageArchive.sha256(p.content()));
        }
        m.putObject("records").put("conventions", 1);
        return m;
    }

    static byte[] json(ObjectNode node) {
        try {
            return (JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The package of these files, written as PackageWriter does. */
    static byte[] valid(List<Part> parts) {
        return zip(json(manifest(parts)), parts);
    }

    static byte[] valid() {
        return valid(parts());
    }

    /** A zip of the manifest first, then the files. */
    static byte[] zip(byte[] manifest, List<Part> parts) {
        List<Part> all = new ArrayList<>();
        all.add(new Part("manifest.json", "application/json", manifest));
        all.addAll(parts);
        return entries(all);
    }

    /** A zip of these entries in this order, as ZipOutputStream writes them. */
    static byte[] entries(List<Part> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.setLevel(6);
            for (Part p : entries) {
                ZipEntry entry = new ZipEntry(p.path());
                entry.setTimeLocal(CREATED.toLocalDateTime());
                zip.putNextEntry(entry);
                zip.write(p.content());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
