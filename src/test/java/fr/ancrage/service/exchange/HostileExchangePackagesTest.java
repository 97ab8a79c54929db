package fr.ancrage.service.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.persistence.ExchangeKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Packages whose archive is sound but whose records are not: each is refused with a message that
 * says what and where, and the base is exactly as before. The archive's own faults (paths, sizes,
 * checksums, bombs) are PackageArchiveTest's.
 */
class HostileExchangePackagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ExchangeBases bases;
    private static ExchangeBases.Base sender;
    private static ExchangeBases.Base receiver;
    private static Path valid;

    @TempDir
    static Path folder;

    @BeforeAll
    static void makeAPackage() throws Exception {
        bases = new ExchangeBases();
        sender = bases.demo();
        receiver = bases.empty();
        valid = folder.resolve("valid.zip");
        sender.exchange.export(ExchangeScope.wholeBase(), valid, () -> false);
    }

    @AfterAll
    static void close() {
        bases.close();
    }

    @Test
    void theValidPackageIsAccepted() {
        assertThat(receiver.exchange.preview(valid).totals().created()).isPositive();
    }

    @Test
    void aRecordWithoutIdIsRefused() throws Exception {
        refused(edit("conventions", r -> r.remove("id")), "exchange.refused.field", "donnees/conventions.json #1");
    }

    @Test
    void anInvalidUuidIsRefused() throws Exception {
        refused(edit("conventions", r -> r.put("id", "not-a-uuid")), "exchange.refused.field", "id");
    }

    @Test
    void anInvalidDateIsRefused() throws Exception {
        refused(edit("conventions", r -> field(r, "startDate").put("value", "2026-02-30")), "exchange.refused.value",
                "startDate");
    }

    @Test
    void aWrongTypeIsRefused() throws Exception {
        refused(edit("conventions", r -> field(r, "title").put("value", 12)), "exchange.refused.field", "title");
        refused(edit("conventions", r -> r.put("version", "trois")), "exchange.refused.field", "version");
    }

    @Test
    void aTooLongTextIsRefused() throws Exception {
        refused(edit("conventions", r -> field(r, "title").put("value", "x".repeat(301))), "exchange.refused.value",
                "title");
    }

    @Test
    void aTenMegabyteStringIsRefused() throws Exception {
        Path p = edit("conventions", r -> field(r, "notes").put("value", "x".repeat(10_000_000)));
        RuleViolationException e = catchThrowableOfType(RuleViolationException.class, () -> receiver.exchange.preview(p));
        assertThat(e).isNotNull();
        assertThat(e.messageKey()).startsWith("package.refused");
        assertUnchanged();
    }

    @Test
    void anUnknownValueOfAChoiceIsRefused() throws Exception {
        refused(edit("conventions", r -> field(r, "status").put("value", "PERHAPS")), "exchange.refused.value", "status");
    }

    @Test
    void aControlCharacterIsRefused() throws Exception {
        refused(edit("conventions", r -> field(r, "title").put("value", "A\u0007B")), "exchange.refused.value", "title");
    }

    @Test
    void anUnknownFieldIsRefusedAsMadeByANewerAncrage() throws Exception {
        refused(edit("conventions", r -> ((ObjectNode) r.get("fields")).putObject("colour")
                .put("value", "red").putObject("clock").put("0", 1)), "exchange.refused.unknownField", "colour");
    }

    @Test
    void theSameIdTwiceIsRefused() throws Exception {
        Path p = rewrite(files -> {
            ObjectNode root = tree(files.get("donnees/conventions.json"));
            ArrayNode records = (ArrayNode) root.get("records");
            records.add(records.get(0).deepCopy());
            files.put("donnees/conventions.json", bytes(root));
        });
        refused(p, "exchange.refused.duplicate", null);
    }

    @Test
    void twoNewRecordsThatAreTheSameThingAreRefused() throws Exception {
        Path p = rewrite(files -> {
            ObjectNode root = tree(files.get("donnees/qpvs.json"));
            ArrayNode records = (ArrayNode) root.get("records");
            ObjectNode copy = records.get(0).deepCopy();
            copy.put("id", "0190a000-0000-7000-8000-00000000beef");
            records.add(copy);
            files.put("donnees/qpvs.json", bytes(root));
        });
        refused(p, "exchange.refused.sameTwice", "dans donnees/qpvs.json (0190a000-0000-7000-8000-00000000beef), « ");
        assertThat(receiver.exchange.message(catchThrowableOfType(RuleViolationException.class,
                () -> receiver.exchange.preview(p)))).contains("(même code)");
    }

    @Test
    void aReferenceToARecordNowhereIsRefused() throws Exception {
        refused(edit("conventions", r -> field(r, "companyId").put("value", "0190a000-0000-7000-8000-0000deadbeef")),
                "exchange.refused.reference", "companyId");
    }

    @Test
    void aCodeMissingFromTheReferenceDataIsRefused() throws Exception {
        refused(edit("conventions", r -> field(r, "departmentCode").put("value", "XX")),
                "exchange.refused.referenceData", "departmentCode");
    }

    @Test
    void anUnknownKindOfRecordIsRefused() throws Exception {
        Path p = rewrite(files -> files.put("donnees/avenants.json", "{\"kind\":\"amendment\",\"records\":[]}".getBytes()));
        refused(p, "exchange.refused.unknownKind", "donnees/avenants.json");
    }

    @Test
    void aClockNamingNoBaseIsRefused() throws Exception {
        refused(edit("conventions", r -> ((ObjectNode) field(r, "title").get("clock")).put("99", 3)),
                "exchange.refused.clock", "title");
    }

    @Test
    void aBilanPackageIsNotAnExchangePackage() throws Exception {
        Path p = rewrite(files -> { }, m -> m.put("kind", "bilan-annuel").put("formatVersion", 1));
        refused(p, "exchange.refused.notExchange", "bilan-annuel");
    }

    @Test
    void aPackageOfThisVeryBaseIsRefused() {
        RuleViolationException e = catchThrowableOfType(RuleViolationException.class, () -> sender.exchange.preview(valid));
        assertThat(e.messageKey()).isEqualTo("exchange.refused.ownPackage");
        assertThat(sender.exchange.message(e)).contains("cette base").contains("copie")
                .contains("nouvel identifiant");
        // a copied data folder given a new identifier reads the original's packages as another base's
        new fr.ancrage.service.BaseIdentityService(sender.store, java.time.Clock.systemUTC()).renew();
        ImportPlan plan = sender.exchange.preview(valid);
        assertThat(plan.conflictCount()).isZero();
        assertThat(plan.totals().created()).isZero();
    }

    // --- helpers --------------------------------------------------------------------------------

    private static void refused(Path p, String key, String where) {
        var before = receiver.dump();
        RuleViolationException e = catchThrowableOfType(RuleViolationException.class, () -> receiver.exchange.preview(p));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.messageKey()).isEqualTo(key);
        String message = receiver.exchange.message(e);
        assertThat(message).doesNotContain("{").startsWith(message.substring(0, 1).toUpperCase());
        if (where != null) {
            assertThat(message).contains(where);
        }
        assertThat(receiver.dump()).isEqualTo(before);
        assertUnchanged();
    }

    private static void assertUnchanged() {
        assertThat(receiver.dump().get(ExchangeKind.CONVENTION)).isEmpty();
        assertThat(receiver.exchange.history()).isEmpty();
    }

    /** The field of the record, added when the record has no value for it (an empty note is not written). */
    private static ObjectNode field(JsonNode record, String name) {
        ObjectNode fields = (ObjectNode) record.get("fields");
        if (!fields.has(name)) {
            ObjectNode f = fields.putObject(name);
            f.putNull("value");
            f.putObject("clock").put("0", 1);
        }
        return (ObjectNode) fields.get(name);
    }

    /** The valid package with the first record of {@code file} changed by {@code change}. */
    private static Path edit(String file, Consumer<ObjectNode> change) throws Exception {
        return rewrite(files -> {
            ObjectNode root = tree(files.get("donnees/" + file + ".json"));
            change.accept((ObjectNode) root.get("records").get(0));
            files.put("donnees/" + file + ".json", bytes(root));
        });
    }

    private static Path rewrite(Consumer<Map<String, byte[]>> change) throws Exception {
        return rewrite(change, m -> { });
    }

    /** The valid package with its files changed, the manifest's sizes and checksums made to match. */
    private static Path rewrite(Consumer<Map<String, byte[]>> change, Consumer<ObjectNode> manifest) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(valid))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        ObjectNode m = tree(files.remove("manifest.json"));
        change.accept(files);
        manifest.accept(m);
        ArrayNode list = m.putArray("files");
        files.forEach((path, content) -> list.addObject().put("path", path).put("mediaType", "application/json")
                .put("size", content.length).put("sha256", fr.ancrage.documents.PackageArchive.sha256(content)));
        Path p = Files.createTempFile(folder, "hostile", ".zip");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(bytes(m));
            for (var f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
            }
        }
        Files.write(p, bytes.toByteArray());
        return p;
    }

    private static ObjectNode tree(byte[] content) {
        try {
            return (ObjectNode) JSON.readTree(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
