package fr.ancrage.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ancrage.documents.Conformance;
import fr.ancrage.documents.Format;
import fr.ancrage.domain.DashboardFilter;
import fr.ancrage.i18n.I18n;
import fr.ancrage.persistence.Database;
import fr.ancrage.persistence.TestStores;
import fr.ancrage.persistence.Store;
import fr.ancrage.service.documents.DocumentService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged summary: manifest, checksums, reproducibility and records complete enough to rebuild. */
class PackageTest {

    private static final DashboardFilter DEMO_EPCI = new DashboardFilter(null, "242500361", null, null);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Database db;
    private static Store store;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadDemo() {
        db = Database.inMemory("package-" + UUID.randomUUID());
        store = new Store(db.dsl());
        new TerritoryService(store).ensureReferenceData();
        new DemoDataService(store, Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC)).load();
    }

    @AfterAll
    static void close() {
        TestStores.shutdown(db);
    }

    private static DocumentService at(String instant) {
        return new DocumentService(store, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), I18n.forLanguage("fr"));
    }

    private static Map<String, byte[]> entries(Path zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : z.stream().toList()) {
                entries.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        return entries;
    }

    @Test
    void manifestNamesEveryFileWithItsChecksum() throws Exception {
        Path zip = at("2026-12-01T09:00:00Z").exportBilanPackage(DEMO_EPCI, 2025, EnumSet.allOf(Format.class), dir,
                DocumentService.Progress.NONE);
        assertThat(zip.getFileName().toString()).isEqualTo("Paquet bilan annuel 2025 CU Grand Besançon Métropole.zip");
        Map<String, byte[]> entries = entries(zip);
        assertThat(entries.keySet().iterator().next()).isEqualTo("manifest.json");
        JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
        assertThat(manifest.get("format").asText()).isEqualTo("ancrage-paquet");
        assertThat(manifest.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(manifest.at("/scope/territory/code").asText()).isEqualTo("242500361");
        assertThat(manifest.at("/scope/territory/level").asText()).isEqualTo("EPCI");
        assertThat(manifest.at("/scope/year").asInt()).isEqualTo(2025);
        assertThat(manifest.at("/producer/name").asText()).isEqualTo("Ancrage");
        assertThat(manifest.get("createdAt").asText()).isEqualTo("2026-12-01T09:00Z");
        List<String> listed = new ArrayList<>();
        for (JsonNode f : manifest.get("files")) {
            String path = f.get("path").asText();
            listed.add(path);
            byte[] content = entries.get(path);
            assertThat(content).as(path).isNotNull();
            assertThat(f.get("size").asLong()).as(path).isEqualTo(content.length);
            assertThat(f.get("sha256").asText()).as(path)
                    .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        }
        Set<String> others = new HashSet<>(entries.keySet());
        others.remove("manifest.json");
        assertThat(listed).containsExactlyInAnyOrderElementsOf(others);
        assertThat(listed).contains("documents/bilan-annuel-2025-epci-242500361.pdf",
                "tableurs/bilan-annuel-2025-epci-242500361.ods", "donnees/conventions.json");
        // entry names are plain ASCII, read the same by every zip tool
        assertThat(entries.keySet()).allSatisfy(name -> assertThat(name).matches("[a-z0-9./-]+"));

        Path pdf = dir.resolve("bilan.pdf");
        Files.write(pdf, entries.get("documents/bilan-annuel-2025-epci-242500361.pdf"));
        Conformance.assertAccessiblePdf(pdf);
    }

    @Test
    void recordsAreCompleteEnoughToRebuild() throws Exception {
        Path zip = at("2026-12-01T09:00:00Z").exportBilanPackage(DEMO_EPCI, 2025, EnumSet.of(Format.PDF), dir,
                DocumentService.Progress.NONE);
        Map<String, byte[]> entries = entries(zip);
        JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
        JsonNode conventions = JSON.readTree(entries.get("donnees/conventions.json"));
        JsonNode engagements = JSON.readTree(entries.get("donnees/engagements.json"));
        JsonNode organisations = JSON.readTree(entries.get("donnees/organisations.json"));
        JsonNode results = JSON.readTree(entries.get("donnees/realises.json"));
        JsonNode catalogue = JSON.readTree(entries.get("donnees/catalogue.json"));
        var figures = new DashboardService(store, Clock.systemUTC()).figures(DEMO_EPCI.withYear(2025));
        assertThat(conventions.size()).isEqualTo(figures.counts().total()).isEqualTo(manifest.at("/records/conventions").asInt());
        assertThat(engagements.size()).isPositive().isEqualTo(manifest.at("/records/engagements").asInt());
        assertThat(results.size()).isPositive();
        for (JsonNode array : List.of(conventions, engagements, organisations, results, catalogue.get("indicators"))) {
            for (JsonNode record : array) {
                assertThat(record.has("id") && record.has("version") && record.has("createdAt") && record.has("updatedAt"))
                        .as(record.toString()).isTrue();
                // a time-ordered UUID (version 7)
                assertThat(UUID.fromString(record.get("id").asText()).version()).isIn(4, 7);
            }
        }
        // every reference points inside the package
        Set<String> organisationIds = ids(organisations);
        Set<String> engagementIds = ids(engagements);
        Set<String> conventionIds = ids(conventions);
        Set<String> actionTypeIds = ids(catalogue.get("actionTypes"));
        Set<String> indicatorIds = ids(catalogue.get("indicators"));
        for (JsonNode c : conventions) {
            assertThat(organisationIds).contains(c.get("companyId").asText());
        }
        for (JsonNode e : engagements) {
            assertThat(conventionIds).contains(e.get("conventionId").asText());
            assertThat(actionTypeIds).contains(e.get("actionTypeId").asText());
            e.get("targets").forEach(t -> assertThat(indicatorIds).contains(t.get("indicatorId").asText()));
        }
        for (JsonNode v : results) {
            assertThat(engagementIds).contains(v.get("engagementId").asText());
        }
        // the stored records, field for field
        var stored = new ConventionService(store, Clock.systemUTC()).get(UUID.fromString(conventions.get(0).get("id").asText()))
                .orElseThrow();
        assertThat(conventions.get(0).get("reference").asText()).isEqualTo(stored.reference());
        assertThat(conventions.get(0).get("version").asInt()).isEqualTo(stored.meta().version());
        assertThat(conventions.get(0).get("updatedAt").asText()).isEqualTo(stored.meta().updatedAt().toString());
        assertThat(conventions.get(0).get("signatories").size()).isEqualTo(stored.signatories().size());
    }

    /** The convention to sign addresses its signatories by their civilité: the package carries it (issue 16). */
    @Test
    void contactsCarryTheirCivilityOrNull() throws Exception {
        Path zip = at("2026-12-01T09:00:00Z").exportBilanPackage(DEMO_EPCI, 2025, EnumSet.of(Format.CSV),
                Files.createDirectories(dir.resolve("a")), DocumentService.Progress.NONE);
        JsonNode contacts = JSON.readTree(entries(zip).get("donnees/contacts.json"));
        assertThat(contacts.size()).isPositive();
        OrganisationService organisations = new OrganisationService(store);
        Map<String, fr.ancrage.domain.Contact> stored = new LinkedHashMap<>();
        for (JsonNode c : contacts) {
            UUID organisation = UUID.fromString(c.get("organisationId").asText());
            organisations.contacts(organisation).forEach(s -> stored.put(s.id().toString(), s));
        }
        for (JsonNode c : contacts) {
            fr.ancrage.domain.Contact s = stored.get(c.get("id").asText());
            assertThat(c.has("civility")).as(c.toString()).isTrue();
            assertThat(c.get("civility").asText()).as(s.fullName()).isEqualTo(s.civility().name());
        }
        assertThat(contacts).extracting(c -> c.get("civility").asText()).contains("MADAME", "MONSIEUR");

        // a contact whose civilité was not given: null, not a guess
        fr.ancrage.domain.Contact first = stored.get(contacts.get(0).get("id").asText());
        fr.ancrage.domain.Contact cleared = organisations.saveContact(new fr.ancrage.domain.Contact(first.meta(),
                first.organisationId(), null, first.firstName(), first.lastName(), first.jobTitle(), first.email(),
                first.phone(), first.maySign()));
        try {
            Path again = at("2026-12-01T09:00:00Z").exportBilanPackage(DEMO_EPCI, 2025, EnumSet.of(Format.CSV),
                    Files.createDirectories(dir.resolve("b")), DocumentService.Progress.NONE);
            JsonNode record = JSON.readTree(entries(again).get("donnees/contacts.json")).get(0);
            assertThat(record.get("id").asText()).isEqualTo(first.id().toString());
            assertThat(record.has("civility")).isTrue();
            assertThat(record.get("civility").isNull()).isTrue();
        } finally {
            organisations.saveContact(new fr.ancrage.domain.Contact(cleared.meta(), first.organisationId(),
                    first.civility(), first.firstName(), first.lastName(), first.jobTitle(), first.email(),
                    first.phone(), first.maySign()));
        }
    }

    private static Set<String> ids(JsonNode array) {
        Set<String> ids = new HashSet<>();
        array.forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    @Test
    void theSameDataGivesTheSamePackageButForItsCreationTime() throws Exception {
        Path a = at("2026-12-01T09:00:00Z").exportBilanPackage(DEMO_EPCI, 2025, EnumSet.allOf(Format.class),
                Files.createDirectories(dir.resolve("a")), DocumentService.Progress.NONE);
        Path b = at("2026-12-01T09:00:00Z").exportBilanPackage(DEMO_EPCI, 2025, EnumSet.allOf(Format.class),
                Files.createDirectories(dir.resolve("b")), DocumentService.Progress.NONE);
        Map<String, byte[]> ea = entries(a);
        Map<String, byte[]> eb = entries(b);
        assertThat(eb.keySet()).containsExactlyElementsOf(ea.keySet());
        List<String> differing = ea.keySet().stream().filter(n -> !java.util.Arrays.equals(ea.get(n), eb.get(n))).toList();
        assertThat(differing).isEmpty();
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));

        Path later = at("2026-12-02T15:30:00Z").exportBilanPackage(DEMO_EPCI, 2025, EnumSet.allOf(Format.class),
                Files.createDirectories(dir.resolve("c")), DocumentService.Progress.NONE);
        Map<String, byte[]> ec = entries(later);
        assertThat(ea.keySet().stream().filter(n -> n.startsWith("donnees/"))
                .filter(n -> !java.util.Arrays.equals(ea.get(n), ec.get(n))).toList()).isEmpty();
        assertThat(JSON.readTree(ec.get("manifest.json")).get("createdAt").asText()).isEqualTo("2026-12-02T15:30Z");
    }

    /**
     * Issue 16: on an odd second the package's entries were dated a second before its manifest (a zip
     * dates entries in steps of two seconds). The export's time is read once, on an even second, and is
     * the manifest's, every entry's and the documents' own.
     */
    @Test
    void everyEntryIsDatedAsTheManifestSays() throws Exception {
        Path zip = at("2026-12-01T09:00:01.700Z").exportBilanPackage(DEMO_EPCI, 2025, EnumSet.of(Format.PDF, Format.ODS),
                dir, DocumentService.Progress.NONE);
        java.time.OffsetDateTime created;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            created = java.time.OffsetDateTime.parse(JSON.readTree(z.getInputStream(z.getEntry("manifest.json")))
                    .get("createdAt").asText());
            for (ZipEntry e : z.stream().toList()) {
                assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo(created.toLocalDateTime());
            }
            byte[] pdf = z.getInputStream(z.getEntry("documents/bilan-annuel-2025-epci-242500361.pdf")).readAllBytes();
            try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                assertThat(doc.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(created.toInstant());
            }
            byte[] ods = z.getInputStream(z.getEntry("tableurs/bilan-annuel-2025-epci-242500361.ods")).readAllBytes();
            try (var inner = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(ods))) {
                for (ZipEntry e = inner.getNextEntry(); e != null; e = inner.getNextEntry()) {
                    assertThat(e.getTimeLocal()).as("ods " + e.getName()).isEqualTo(created.toLocalDateTime());
                }
            }
        }
        assertThat(created).isEqualTo(java.time.OffsetDateTime.parse("2026-12-01T09:00:00Z"));
    }
}
