package fr.ancrage.documents;

import fr.ancrage.documents.PackageArchive.Contents;
import fr.ancrage.documents.PackageArchive.Limits;
import fr.ancrage.documents.TestPackages.Part;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: whatever happens to a package's bytes (damage in transit, or someone's hands), reading it
 * either refuses it with a {@link PackageRefusedException} whose texts exist, or gives back exactly the
 * files that were packed; never another exception, never an {@link OutOfMemoryError}. And an entry
 * name accepted never leaves the folder it would be extracted to.
 */
class PackageArchivePropertiesTest {

    private static final List<Part> PARTS = TestPackages.parts();
    private static final byte[] VALID = TestPackages.valid(PARTS);
    /** Where the zip's headers begin: local headers, central records, end record. */
    private static final List<Integer> HEADERS = headers(VALID);
    private static final Path DIR = temporaryFolder();

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("ancrage-paquets-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterContainer
    static void deleteFolder() throws IOException {
        try (Stream<Path> files = Files.walk(DIR)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static List<Integer> headers(byte[] zip) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i + 4 <= zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && (zip[i + 2] == 1 && zip[i + 3] == 2 || zip[i + 2] == 3
                    && zip[i + 3] == 4 || zip[i + 2] == 5 && zip[i + 3] == 6 || zip[i + 2] == 7 && zip[i + 3] == 8)) {
                at.add(i);
            }
        }
        return at;
    }

    /** One change to the bytes. Positions are fractions of the length, or a header and a distance into it. */
    sealed interface Mutation {
        byte[] apply(byte[] zip);
    }

    record Overwrite(int header, int into, double anywhere, boolean inHeader, byte value) implements Mutation {
        public byte[] apply(byte[] zip) {
            if (zip.length == 0) {
                return zip;
            }
            byte[] copy = zip.clone();
            copy[position(zip.length, header, into, anywhere, inHeader)] = value;
            return copy;
        }
    }

    record Add(int header, int into, double anywhere, boolean inHeader, int amount) implements Mutation {
        public byte[] apply(byte[] zip) {
            if (zip.length == 0) {
                return zip;
            }
            int p = position(zip.length, header, into, anywhere, inHeader);
            byte[] copy = zip.clone();
            copy[p] = (byte) (zip[p] + amount);
            return copy;
        }
    }

    record Delete(double anywhere, int length) implements Mutation {
        public byte[] apply(byte[] zip) {
            int from = (int) (anywhere * zip.length);
            int to = Math.min(zip.length, from + length);
            byte[] copy = new byte[zip.length - (to - from)];
            System.arraycopy(zip, 0, copy, 0, from);
            System.arraycopy(zip, to, copy, from, zip.length - to);
            return copy;
        }
    }

    record Insert(double anywhere, byte[] bytes) implements Mutation {
        public byte[] apply(byte[] zip) {
            int at = (int) (anywhere * zip.length);
            byte[] copy = new byte[zip.length + bytes.length];
            System.arraycopy(zip, 0, copy, 0, at);
            System.arraycopy(bytes, 0, copy, at, bytes.length);
            System.arraycopy(zip, at, copy, at + bytes.length, zip.length - at);
            return copy;
        }
    }

    record Truncate(double keep) implements Mutation {
        public byte[] apply(byte[] zip) {
            return Arrays.copyOf(zip, (int) (keep * zip.length));
        }
    }

    /** A range copied over another place: a header over another one, a size over a name… */
    record Copy(double from, double to, int length) implements Mutation {
        public byte[] apply(byte[] zip) {
            byte[] copy = zip.clone();
            int f = (int) (from * zip.length);
            int t = (int) (to * zip.length);
            int n = Math.min(length, Math.min(zip.length - f, zip.length - t));
            System.arraycopy(zip, f, copy, t, Math.max(0, n));
            return copy;
        }
    }

