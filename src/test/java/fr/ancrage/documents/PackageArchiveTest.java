package fr.ancrage.documents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ancrage.documents.PackageArchive.Contents;
import fr.ancrage.documents.PackageArchive.Limits;
import fr.ancrage.documents.TestPackages.Part;
import fr.ancrage.i18n.I18n;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Issue 17, « a package is untrusted »: a corpus of hostile packages, each made here (with
 * ZipOutputStream, or byte by byte with {@link ZipCraft} for what no library writes), each refused with
 * its key and arguments, whose French and English texts name the package and the place at fault; and
 * valid packages read back byte for byte.
 */
class PackageArchiveTest {

    static final Set<Integer> VERSIONS = Set.of(1);
    static final Set<String> KINDS = Set.of("bilan-annuel", "echange");
    static final String FILE = "paquet.zip";
    static final String PDF = "documents/bilan-annuel-2025-epci-242500361.pdf";
    static final String CATALOGUE = "donnees/catalogue.json";
    static final String CONVENTIONS = "donnees/conventions.json";
    static final String EMPTY = "donnees/vide.json";
    /** Small bounds, to reach each one with small files. */
    static final Limits SMALL = new Limits(1 << 20, 20, 64 << 10, 256 << 10, 10, 16 << 10, 8 << 10, 1000, 10_000);

    private static final I18n FRENCH = I18n.forLanguage("fr");
    private static final I18n ENGLISH = I18n.forLanguage("en");
    /** The keys the corpus met, to check at the end that every refusal has its case. */
    private static final Set<String> MET = ConcurrentHashMap.newKeySet();

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- helpers

    private Path file(byte[] content) throws IOException {
        Path file = dir.resolve(FILE);
        Files.write(file, content);
        return file;
    }

    private Contents read(byte[] zip, Limits limits) throws Exception {
        return PackageArchive.read(file(zip), limits, VERSIONS, KINDS);
    }

    /** Refused with this key and these arguments after the file name; both texts say it. */
    private PackageRefusedException assertRefused(byte[] zip, Limits limits, String key, Object... args)
            throws IOException {
        return assertRefused(file(zip), limits, key, args);
    }

    private PackageRefusedException assertRefused(byte[] zip, String key, Object... args) throws IOException {
        return assertRefused(zip, Limits.DEFAULT, key, args);
    }

