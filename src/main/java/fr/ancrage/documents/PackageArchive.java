package fr.ancrage.documents;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a package ({@code ancrage-paquet}, docs/package-format.md) that came from outside, hence is
 * untrusted: the whole file in memory (no temporary file), its zip structure checked
 * ({@link ZipLayout}: one reading only, local headers agreeing with the central directory), every
 * entry name checked ({@link EntryNames}: nothing that could leave a folder), every entry inflated
 * with its bytes counted against bounds ({@link Limits}), the manifest parsed with bounded JSON and
 * checked, and every listed file's size and SHA-256 compared. It returns the verified contents, or
 * refuses the package with a {@link PackageRefusedException} naming the first fault and where it is.
 * The records inside ({@code donnees/*.json}) are the caller's to read, with {@link Contents#json}.
 */
public final class PackageArchive {

    public static final String FORMAT = "ancrage-paquet";
    public static final String MANIFEST = "manifest.json";
    /** The deepest JSON nesting a package's file may have (a record in an array in an object…: 5). */
    public static final int MAX_NESTING_DEPTH = 32;
    /** The most characters a JSON number may have (an amount: some twenty). */
    public static final int MAX_NUMBER_CHARS = 64;
    /** The most characters a JSON property name may have. */
    public static final int MAX_NAME_CHARS = 256;
    /** The most bytes an archive may have here: every offset of a zip then fits comfortably in an int. */
    public static final long MAX_ARCHIVE_BYTES = 1L << 30;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /**
     * The bounds a package must stay within (docs/package-format.md, « Reading a package safely »).
     *
     * @param maxArchiveBytes  the file's size
     * @param maxEntries       how many entries the zip may have
     * @param maxEntryBytes    the most one entry may hold once inflated
     * @param maxTotalBytes    the most all entries together may hold once inflated
     * @param maxRatio         how many times its compressed size an entry larger than {@code ratioFromBytes}
     *                         may inflate to
     * @param ratioFromBytes   the inflated size from which {@code maxRatio} applies
     * @param maxManifestBytes the most {@code manifest.json} may hold once inflated
     * @param maxStringChars   the longest JSON string, in characters, of the manifest and of the files
     *                         read with {@link Contents#json}
     * @param maxJsonTokens    the most tokens (values, names, brackets) such a JSON file may have: what
     *                         its tree costs in memory follows their number more than the file's size
     */
    public record Limits(long maxArchiveBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes,
                         int maxRatio, long ratioFromBytes, long maxManifestBytes, int maxStringChars,
                         long maxJsonTokens) {

        /**
         * 128 MB of file, 1,000 entries, 128 MB per entry and 256 MB in all once inflated, a ratio of 100
         * beyond 1 MB, a manifest of 1 MB, strings of 65,536 characters, 10 million JSON tokens a file:
         * why in docs/package-format.md.
         */
        public static final Limits DEFAULT = new Limits(128L << 20, 1_000, 128L << 20, 256L << 20, 100, 1L << 20,
                1L << 20, 65_536, 10_000_000);

        public Limits {
            if (maxArchiveBytes <= 0 || maxArchiveBytes > MAX_ARCHIVE_BYTES || maxEntries <= 0 || maxEntryBytes <= 0
                    || maxEntryBytes > MAX_ARCHIVE_BYTES || maxTotalBytes <= 0 || maxRatio <= 0 || ratioFromBytes < 0
                    || maxManifestBytes <= 0 || maxStringChars <= 0 || maxJsonTokens <= 0) {
                throw new IllegalArgumentException("limits out of range: " + maxArchiveBytes + ", " + maxEntries + ", "
                        + maxEntryBytes + ", " + maxTotalBytes + ", " + maxRatio + ", " + ratioFromBytes + ", "
                        + maxManifestBytes + ", " + maxStringChars + ", " + maxJsonTokens);
            }
        }
    }

    /**
     * A package read and verified.
     *
     * @param fileName      the package's file name, as the refusals show it
     * @param manifest      {@code manifest.json} as a tree (an object; its {@code format}, {@code formatVersion},
     *                      {@code kind} and {@code files} checked, the rest the caller's to check)
     * @param formatVersion one of the versions the caller knows
     * @param kind          one of the kinds the caller knows
     * @param files         every file the manifest lists, by path, in the manifest's order, with its bytes
     *                      (size and SHA-256 checked); the manifest itself is not among them
     * @param limits        the bounds it was read with, which {@link #json} applies too
     */
    public record Contents(String fileName, JsonNode manifest, int formatVersion, String kind,
                           Map<String, byte[]> files, Limits limits) {

        /**
         * A listed file parsed as JSON with the bounds: UTF-8, well formed, one value, no key twice in an
         * object, strings, numbers, names, nesting and tokens within the limits. Floating-point numbers are read as
         * {@link java.math.BigDecimal} (amounts stay exact).
         *
         * @throws PackageRefusedException {@code package.refused.entry.missing} when the package has no such
         *                                 file, else as {@link PackageArchive#json}
         */
        public JsonNode json(String path) throws PackageRefusedException {
            byte[] content = files.get(path);
            if (content == null) {
                throw new PackageRefusedException("package.refused.entry.missing", fileName, EntryNames.shown(path));
            }
            return PackageArchive.json(fileName, path, content, limits);
        }
    }

    private PackageArchive() {
    }

    /**
     * Reads and verifies a package.
     *
     * @param knownVersions the {@code formatVersion}s the caller reads (a higher one: « made by a newer Ancrage »)
     * @param knownKinds    the {@code kind}s the caller reads
     * @throws PackageRefusedException with the first fault found, in this order: the file, the zip's
     *                                 structure and names, the manifest, then each file in the zip's order
     */
    public static Contents read(Path file, Limits limits, Set<Integer> knownVersions, Set<String> knownKinds)
            throws PackageRefusedException {
        return read(file, load(file, limits), limits, knownVersions, knownKinds);
    }

    /**
     * The bytes of the package {@code file}, read once and bounded by {@code limits}: its size
     * checked first, then what was read (the file may grow meanwhile).
     */
    public static byte[] load(Path file, Limits limits) throws PackageRefusedException {
        return load(file, limits, refusal(file));
    }

    /** Verifies the package {@code zip}, the bytes {@link #load} read from {@code file}, as {@link #read(Path, Limits, Set, Set)}. */
    public static Contents read(Path file, byte[] zip, Limits limits, Set<Integer> knownVersions,
                                Set<String> knownKinds) throws PackageRefusedException {
        String fileName = shownName(file);
        ZipLayout.Refusal refuse = refusal(file);
        List<ZipLayout.Entry> entries = ZipLayout.entries(zip, limits.maxEntries(), refuse);
        if (entries.stream().noneMatch(e -> e.name().equals(MANIFEST))) {
            throw refuse.of("package.refused.manifest.missing");
        }
        if (!entries.getFirst().name().equals(MANIFEST)) {
            throw refuse.of("package.refused.manifest.notFirst", EntryNames.shown(entries.getFirst().name()));
        }
        Inflating inflating = new Inflating(zip, limits, refuse);
        JsonNode manifest = json(fileName, MANIFEST, inflating.manifest(entries.getFirst()), limits);
        Manifest checked = manifest(manifest, knownVersions, knownKinds, refuse);

        Map<String, ZipLayout.Entry> inZip = new HashMap<>();
        entries.forEach(e -> inZip.put(e.name(), e));
        for (String path : checked.listed().keySet()) {
            if (!inZip.containsKey(path)) {
                throw refuse.of("package.refused.entry.absent", EntryNames.shown(path));
            }
        }
        for (ZipLayout.Entry e : entries.subList(1, entries.size())) {
            if (!checked.listed().containsKey(e.name())) {
                throw refuse.of("package.refused.entry.unlisted", EntryNames.shown(e.name()));
            }
        }
        Map<String, byte[]> read = new HashMap<>();
        for (ZipLayout.Entry e : entries.subList(1, entries.size())) {
            byte[] content = inflating.entry(e);
            Listed listed = checked.listed().get(e.name());
            if (content.length != listed.size()) {
                throw refuse.of("package.refused.entry.size", EntryNames.shown(e.name()), listed.size(),
                        (long) content.length);
            }
            if (!sha256(content).equals(listed.sha256())) {
                throw refuse.of("package.refused.entry.sha256", EntryNames.shown(e.name()));
            }
            read.put(e.name(), content);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        checked.listed().keySet().forEach(path -> files.put(path, read.get(path)));
        return new Contents(fileName, manifest, checked.version(), checked.kind(), Collections.unmodifiableMap(files),
                limits);
    }

    private static String shownName(Path file) {
        Path name = file.getFileName();
        return EntryNames.shown(name == null ? file.toString() : name.toString());
    }

    /** Refusals that name the file first. */
    private static ZipLayout.Refusal refusal(Path file) {
        String fileName = shownName(file);
        return (key, args) -> {
            Object[] all = new Object[args.length + 1];
            all[0] = fileName;
            System.arraycopy(args, 0, all, 1, args.length);
            return new PackageRefusedException(key, all);
        };
    }

    private static byte[] load(Path file, Limits limits, ZipLayout.Refusal refuse) throws PackageRefusedException {
        if (!Files.isRegularFile(file)) {
            throw refuse.of("package.refused.file.notFile");
        }
        long max = limits.maxArchiveBytes();
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            if (size == 0) {
                throw refuse.of("package.refused.file.empty");
            }
            if (size > max) {
                throw refuse.of("package.refused.file.tooLarge", size, max);
            }
            byte[] bytes = in.readNBytes((int) max + 1);
            if (bytes.length > max) {
                throw refuse.of("package.refused.file.tooLarge", (long) bytes.length, max);
            }
            if (bytes.length == 0) {
                throw refuse.of("package.refused.file.empty");
            }
            return bytes;
        } catch (IOException e) {
            throw refuse.of("package.refused.file.unreadable", e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + " : " + e.getMessage());
        }
    }

    /** A file of the manifest's list. */
    private record Listed(long size, String sha256) {
    }

    private record Manifest(int version, String kind, Map<String, Listed> listed) {
    }

    private static Manifest manifest(JsonNode m, Set<Integer> knownVersions, Set<String> knownKinds,
                                     ZipLayout.Refusal refuse) throws PackageRefusedException {
        if (m == null || !m.isObject()) {
            throw refuse.of("package.refused.manifest.notObject");
        }
        JsonNode format = m.get("format");
        if (format == null || format.isNull()) {
            throw refuse.of("package.refused.manifest.formatMissing");
        }
        if (!format.isTextual() || !format.textValue().equals(FORMAT)) {
            throw refuse.of("package.refused.manifest.format", EntryNames.shown(format.isTextual() ? format.textValue()
                    : format.toString()));
        }
        JsonNode v = m.get("formatVersion");
        if (v == null || v.isNull()) {
            throw refuse.of("package.refused.manifest.versionMissing");
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw refuse.of("package.refused.manifest.versionNotInteger", EntryNames.shown(v.isTextual() ? v.textValue()
                    : v.toString()));
        }
        int version = v.intValue();
        if (!knownVersions.contains(version)) {
            String known = knownVersions.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
            boolean newer = knownVersions.stream().allMatch(k -> k < version);
            throw refuse.of(newer ? "package.refused.manifest.versionNewer" : "package.refused.manifest.versionUnknown",
                    version, known);
        }
        JsonNode k = m.get("kind");
        if (k == null || !k.isTextual() || k.textValue().isBlank()) {
            throw refuse.of("package.refused.manifest.kindMissing");
        }
        String kind = k.textValue();
        if (!knownKinds.contains(kind)) {
            throw refuse.of("package.refused.manifest.kindUnknown", EntryNames.shown(kind),
                    knownKinds.stream().sorted().collect(Collectors.joining(", ")));
        }
        JsonNode files = m.get("files");
        if (files == null || !files.isArray()) {
            throw refuse.of("package.refused.manifest.filesMissing");
        }
        Map<String, Listed> listed = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode f : files) {
            index++;
            if (!f.isObject()) {
                throw refuse.of("package.refused.manifest.fileNotObject", index);
            }
            JsonNode path = f.get("path");
            if (path == null || !path.isTextual()) {
                throw refuse.of("package.refused.manifest.fileField", index, "path");
            }
            String p = path.textValue();
            String problem = EntryNames.problem(p);
            if (problem != null) {
                throw refuse.of(problem, EntryNames.shown(p));
            }
            if (p.equals(MANIFEST)) {
                throw refuse.of("package.refused.manifest.listsItself");
            }
            JsonNode size = f.get("size");
            if (size == null || !size.isIntegralNumber() || !size.canConvertToLong() || size.longValue() < 0) {
                throw refuse.of("package.refused.manifest.fileField", index, "size");
            }
            JsonNode sha = f.get("sha256");
            if (sha == null || !sha.isTextual() || !SHA256.matcher(sha.textValue()).matches()) {
                throw refuse.of("package.refused.manifest.fileField", index, "sha256");
            }
            if (listed.put(p, new Listed(size.longValue(), sha.textValue())) != null) {
                throw refuse.of("package.refused.manifest.listedTwice", EntryNames.shown(p));
            }
        }
        return new Manifest(version, kind, listed);
    }

    /**
     * A file of a package parsed as JSON, with the bounds of {@link Contents#json}.
     *
     * @param fileName the package's file name, for the refusals
     * @param entry    the file's path in the package, for the refusals
     * @throws PackageRefusedException {@code package.refused.json.encoding} (not UTF-8),
     *                                 {@code package.refused.json.limits} (a bound passed, at a line and column),
     *                                 {@code package.refused.json.malformed} (at a line and column)
     */
    public static JsonNode json(String fileName, String entry, byte[] content, Limits limits)
            throws PackageRefusedException {
        String shown = EntryNames.shown(entry);
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(limits.maxStringChars())
                        .maxNumberLength(MAX_NUMBER_CHARS)
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNameLength(MAX_NAME_CHARS)
                        .maxTokenCount(limits.maxJsonTokens())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        // UTF-8 only, strictly: Jackson would take UTF-16 or UTF-32 too, and let some bad sequences through
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        JsonParser parser = null;
        try {
            parser = factory.createParser(new InputStreamReader(
                    new ByteArrayInputStream(content, start, content.length - start), decoder));
            JsonNode node = MAPPER.readTree(parser);
            if (node == null || node.isMissingNode() || parser.nextToken() != null) {
                throw malformed(fileName, shown, parser.currentLocation());
            }
            return node;
        } catch (StreamConstraintsException e) {
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser == null ? null : parser.currentLocation();
            throw new PackageRefusedException("package.refused.json.limits", fileName, shown, line(at), column(at),
                    limits.maxStringChars(), MAX_NUMBER_CHARS, MAX_NESTING_DEPTH, limits.maxJsonTokens());
        } catch (JsonProcessingException e) {
            if (encoding(e)) {
                throw new PackageRefusedException("package.refused.json.encoding", fileName, shown);
            }
            throw malformed(fileName, shown, e.getLocation() != null ? e.getLocation()
                    : parser == null ? null : parser.currentLocation());
        } catch (IOException e) {
            if (encoding(e)) {
                throw new PackageRefusedException("package.refused.json.encoding", fileName, shown);
            }
            throw malformed(fileName, shown, parser == null ? null : parser.currentLocation());
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // an array in memory: nothing to release
                }
            }
        }
    }

    private static boolean encoding(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    private static PackageRefusedException malformed(String fileName, String shown, JsonLocation at) {
        return new PackageRefusedException("package.refused.json.malformed", fileName, shown, line(at), column(at));
    }

    private static int line(JsonLocation at) {
        return at == null ? 0 : Math.max(0, at.getLineNr());
    }

    private static int column(JsonLocation at) {
        return at == null ? 0 : Math.max(0, at.getColumnNr());
    }

    /**
     * Inflates the entries with their bytes counted. The sizes the zip declares are compared with the
     * bounds before anything is inflated (an entry that says it is too large, or too compressed, is
     * refused at once), then the inflated bytes are counted and must be exactly the declared size: the
     * inflating stops at the first byte beyond it, so no entry ever holds more than its declared size,
     * which the bounds allowed. Every entry's compressed data must also be consumed whole, and its CRC-32
     * match.
     */
    private static final class Inflating {

        private final byte[] zip;
        private final Limits limits;
        private final ZipLayout.Refusal refuse;
        private long total;

        Inflating(byte[] zip, Limits limits, ZipLayout.Refusal refuse) {
            this.zip = zip;
            this.limits = limits;
            this.refuse = refuse;
        }

        byte[] manifest(ZipLayout.Entry e) throws PackageRefusedException {
            return inflate(e, Math.min(limits.maxManifestBytes(), limits.maxEntryBytes()), true);
        }

        byte[] entry(ZipLayout.Entry e) throws PackageRefusedException {
            return inflate(e, limits.maxEntryBytes(), false);
        }

        private byte[] inflate(ZipLayout.Entry e, long max, boolean manifest) throws PackageRefusedException {
            String shown = EntryNames.shown(e.name());
            long size = e.size();
            if (size > max) {
                throw tooLarge(shown, max, manifest);
            }
            if (total + size > limits.maxTotalBytes()) {
                throw refuse.of("package.refused.bomb.total", shown, limits.maxTotalBytes());
            }
            if (size > limits.ratioFromBytes() && size > (long) limits.maxRatio() * Math.max(1, e.compressedSize())) {
                throw refuse.of("package.refused.bomb.ratio", shown, limits.maxRatio());
            }
            byte[] out = new byte[(int) size];
            if (e.method() == ZipLayout.STORED) {
                System.arraycopy(zip, e.dataStart(), out, 0, out.length);
            } else {
                inflate(e, out, shown, max, manifest);
            }
            CRC32 crc = new CRC32();
            crc.update(out);
            if (crc.getValue() != e.crc()) {
                throw refuse.of("package.refused.zip.corrupt", shown);
            }
            total += size;
            return out;
        }

        private void inflate(ZipLayout.Entry e, byte[] out, String shown, long max, boolean manifest)
                throws PackageRefusedException {
            Inflater inflater = new Inflater(true);
            try {
                inflater.setInput(zip, e.dataStart(), (int) e.compressedSize());
                int off = 0;
                while (off < out.length) {
                    long before = inflater.getBytesRead();
                    int n = inflater.inflate(out, off, out.length - off);
                    if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary()
                            || inflater.getBytesRead() == before)) {
                        // the data ends before the declared size
                        throw refuse.of("package.refused.zip.corrupt", shown);
                    }
                    off += n;
                }
                byte[] beyond = new byte[1];
                while (!inflater.finished()) {
                    long before = inflater.getBytesRead();
                    if (inflater.inflate(beyond) > 0) {
                        throw pastDeclared(shown, out.length, max, manifest);
                    }
                    if (inflater.finished()) {
                        break;
                    }
                    if (inflater.needsInput() || inflater.needsDictionary() || inflater.getBytesRead() == before) {
                        throw refuse.of("package.refused.zip.corrupt", shown);
                    }
                }
                if (inflater.getBytesRead() != e.compressedSize()) {
                    // bytes after the end of the compressed data, which a reader from the start would take
                    // for the next header
                    throw refuse.of("package.refused.zip.corrupt", shown);
                }
            } catch (DataFormatException ex) {
                throw refuse.of("package.refused.zip.corrupt", shown);
            } finally {
                inflater.end();
            }
        }

        /** An entry that inflates past its declared size: past a bound when it was declared at it. */
        private PackageRefusedException pastDeclared(String shown, long declared, long max, boolean manifest) {
            if (declared >= max) {
                return tooLarge(shown, max, manifest);
            }
            if (total + declared >= limits.maxTotalBytes()) {
                return refuse.of("package.refused.bomb.total", shown, limits.maxTotalBytes());
            }
            return refuse.of("package.refused.bomb.declared", shown, declared);
        }

        private PackageRefusedException tooLarge(String shown, long max, boolean manifest) {
            return manifest ? refuse.of("package.refused.manifest.tooLarge", max)
                    : refuse.of("package.refused.bomb.entry", shown, max);
        }
    }

    /** The SHA-256 of {@code content} in lower-case hexadecimal, as a manifest lists it. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