    private static int position(int length, int header, int into, double anywhere, boolean inHeader) {
        int p = inHeader ? HEADERS.get(header % HEADERS.size()) + into : (int) (anywhere * length);
        return Math.min(length - 1, Math.max(0, p));
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        // uniform: jqwik's default favours values near 0, which would mostly break the first bytes
        Arbitrary<Integer> header = Arbitraries.integers().between(0, 1000).withDistribution(RandomDistribution.uniform());
        Arbitrary<Integer> into = Arbitraries.integers().between(0, 60).withDistribution(RandomDistribution.uniform());
        Arbitrary<Double> anywhere = Arbitraries.doubles().between(0, 1).ofScale(6)
                .withDistribution(RandomDistribution.uniform());
        Arbitrary<Boolean> inHeader = Arbitraries.frequency(Tuple.of(3, true),
                Tuple.of(1, false));
        Arbitrary<Byte> value = Arbitraries.oneOf(Arbitraries.bytes(), Arbitraries.of((byte) 0, (byte) 0xFF,
                (byte) 0x7F, (byte) 0x80, (byte) '/', (byte) '.'));
        Arbitrary<Mutation> overwrite = Combinators.combine(header, into, anywhere, inHeader, value).as(Overwrite::new);
        Arbitrary<Mutation> add = Combinators.combine(header, into, anywhere, inHeader,
                Arbitraries.of(1, -1, 2, 0x40, 0x80, 0x100)).as(Add::new);
        Arbitrary<Mutation> delete = Combinators.combine(anywhere, Arbitraries.integers().between(1, 64)).as(Delete::new);
        Arbitrary<Mutation> insert = Combinators.combine(anywhere, Arbitraries.bytes().array(byte[].class)
                .ofMinSize(1).ofMaxSize(48)).as(Insert::new);
        Arbitrary<Mutation> truncate = anywhere.map(Truncate::new);
        Arbitrary<Mutation> copy = Combinators.combine(anywhere, anywhere, Arbitraries.integers().between(1, 64))
                .as(Copy::new);
        return Arbitraries.frequencyOf(Tuple.of(6, overwrite),
                        Tuple.of(3, add), Tuple.of(1, delete),
                        Tuple.of(1, insert), Tuple.of(1, truncate),
                        Tuple.of(1, copy))
                .list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
    void aChangedPackageIsRefusedOrReadIntact(@ForAll("mutations") List<Mutation> mutations) throws IOException {
        byte[] zip = VALID;
        for (Mutation m : mutations) {
            zip = m.apply(zip);
        }
        Path file = Files.write(DIR.resolve("paquet.zip"), zip);
        try {
            Contents c = PackageArchive.read(file, Limits.DEFAULT, Set.of(1), Set.of("bilan-annuel"));
            assertThat(c.files().keySet()).containsExactlyElementsOf(PARTS.stream().map(Part::path).toList());
            for (Part p : PARTS) {
                assertThat(c.files().get(p.path())).as(p.path()).isEqualTo(p.content());
            }
            Statistics.collect("read");
        } catch (PackageRefusedException e) {
            Statistics.collect(e.messageKey());
            assertThat(e.messageKey()).startsWith("package.refused.");
            PackageArchiveTest.assertTexts(e);
        }
        // anything else (another exception, an error) fails the property
    }

    /** Changes to the manifest's text, the zip itself sound: the JSON and the checks of the manifest. */
    @Provide
    Arbitrary<List<Mutation>> manifestChanges() {
        Arbitrary<Double> anywhere = Arbitraries.doubles().between(0, 1).ofScale(6)
                .withDistribution(RandomDistribution.uniform());
        List<Byte> jsonBytes = new ArrayList<>();
        for (byte b : "{}[]\":,0123456789-+.eE ntrufalsx\\/\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            jsonBytes.add(b);
        }
        Arbitrary<Byte> json = Arbitraries.oneOf(Arbitraries.of(jsonBytes), Arbitraries.bytes());
        Arbitrary<Mutation> overwrite = Combinators.combine(anywhere, json)
                .as((at, b) -> new Overwrite(0, 0, at, false, b));
        Arbitrary<Mutation> insert = Combinators.combine(anywhere, json.array(byte[].class).ofMinSize(1).ofMaxSize(8))
                .as(Insert::new);
        Arbitrary<Mutation> delete = Combinators.combine(anywhere, Arbitraries.integers().between(1, 8)).as(Delete::new);
        Arbitrary<Mutation> copy = Combinators.combine(anywhere, anywhere, Arbitraries.integers().between(1, 40))
                .as(Copy::new);
        return Arbitraries.oneOf(overwrite, insert, delete, copy).list().ofMinSize(1).ofMaxSize(3);
    }

    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
    void aChangedManifestIsRefusedOrReadIntact(@ForAll("manifestChanges") List<Mutation> mutations) throws IOException {
        byte[] manifest = TestPackages.json(TestPackages.manifest(PARTS));
        for (Mutation m : mutations) {
            manifest = m.apply(manifest);
        }
        Path file = Files.write(DIR.resolve("paquet.zip"), TestPackages.zip(manifest, PARTS));
        try {
            Contents c = PackageArchive.read(file, Limits.DEFAULT, Set.of(1), Set.of("bilan-annuel"));
            assertThat(c.files().keySet()).containsExactlyInAnyOrderElementsOf(PARTS.stream().map(Part::path).toList());
            for (Part p : PARTS) {
                assertThat(c.files().get(p.path())).as(p.path()).isEqualTo(p.content());
            }
            Statistics.collect("read");
        } catch (PackageRefusedException e) {
            Statistics.collect(e.messageKey());
            PackageArchiveTest.assertTexts(e);
        }
    }

    @Example
    void theUnchangedPackageIsRead() throws Exception {
        Path file = Files.write(DIR.resolve("intact.zip"), VALID);
        assertThat(PackageArchive.read(file, Limits.DEFAULT, Set.of(1), Set.of("bilan-annuel")).files()).hasSize(4);
    }

    private static final Pattern SAFE = Pattern.compile("[a-z0-9._-]+(/[a-z0-9._-]+)*");

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> pieces = Arbitraries.of("a", "z", "0", "9", ".", "..", "/", "\\", ":", "-", "_", "C", "c:",
                "~", " ", "é", "\u0000", "\n", "\u202E", "\u200B", "\uFEFF", "\uD800", "con", "nul", "%2e", "donnees");
        return pieces.list().ofMaxSize(10).map(l -> String.join("", l));
    }

    @Property(tries = 3000)
    void anAcceptedNameStaysInItsFolder(@ForAll("names") String name) {
        String problem = EntryNames.problem(name);
        if (problem == null) {
            assertThat(name).matches(SAFE);
            Path root = Path.of("/tmp/paquet");
            Path target = root.resolve(name).normalize();
            assertThat(target.startsWith(root) && !target.equals(root)).as(name).isTrue();
            assertThat(name.split("/")).noneMatch(s -> s.equals(".") || s.equals("..") || s.endsWith("."));
        } else {
            assertThat(problem).startsWith("package.refused.name.");
        }
        // what a message shows of it holds no hidden character
        assertThat(EntryNames.shown(name).codePoints()).noneMatch(cp -> cp < 0x20 || cp >= 0x7F && cp <= 0x9F
                || Character.getType(cp) == Character.FORMAT || cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
    }
}