    private static PackageRefusedException assertRefused(Path file, Limits limits, String key, Object... args) {
        PackageRefusedException e = catchThrowableOfType(PackageRefusedException.class,
                () -> PackageArchive.read(file, limits, VERSIONS, KINDS));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.messageKey()).isEqualTo(key);
        List<Object> expected = new ArrayList<>();
        expected.add(String.valueOf(file.getFileName()));
        expected.addAll(Arrays.asList(args));
        assertThat(e.args()).containsExactlyElementsOf(expected);
        assertTexts(e);
        return e;
    }

    /** What the user reads: the package's name and every argument, no key left unresolved. */
    static void assertTexts(PackageRefusedException e) {
        MET.add(e.messageKey());
        for (I18n i18n : List.of(FRENCH, ENGLISH)) {
            String text = i18n.format(e.messageKey(), e.args().toArray());
            assertThat(text).as(e.messageKey()).doesNotStartWith("!").contains(e.args().getFirst().toString());
            // every placeholder filled (the arguments themselves, read from the package, may hold braces)
            String placeholders = i18n.format(e.messageKey(), e.args().stream()
                    .map(a -> a instanceof String ? "x" : a).toArray());
            assertThat(placeholders).as(e.messageKey()).doesNotContain("{").doesNotContain("}");
            for (Object a : e.args()) {
                if (a instanceof String s) {
                    assertThat(text).as(e.messageKey()).contains(s);
                }
            }
        }
    }

    private static byte[] withManifest(Consumer<ObjectNode> change) {
        List<Part> parts = TestPackages.parts();
        ObjectNode m = TestPackages.manifest(parts);
        change.accept(m);
        return TestPackages.zip(TestPackages.json(m), parts);
    }

    private static byte[] withManifestBytes(byte[] manifest) {
        return TestPackages.zip(manifest, TestPackages.parts());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A crafted package with one more entry, listed in the manifest with its declared size. */
    private static ZipCraft craftedWith(ZipCraft.Entry extra) {
        return craftedWith(extra, extra.size);
    }

    private static ZipCraft craftedWith(ZipCraft.Entry extra, long listedSize) {
        List<Part> parts = new ArrayList<>(TestPackages.parts());
        String name = new String(extra.centralName, StandardCharsets.UTF_8);
        parts.add(new Part(name, "application/json", new byte[(int) Math.min(extra.size, 16)]));
        ObjectNode m = TestPackages.manifest(parts);
        ((ObjectNode) m.withArray("files").get(parts.size() - 1)).put("size", listedSize);
        ZipCraft z = ZipCraft.of(TestPackages.json(m), TestPackages.parts());
        z.entries.add(extra);
        return z;
    }

    /** Deflated zeros, written without holding them. */
    private static byte[] deflatedZeros(long count) {
        Deflater d = new Deflater(9, true);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] zeros = new byte[1 << 16];
            byte[] buffer = new byte[1 << 16];
            long left = count;
            while (left > 0) {
                int n = (int) Math.min(left, zeros.length);
                d.setInput(zeros, 0, n);
                left -= n;
                while (!d.needsInput()) {
                    out.write(buffer, 0, d.deflate(buffer));
                }
            }
            d.finish();
            while (!d.finished()) {
                out.write(buffer, 0, d.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    // ---------------------------------------------------------------- valid packages

    @Test
    void readsAPackageAsPackageWriterWritesIt() throws Exception {
        List<Part> parts = TestPackages.parts();
        Contents c = read(TestPackages.valid(parts), Limits.DEFAULT);

        assertThat(c.fileName()).isEqualTo(FILE);
        assertThat(c.formatVersion()).isEqualTo(1);
        assertThat(c.kind()).isEqualTo("bilan-annuel");
        assertThat(c.manifest().get("title").asText()).isEqualTo("Bilan annuel 2025 — CU Grand Besançon Métropole");
        assertThat(c.files().keySet()).containsExactly(PDF, CATALOGUE, CONVENTIONS, EMPTY);
        for (Part p : parts) {
            assertThat(c.files().get(p.path())).as(p.path()).isEqualTo(p.content());
        }
        assertThat(c.json(CONVENTIONS).get(0).get("title").asText()).isEqualTo("Convention PaQte — Besançon « Planoise »");
        assertThatThrownBy(() -> c.files().put("x", new byte[0])).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void filesComeInTheManifestsOrder() throws Exception {
        List<Part> parts = TestPackages.parts();
        List<Part> reversed = new ArrayList<>(parts);
        java.util.Collections.reverse(reversed);
        byte[] zip = TestPackages.zip(TestPackages.json(TestPackages.manifest(reversed)), parts);

        assertThat(read(zip, Limits.DEFAULT).files().keySet()).containsExactly(EMPTY, CONVENTIONS, CATALOGUE, PDF);
    }

    @Test
    void readsWhatZipCraftWritesUnchanged() throws Exception {
        // the base of the crafted cases: each refusal below comes from its one change
        ZipCraft plain = ZipCraft.validPackage();
        assertThat(read(plain.build(), Limits.DEFAULT).files()).hasSize(4);

        ZipCraft mixed = ZipCraft.validPackage();
        mixed.entry(CATALOGUE).stored();
        mixed.entry(CONVENTIONS).withDescriptor();
        mixed.entry(PDF).withDescriptor();
        mixed.comment = ascii("Ancrage");
        mixed.entry(EMPTY).centralExtra = ZipCraft.extra(0x5455, new byte[] {1, 0, 0, 0, 0});
        Contents c = read(mixed.build(), Limits.DEFAULT);
        for (Part p : TestPackages.parts()) {
            assertThat(c.files().get(p.path())).as(p.path()).isEqualTo(p.content());
        }
    }

    @Test
    void jsonOfTheRecordsIsBoundedAndExact() throws Exception {
        Contents c = read(TestPackages.valid(), SMALL);
        assertThat(c.json(CONVENTIONS).get(0).get("version").intValue()).isEqualTo(3);
        assertThat(PackageArchive.json(FILE, "donnees/x.json", TestPackages.utf8("{ \"value\" : 1500.10 }"), SMALL)
                .get("value").decimalValue()).isEqualByComparingTo(new BigDecimal("1500.1"));

        PackageRefusedException missing = catchThrowableOfType(PackageRefusedException.class,
                () -> c.json("donnees/engagements.json"));
        assertThat(missing.messageKey()).isEqualTo("package.refused.entry.missing");
        assertThat(missing.args()).containsExactly(FILE, "donnees/engagements.json");
        assertTexts(missing);

        byte[] longText = TestPackages.utf8("[ { \"notes\" : \"" + "x".repeat(1001) + "\" } ]");
        PackageRefusedException tooLong = catchThrowableOfType(PackageRefusedException.class,
                () -> PackageArchive.json(FILE, "donnees/organisations.json", longText, SMALL));
        assertThat(tooLong.messageKey()).isEqualTo("package.refused.json.limits");
        assertThat(tooLong.args()).startsWith(FILE, "donnees/organisations.json", 1);
        assertTexts(tooLong);
    }

    // ---------------------------------------------------------------- the file

    @Test
    void notAFile() throws Exception {
        assertRefused(dir, Limits.DEFAULT, "package.refused.file.notFile");
        assertRefused(dir.resolve("absent.zip"), Limits.DEFAULT, "package.refused.file.notFile");
    }

    @Test
    void emptyFile() throws Exception {
        assertRefused(new byte[0], "package.refused.file.empty");
    }

    @Test
    void fileLargerThanTheBound() throws Exception {
        byte[] zip = TestPackages.valid();
        Limits limits = new Limits(1000, 20, 1 << 20, 1 << 20, 100, 1 << 20, 1 << 20, 1000, 10_000);
        assertRefused(zip, limits, "package.refused.file.tooLarge", (long) zip.length, 1000L);
    }

    @Test
    void fileThatFailsWhileRead() throws Exception {
        // a file whose reading fails midway, even for root: an entry of a zip file system whose data is
        // damaged (what a failing disk or a network share cut off does)
        ZipCraft outer = new ZipCraft();
        ZipCraft.Entry inner = new ZipCraft.Entry(FILE, TestPackages.valid());
        inner.data = new byte[inner.data.length];
        new Random(11).nextBytes(inner.data);
        outer.entries.add(inner);
        Path container = dir.resolve("conteneur.zip");
        Files.write(container, outer.build());
        try (var fs = java.nio.file.FileSystems.newFileSystem(container)) {
            Path file = fs.getPath(FILE);
            assertThat(Files.isRegularFile(file)).isTrue();
            PackageRefusedException e = catchThrowableOfType(PackageRefusedException.class,
                    () -> PackageArchive.read(file, Limits.DEFAULT, VERSIONS, KINDS));
            assertThat(e.messageKey()).isEqualTo("package.refused.file.unreadable");
            assertThat(e.args()).hasSize(2).first().isEqualTo(FILE);
            assertTexts(e);
        }
    }

    @Test
    void unreadableFile() throws Exception {
        Path file = file(TestPackages.valid());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "root reads every file");
        PackageRefusedException e = catchThrowableOfType(PackageRefusedException.class,
                () -> PackageArchive.read(file, Limits.DEFAULT, VERSIONS, KINDS));
        assertThat(e.messageKey()).isEqualTo("package.refused.file.unreadable");
        assertTexts(e);
    }

    // ---------------------------------------------------------------- the zip

    @Test
    void notAZip() throws Exception {
        byte[] random = new byte[5000];
        new Random(3).nextBytes(random);
        assertRefused(random, "package.refused.zip.notZip");
        // a PDF renamed .zip, even with a zip after it (a « polyglot »)
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes(ascii("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"));
        assertRefused(pdf.toByteArray(), "package.refused.zip.notZip");
        pdf.writeBytes(TestPackages.valid());
        assertRefused(pdf.toByteArray(), "package.refused.zip.notZip");
        assertRefused(ascii("PK"), "package.refused.zip.notZip");
    }

    @Test
    void truncatedZip() throws Exception {
        byte[] zip = TestPackages.valid();
        assertRefused(Arrays.copyOf(zip, zip.length / 2), "package.refused.zip.truncated");
        assertRefused(Arrays.copyOf(zip, zip.length - 1), "package.refused.zip.truncated");
        assertRefused(Arrays.copyOf(zip, 4), "package.refused.zip.truncated");
    }

    @Test
    void inconsistentEndOfTheZip() throws Exception {
        ZipCraft offset = ZipCraft.validPackage();
        byte[] good = offset.build();
        long end = good.length - 22;
        offset.directoryOffset = readU32(good, (int) end + 16) + 1;
        assertRefused(offset.build(), "package.refused.zip.structure", end);

        ZipCraft disks = ZipCraft.validPackage();
        disks.disk = 1;
        assertRefused(disks.build(), "package.refused.zip.structure", end);

        // one entry fewer announced than the directory holds
        ZipCraft count = ZipCraft.validPackage();
        count.count = 4;
        PackageRefusedException e = assertRefused(count.build(), "package.refused.zip.structure", readU32(good,
                (int) end + 16) + directoryRecordsLength(count, 4));
        assertThat(e.args()).hasSize(2);

        // a comment holding another end record, which another tool could take for the end
        ZipCraft comment = ZipCraft.validPackage();
        comment.comment = new ZipCraft.Out().u32(0x06054b50).bytes(new byte[18]).toByteArray();
        assertRefused(comment.build(), "package.refused.zip.structure", end + 22);
    }

    private static long readU32(byte[] b, int p) {
        return (b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16 | (b[p + 3] & 0xFFL) << 24;
    }

    private static long directoryRecordsLength(ZipCraft z, int n) {
        long length = 0;
        for (int i = 0; i < n; i++) {
            length += 46 + z.entries.get(i).centralName.length + z.entries.get(i).centralExtra.length;
        }
        return length;
    }

    @Test
    void zip64() throws Exception {
        ZipCraft end = ZipCraft.validPackage();
        end.directoryOffset = 0xFFFFFFFFL;
        assertRefused(end.build(), "package.refused.zip.zip64");
        ZipCraft extra = ZipCraft.validPackage();
        extra.entry(CATALOGUE).centralExtra = ZipCraft.extra(0x0001, new byte[16]);
        assertRefused(extra.build(), "package.refused.zip.zip64");
        ZipCraft local = ZipCraft.validPackage();
        local.entry(CATALOGUE).localExtra = ZipCraft.extra(0x0001, new byte[16]);
        assertRefused(local.build(), "package.refused.zip.zip64");
    }

    @Test
    void tooManyEntries() throws Exception {
        Limits three = new Limits(1 << 20, 3, 1 << 20, 1 << 20, 100, 1 << 20, 1 << 20, 1000, 10_000);
        assertRefused(TestPackages.valid(), three, "package.refused.zip.tooManyEntries", 5, 3);
    }

    @Test
    void anEntryTwice() throws Exception {
        ZipCraft z = ZipCraft.validPackage();
        z.entries.add(new ZipCraft.Entry(CATALOGUE, TestPackages.utf8("{ \"autre\" : true }")));
        byte[] zip = z.build();
        // the ambiguity: a reader from the start sees both, each with its content
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).filteredOn(CATALOGUE::equals).hasSize(2);
        assertRefused(zip, "package.refused.zip.duplicate", CATALOGUE);
    }

    @Test
    void localHeaderThatSaysAnotherName() throws Exception {
        ZipCraft z = ZipCraft.validPackage();
        z.entry(CATALOGUE).localName = ascii("donnees/autre.json");
        byte[] zip = z.build();
        // ZipInputStream reads the local header's name, ZipFile the central directory's
        assertThat(localNames(zip)).contains("donnees/autre.json").doesNotContain(CATALOGUE);
        try (ZipFile zf = new ZipFile(file(zip).toFile())) {
            assertThat(zf.getEntry(CATALOGUE)).isNotNull();
            assertThat(zf.getEntry("donnees/autre.json")).isNull();
        }
        assertRefused(zip, "package.refused.zip.localMismatch", CATALOGUE);
    }

    private static List<String> localNames(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    @Test
    void localHeaderThatSaysOtherSizesMethodOrFlags() throws Exception {
        ZipCraft size = ZipCraft.validPackage();
        size.entry(CATALOGUE).localSize = size.entry(CATALOGUE).size + 1;
        assertRefused(size.build(), "package.refused.zip.localMismatch", CATALOGUE);

        ZipCraft method = ZipCraft.validPackage();
        method.entry(CATALOGUE).localMethod = 0;
        assertRefused(method.build(), "package.refused.zip.localMismatch", CATALOGUE);

        ZipCraft flags = ZipCraft.validPackage();
        flags.entry(CATALOGUE).localFlags = 0;
        assertRefused(flags.build(), "package.refused.zip.localMismatch", CATALOGUE);

        ZipCraft crc = ZipCraft.validPackage();
        crc.entry(CATALOGUE).localCrc = crc.entry(CATALOGUE).crc ^ 1;
        assertRefused(crc.build(), "package.refused.zip.localMismatch", CATALOGUE);

        // a data descriptor that says other sizes than the central directory
        ZipCraft descriptor = ZipCraft.validPackage();
        ZipCraft.Entry e = descriptor.entry(CATALOGUE).withDescriptor();
        e.descriptorSize = e.size + 1;
        assertRefused(descriptor.build(), "package.refused.zip.localMismatch", CATALOGUE);
    }

    @Test
    void dataHiddenBetweenEntries() throws Exception {
        // a whole entry that only a reader from the start sees
        byte[] hidden = TestPackages.utf8("#!/bin/sh\nrm -rf ~\n");
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(hidden);
        byte[] header = new ZipCraft.Out().u32(0x04034b50).u16(20).u16(0x0800).u16(0).u16(0).u16(0).u32(crc.getValue())
                .u32(hidden.length).u32(hidden.length).u16(7).u16(0).bytes(ascii("evil.sh")).bytes(hidden)
                .toByteArray();
        ZipCraft z = ZipCraft.validPackage();
        z.after.put(1, header);
        byte[] zip = z.build();
        assertThat(localNames(zip)).contains("evil.sh");
        assertRefused(zip, "package.refused.zip.layout", CATALOGUE);

        ZipCraft trailing = ZipCraft.validPackage();
        trailing.after.put(trailing.entries.size() - 1, new byte[] {1, 2, 3});
        assertRefused(trailing.build(), "package.refused.zip.layout", EMPTY);
    }

    @Test
    void entriesSharingTheirData() throws Exception {
        // « a better zip bomb » (Fifield, 2019): central records pointing at the same local data
        ZipCraft z = ZipCraft.validPackage();
        z.entry(CONVENTIONS).offset = 0L;
        assertRefused(z.build(), "package.refused.zip.layout", CONVENTIONS);
    }

    @Test
    void malformedEntries() throws Exception {
        ZipCraft stored = ZipCraft.validPackage();
        stored.entry(CATALOGUE).stored().compressedSize += 1;
        assertRefused(stored.build(), "package.refused.zip.entryMalformed", CATALOGUE);

        ZipCraft storedDescriptor = ZipCraft.validPackage();
        storedDescriptor.entry(CATALOGUE).stored().withDescriptor();
        assertRefused(storedDescriptor.build(), "package.refused.zip.entryMalformed", CATALOGUE);

        ZipCraft extra = ZipCraft.validPackage();
        extra.entry(CATALOGUE).centralExtra = new byte[] {0x55, 0x54, 9, 0};
        assertRefused(extra.build(), "package.refused.zip.entryMalformed", CATALOGUE);

        ZipCraft beyond = ZipCraft.validPackage();
        beyond.entry(EMPTY).compressedSize = 5000;
        beyond.entry(EMPTY).localCompressedSize = 5000L;
        assertRefused(beyond.build(), "package.refused.zip.entryMalformed", EMPTY);
    }

    @Test
    void encryptedEntry() throws Exception {
        ZipCraft z = ZipCraft.validPackage();
        z.entry(CATALOGUE).flags |= 1;
        assertRefused(z.build(), "package.refused.zip.encrypted", CATALOGUE);
    }

    @Test
    void unknownCompressionMethod() throws Exception {
        ZipCraft z = ZipCraft.validPackage();
        z.entry(CATALOGUE).method = 12;
        assertRefused(z.build(), "package.refused.zip.method", CATALOGUE, 12);
    }

    @Test
    void linksAndFolders() throws Exception {
        ZipCraft link = ZipCraft.validPackage();
        link.entry(CATALOGUE).madeBy = 0x0314;
        link.entry(CATALOGUE).attributes = 0120777L << 16;
        assertRefused(link.build(), "package.refused.zip.notRegular", CATALOGUE);

        ZipCraft folder = ZipCraft.validPackage();
        folder.entry(CATALOGUE).attributes = 0x10;
        assertRefused(folder.build(), "package.refused.zip.notRegular", CATALOGUE);

        ZipCraft regular = ZipCraft.validPackage();
        regular.entry(CATALOGUE).madeBy = 0x0314;
        regular.entry(CATALOGUE).attributes = 0100644L << 16;
        assertThat(read(regular.build(), Limits.DEFAULT).files()).containsKey(CATALOGUE);
    }

    @Test
    void aSecondNameInAnExtraField() throws Exception {
        byte[] unicodePath = ZipCraft.extra(0x7075, TestPackages.utf8("\u0001\u0000\u0000\u0000\u0000../../evil.sh"));
        ZipCraft central = ZipCraft.validPackage();
        central.entry(CATALOGUE).centralExtra = unicodePath;
        assertRefused(central.build(), "package.refused.zip.alternateName", CATALOGUE);
        ZipCraft local = ZipCraft.validPackage();
        local.entry(CATALOGUE).localExtra = unicodePath;
        assertRefused(local.build(), "package.refused.zip.alternateName", CATALOGUE);
    }

    @Test
    void damagedEntries() throws Exception {
        ZipCraft crc = ZipCraft.validPackage();
        crc.entry(CATALOGUE).crc ^= 0xFF;
        assertRefused(crc.build(), "package.refused.zip.corrupt", CATALOGUE);

        ZipCraft garbage = ZipCraft.validPackage();
        ZipCraft.Entry g = garbage.entry(CONVENTIONS);
        g.data = new byte[g.data.length];
        new Random(5).nextBytes(g.data);
        assertRefused(garbage.build(), "package.refused.zip.corrupt", CONVENTIONS);

        // compressed data that ends before the declared compressed size: a reader from the start
        // would take the bytes left for the next header
        ZipCraft trailing = ZipCraft.validPackage();
        ZipCraft.Entry t = trailing.entry(CONVENTIONS);
        t.data = Arrays.copyOf(t.data, t.data.length + 3);
        t.compressedSize = t.data.length;
        assertRefused(trailing.build(), "package.refused.zip.corrupt", CONVENTIONS);

        // data that inflates to fewer bytes than declared
        ZipCraft shorter = ZipCraft.validPackage();
        shorter.entry(CONVENTIONS).size += 10;
        assertRefused(shorter.build(), "package.refused.zip.corrupt", CONVENTIONS);

        // cut in the middle of its deflate stream
        ZipCraft cut = ZipCraft.validPackage();
        ZipCraft.Entry c = cut.entry(CONVENTIONS);
        c.data = Arrays.copyOf(c.data, c.data.length / 2);
        c.compressedSize = c.data.length;
        assertRefused(cut.build(), "package.refused.zip.corrupt", CONVENTIONS);
    }

    // ---------------------------------------------------------------- names (zip slip in every form)

    static Stream<Arguments> hostileNames() {
        return Stream.of(
                Arguments.of("/etc/passwd", "absolute", "/etc/passwd"),
                Arguments.of("C:\\Windows\\System32\\x.dll", "absolute", "C:\\Windows\\System32\\x.dll"),
                Arguments.of("C:/Users/x.json", "absolute", "C:/Users/x.json"),
                Arguments.of("c:x.json", "absolute", "c:x.json"),
                Arguments.of("\\x.json", "absolute", "\\x.json"),
                Arguments.of("//serveur/partage/x.json", "absolute", "//serveur/partage/x.json"),
                Arguments.of("../x.json", "parent", "../x.json"),
                Arguments.of("donnees/../../x.json", "parent", "donnees/../../x.json"),
                Arguments.of("..\\x.json", "parent", "..\\x.json"),
                Arguments.of("donnees\\..\\..\\x.json", "parent", "donnees\\..\\..\\x.json"),
                Arguments.of("donnees/..", "parent", "donnees/.."),
                Arguments.of("..", "parent", ".."),
                Arguments.of("donnees\\x.json", "backslash", "donnees\\x.json"),
                Arguments.of("donnees//x.json", "empty", "donnees//x.json"),
                Arguments.of("donnees/", "empty", "donnees/"),
                Arguments.of("", "empty", ""),
                Arguments.of("donnees/x\u0000.json", "control", "donnees/x\\u0000.json"),
                Arguments.of("donnees/x\n.json", "control", "donnees/x\\u000A.json"),
                Arguments.of("donnees/\u202Enosj.exe", "control", "donnees/\\u202Enosj.exe"),
                Arguments.of("donnees/x\u200B.json", "control", "donnees/x\\u200B.json"),
                Arguments.of("Donnees/x.json", "unsafe", "Donnees/x.json"),
                Arguments.of("données/x.json", "unsafe", "données/x.json"),
                Arguments.of("donnees/./x.json", "unsafe", "donnees/./x.json"),
                Arguments.of("./x.json", "unsafe", "./x.json"),
                Arguments.of("donnees/...", "unsafe", "donnees/..."),
                Arguments.of("donnees/x.", "unsafe", "donnees/x."),
                Arguments.of("con.json", "unsafe", "con.json"),
                Arguments.of("donnees/LPT1", "unsafe", "donnees/LPT1"),
                Arguments.of("donnees/aux", "unsafe", "donnees/aux"),
                Arguments.of("donnees/x y.json", "unsafe", "donnees/x y.json"),
                Arguments.of("donnees/x:y.json", "unsafe", "donnees/x:y.json"),
                Arguments.of("x".repeat(256), "unsafe", "x".repeat(120) + "…"));
    }

    @ParameterizedTest
    @MethodSource("hostileNames")
    void hostileEntryNames(String name, String key, String shown) throws Exception {
        ZipCraft z = ZipCraft.validPackage();
        z.entries.add(new ZipCraft.Entry(name, TestPackages.utf8("{}")));
        assertRefused(z.build(), "package.refused.name." + key, shown);
    }

    @ParameterizedTest
    @MethodSource("hostileNames")
    void hostilePathsInTheManifest(String name, String key, String shown) throws Exception {
        byte[] zip = withManifest(m -> ((ObjectNode) m.withArray("files").get(1)).put("path", name));
        assertRefused(zip, "package.refused.name." + key, shown);
    }

    @Test
    void aNameNotInUtf8() throws Exception {
        ZipCraft z = ZipCraft.validPackage();
        ZipCraft.Entry e = new ZipCraft.Entry("x", TestPackages.utf8("{}"));
        e.localName = new byte[] {'d', 'o', 'n', 'n', (byte) 0xE9, 'e', 's'};
        e.centralName = e.localName;
        e.flags = 0;
        z.entries.add(e);
        assertRefused(z.build(), "package.refused.name.unsafe", "données");

        ZipCraft c1 = ZipCraft.validPackage();
        ZipCraft.Entry control = new ZipCraft.Entry("x", TestPackages.utf8("{}"));
        control.localName = new byte[] {'a', (byte) 0x85, 'b'};
        control.centralName = control.localName;
        control.flags = 0;
        c1.entries.add(control);
        assertRefused(c1.build(), "package.refused.name.control", "a\\u0085b");
    }

    // ---------------------------------------------------------------- zip bombs

    @Test
    void entryLargerThanTheBound() throws Exception {
        byte[] big = new byte[70 << 10];
        new Random(7).nextBytes(big);
        List<Part> parts = new ArrayList<>(TestPackages.parts());
        parts.add(new Part("donnees/gros.json", "application/json", big));
        assertRefused(TestPackages.valid(parts), SMALL, "package.refused.bomb.entry", "donnees/gros.json", 65536L);
    }

    @Test
    void allEntriesLargerThanTheBound() throws Exception {
        Limits limits = new Limits(1 << 20, 20, 1 << 20, 4000, 100, 1 << 20, 1 << 20, 1000, 10_000);
        assertRefused(TestPackages.valid(), limits, "package.refused.bomb.total", PDF, 4000L);
    }

    @Test
    void entryTooCompressed() throws Exception {
        List<Part> parts = new ArrayList<>(TestPackages.parts());
        parts.add(new Part("donnees/zeros.json", "application/json", new byte[50 << 10]));
        assertRefused(TestPackages.valid(parts), SMALL, "package.refused.bomb.ratio", "donnees/zeros.json", 10);
        // under the ratio's threshold, the same ratio is fine
        List<Part> small = new ArrayList<>(TestPackages.parts());
        small.add(new Part("donnees/zeros.json", "application/json", new byte[15 << 10]));
        assertThat(read(TestPackages.valid(small), SMALL).files()).containsKey("donnees/zeros.json");
    }

    @Test
    void entryInflatingPastItsDeclaredSize() throws Exception {
        // the sizes the zip declares are never trusted: the inflated bytes are counted
        ZipCraft.Entry lying = new ZipCraft.Entry("donnees/zeros.json", new byte[1 << 20]);
        lying.size = 1000;
        byte[] zip = craftedWith(lying).build();
        assertRefused(zip, SMALL, "package.refused.bomb.declared", "donnees/zeros.json", 1000L);

        // declared at the bound, inflating past it
        ZipCraft.Entry atBound = new ZipCraft.Entry("donnees/zeros.json", new byte[1 << 20]);
        atBound.size = SMALL.maxEntryBytes();
        Limits noRatio = new Limits(1 << 20, 20, 64 << 10, 256 << 10, 1000, 16 << 10, 8 << 10, 1000, 10_000);
        assertRefused(craftedWith(atBound).build(), noRatio, "package.refused.bomb.entry", "donnees/zeros.json", 65536L);

        // declared at what is left of the total, inflating past it
        Limits total = new Limits(1 << 20, 20, 64 << 10, 20_000, 1000, 16 << 10, 8 << 10, 1000, 10_000);
        ZipCraft base = craftedWith(new ZipCraft.Entry("donnees/zeros.json", new byte[0]), 99_999);
        long before = base.entries.stream().limit(base.entries.size() - 1).mapToLong(e -> e.size).sum();
        ZipCraft.Entry atTotal = new ZipCraft.Entry("donnees/zeros.json", new byte[1 << 20]);
        atTotal.size = 20_000 - before;
        assertRefused(craftedWith(atTotal, 99_999).build(), total, "package.refused.bomb.total", "donnees/zeros.json", 20_000L);
    }

    @Test
    void theDefaultBoundsRefuseRealZipBombs() throws Exception {
        long maxEntry = Limits.DEFAULT.maxEntryBytes();
        // 40 MB of zeros in some 40 KB: the ratio, at once
        byte[] forty = deflatedZeros(40_000_000);
        assertThat(forty.length).isBetween(30_000, 50_000);
        ZipCraft.Entry ratio = new ZipCraft.Entry("donnees/zeros.json", new byte[0]);
        ratio.data = forty;
        ratio.compressedSize = forty.length;
        ratio.size = 40_000_000;
        assertRefused(craftedWith(ratio).build(), "package.refused.bomb.ratio", "donnees/zeros.json", 100);

        // more zeros than an entry may hold, as ZipOutputStream writes them (true sizes)
        Path bomb = dir.resolve("bombe.zip");
        try (OutputStream out = Files.newOutputStream(bomb); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            ObjectNode m = TestPackages.manifest(List.of());
            m.withArray("files").addObject().put("path", "donnees/zeros.json").put("size", maxEntry + 1)
                    .put("sha256", "0".repeat(64));
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(TestPackages.json(m));
            zip.putNextEntry(new ZipEntry("donnees/zeros.json"));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written <= maxEntry; written += zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, maxEntry + 1 - written));
            }
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(300_000);
        PackageRefusedException e = assertRefused(bomb, Limits.DEFAULT, "package.refused.bomb.entry",
                "donnees/zeros.json", maxEntry);
        assertThat(e.args().getFirst()).isEqualTo("bombe.zip");

        // the same zeros with sizes that lie (1 MB declared): stopped at the first byte past them
        ZipCraft.Entry lying = new ZipCraft.Entry("donnees/zeros.json", new byte[0]);
        lying.data = deflatedZeros(maxEntry + 1);
        lying.compressedSize = lying.data.length;
        lying.size = 1 << 20;
        assertRefused(craftedWith(lying).build(), "package.refused.bomb.declared", "donnees/zeros.json", 1048576L);
    }

    // ---------------------------------------------------------------- the manifest

    @Test
    void noManifest() throws Exception {
        assertRefused(TestPackages.entries(TestPackages.parts()), "package.refused.manifest.missing");
        assertRefused(new ZipCraft().build(), "package.refused.manifest.missing");
    }

    @Test
    void manifestNotFirst() throws Exception {
        List<Part> parts = TestPackages.parts();
        List<Part> entries = new ArrayList<>();
        entries.add(parts.getFirst());
        entries.add(new Part("manifest.json", "", TestPackages.json(TestPackages.manifest(parts))));
        entries.addAll(parts.subList(1, parts.size()));
        assertRefused(TestPackages.entries(entries), "package.refused.manifest.notFirst", PDF);
    }

    @Test
    void manifestTooLarge() throws Exception {
        Limits limits = new Limits(1 << 20, 20, 1 << 20, 1 << 20, 100, 1 << 20, 100, 1000, 10_000);
        assertRefused(TestPackages.valid(), limits, "package.refused.manifest.tooLarge", 100L);
        // declaring a small size does not help: the bytes are counted
        ZipCraft z = ZipCraft.validPackage();
        z.entries.getFirst().size = 50;
        assertRefused(z.build(), limits, "package.refused.bomb.declared", "manifest.json", 50L);
    }

    static Stream<Arguments> malformedManifests() {
        return Stream.of(
                Arguments.of("{\n  \"format\" : ,\n}", 2, 14),
                Arguments.of("{ \"format\" : \"ancrage-paquet\"", 1, 30),
                Arguments.of("", 1, 1),
                Arguments.of("{ \"formatVersion\" : 1, \"formatVersion\" : 2 }", 1, 39),
                Arguments.of("{ } { }", 1, 6),
                Arguments.of("{ } x", 1, 5),
                Arguments.of("{ \"format\" : 'ancrage-paquet' }", 1, 14),
                Arguments.of("{ \"n\" : NaN }", 1, 12));
    }

    @ParameterizedTest
    @MethodSource("malformedManifests")
    void malformedManifest(String manifest, int line, int column) throws Exception {
        assertRefused(withManifestBytes(TestPackages.utf8(manifest)), "package.refused.json.malformed", "manifest.json",
                line, column);
    }

    @Test
    void manifestNotInUtf8() throws Exception {
        assertRefused(withManifestBytes(new byte[] {'{', '"', 'a', (byte) 0xC3, 0x28, '"', ':', '1', '}'}),
                "package.refused.json.encoding", "manifest.json");
        assertRefused(withManifestBytes("{ \"format\" : \"ancrage-paquet\" }".getBytes(StandardCharsets.UTF_16)),
                "package.refused.json.encoding", "manifest.json");
        // an overlong encoding of « / »
        assertRefused(withManifestBytes(new byte[] {'{', '"', (byte) 0xC0, (byte) 0xAF, '"', ':', '1', '}'}),
                "package.refused.json.encoding", "manifest.json");
    }

    @Test
    void manifestPastTheJsonBounds() throws Exception {
        byte[] longString = withManifest(m -> m.put("title", "x".repeat(1001)));
        assertRefused(longString, SMALL, "package.refused.json.limits", "manifest.json", 5, 1016, 1000, 64, 32, 10_000L);
        assertRefused(withManifestBytes(TestPackages.utf8("[".repeat(40))), SMALL, "package.refused.json.limits",
                "manifest.json", 1, 34, 1000, 64, 32, 10_000L);
        assertRefused(withManifestBytes(TestPackages.utf8("{ \"n\" : " + "9".repeat(65) + " }")), SMALL,
                "package.refused.json.limits", "manifest.json", 1, 74, 1000, 64, 32, 10_000L);
        assertRefused(withManifestBytes(TestPackages.utf8("{ \"" + "k".repeat(300) + "\" : 1 }")), SMALL,
                "package.refused.json.limits", "manifest.json", 1, 305, 1000, 64, 32, 10_000L);
        // many small values: the tree's cost follows the tokens
        PackageRefusedException tokens = catchThrowableOfType(PackageRefusedException.class,
                () -> PackageArchive.json(FILE, CONVENTIONS, TestPackages.utf8("[" + "0,".repeat(10_000) + "0]"), SMALL));
        assertThat(tokens.messageKey()).isEqualTo("package.refused.json.limits");
        assertThat(tokens.args()).startsWith(FILE, CONVENTIONS, 1);
        assertTexts(tokens);
    }

    @Test
    void manifestNotAnObject() throws Exception {
        for (String json : List.of("[ ]", "\"ancrage-paquet\"", "null", "1")) {
            assertRefused(withManifestBytes(TestPackages.utf8(json)), "package.refused.manifest.notObject");
        }
    }

    @Test
    void manifestOfAnotherFormat() throws Exception {
        assertRefused(withManifest(m -> m.remove("format")), "package.refused.manifest.formatMissing");
        assertRefused(withManifest(m -> m.put("format", "autre-format")), "package.refused.manifest.format",
                "autre-format");
        assertRefused(withManifest(m -> m.put("format", 3)), "package.refused.manifest.format", "3");
        assertRefused(withManifest(m -> m.put("format", "ancrage-paquet\u202E")), "package.refused.manifest.format",
                "ancrage-paquet\\u202E");
    }

    @Test
    void formatVersions() throws Exception {
        assertRefused(withManifest(m -> m.remove("formatVersion")), "package.refused.manifest.versionMissing");
        assertRefused(withManifest(m -> m.putNull("formatVersion")), "package.refused.manifest.versionMissing");
        assertRefused(withManifest(m -> m.put("formatVersion", "1")), "package.refused.manifest.versionNotInteger", "1");
        assertRefused(withManifest(m -> m.put("formatVersion", 1.5)), "package.refused.manifest.versionNotInteger",
                "1.5");
        assertRefused(withManifest(m -> m.put("formatVersion", 1L << 40)),
                "package.refused.manifest.versionNotInteger", "1099511627776");
        PackageRefusedException newer = assertRefused(withManifest(m -> m.put("formatVersion", 2)),
                "package.refused.manifest.versionNewer", 2, "1");
        assertThat(FRENCH.format(newer.messageKey(), newer.args().toArray()))
                .contains("version d’Ancrage plus récente").contains("Mettez Ancrage à jour");
        assertRefused(withManifest(m -> m.put("formatVersion", 0)), "package.refused.manifest.versionUnknown", 0, "1");
        assertRefused(withManifest(m -> m.put("formatVersion", -1)), "package.refused.manifest.versionUnknown", -1, "1");
    }

    @Test
    void kinds() throws Exception {
        assertRefused(withManifest(m -> m.remove("kind")), "package.refused.manifest.kindMissing");
        assertRefused(withManifest(m -> m.put("kind", " ")), "package.refused.manifest.kindMissing");
        assertRefused(withManifest(m -> m.put("kind", 7)), "package.refused.manifest.kindMissing");
        assertRefused(withManifest(m -> m.put("kind", "ceremonie")), "package.refused.manifest.kindUnknown",
                "ceremonie", "bilan-annuel, echange");
    }

    @Test
    void listOfFiles() throws Exception {
        assertRefused(withManifest(m -> m.remove("files")), "package.refused.manifest.filesMissing");
        assertRefused(withManifest(m -> m.putObject("files")), "package.refused.manifest.filesMissing");
        assertRefused(withManifest(m -> m.withArray("files").insert(0, "documents/x.pdf")),
                "package.refused.manifest.fileNotObject", 1);
        assertRefused(withManifest(m -> file(m, 2).remove("path")), "package.refused.manifest.fileField", 2, "path");
        assertRefused(withManifest(m -> file(m, 2).put("path", 12)), "package.refused.manifest.fileField", 2, "path");
        assertRefused(withManifest(m -> file(m, 2).remove("size")), "package.refused.manifest.fileField", 2, "size");
        assertRefused(withManifest(m -> file(m, 2).put("size", "120")), "package.refused.manifest.fileField", 2, "size");
        assertRefused(withManifest(m -> file(m, 2).put("size", -1)), "package.refused.manifest.fileField", 2, "size");
        assertRefused(withManifest(m -> file(m, 2).put("size", 1.5)), "package.refused.manifest.fileField", 2, "size");
        assertRefused(withManifest(m -> file(m, 2).remove("sha256")), "package.refused.manifest.fileField", 2,
                "sha256");
        assertRefused(withManifest(m -> file(m, 2).put("sha256", file(m, 2).get("sha256").asText().toUpperCase())),
                "package.refused.manifest.fileField", 2, "sha256");
        assertRefused(withManifest(m -> file(m, 2).put("sha256", "9f2c")), "package.refused.manifest.fileField", 2,
                "sha256");
    }

    private static ObjectNode file(ObjectNode manifest, int number) {
        return (ObjectNode) manifest.withArray("files").get(number - 1);
    }

    @Test
    void listsThatDisagreeWithTheZip() throws Exception {
        assertRefused(withManifest(m -> m.withArray("files").add(file(m, 2).deepCopy())),
                "package.refused.manifest.listedTwice", CATALOGUE);
        assertRefused(withManifest(m -> m.withArray("files").add(file(m, 2).deepCopy().put("path", "manifest.json"))),
                "package.refused.manifest.listsItself");
        assertRefused(withManifest(m -> m.withArray("files").add(file(m, 2).deepCopy().put("path", "donnees/fantome.json"))),
                "package.refused.entry.absent", "donnees/fantome.json");
        assertRefused(withManifest(m -> m.withArray("files").remove(2)), "package.refused.entry.unlisted", CONVENTIONS);
    }

    @Test
    void sizesAndChecksumsThatDoNotMatch() throws Exception {
        List<Part> parts = TestPackages.parts();
        assertRefused(withManifest(m -> file(m, 3).put("size", parts.get(2).content().length + 1)),
                "package.refused.entry.size", CONVENTIONS, (long) parts.get(2).content().length + 1,
                (long) parts.get(2).content().length);

        // one byte changed after the manifest was written
        ObjectNode m = TestPackages.manifest(parts);
        List<Part> changed = new ArrayList<>(parts);
        byte[] content = parts.get(2).content().clone();
        content[20] ^= 1;
        changed.set(2, new Part(CONVENTIONS, "application/json", content));
        assertRefused(TestPackages.zip(TestPackages.json(m), changed), "package.refused.entry.sha256", CONVENTIONS);
    }

    // ---------------------------------------------------------------- every refusal has its case

    @AfterAll
    static void everyRefusalWasMet() throws IOException {
        if (MET.size() < 30) {
            return; // a few tests run alone
        }
        Properties bundle = new Properties();
        try (InputStream in = PackageArchiveTest.class.getResourceAsStream("/fr/ancrage/i18n/messages.properties")) {
            bundle.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> keys = new TreeSet<>();
        bundle.stringPropertyNames().stream().filter(k -> k.startsWith("package.refused.")).forEach(keys::add);
        assertThat(MET).containsAll(keys);
    }
}
