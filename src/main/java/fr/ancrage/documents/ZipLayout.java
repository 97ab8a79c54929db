package fr.ancrage.documents;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The entries of a zip held in memory, read so that there is one way only to read them. A zip says
 * what it holds twice: each entry's local header, before its data (what a reader from the start sees,
 * {@link java.util.zip.ZipInputStream}), and the central directory at the end (what
 * {@link java.util.zip.ZipFile} and most tools read). A crafted file can make the two disagree (another
 * name, other sizes), hide data between entries, or point several entries at the same data (the
 * overlapping « better zip bomb »). Here the central directory is read, then every local header checked
 * against it, and every byte of the file must belong to exactly one entry, in order: the entries from
 * the first byte on, each right after the previous one, then the central directory, then its end
 * record. Anything else is refused.
 */
final class ZipLayout {

    static final int LOCAL = 0x04034b50;
    static final int CENTRAL = 0x02014b50;
    static final int END = 0x06054b50;
    static final int DESCRIPTOR = 0x08074b50;
    static final int STORED = 0;
    static final int DEFLATED = 8;

    private static final int END_SIZE = 22;
    private static final int CENTRAL_SIZE = 46;
    private static final int LOCAL_SIZE = 30;
    private static final int MAX_COMMENT = 0xFFFF;
    /** Encrypted (bit 0), strongly encrypted (bit 6), local header masked (bit 13). */
    private static final int ENCRYPTION_FLAGS = 0x0001 | 0x0040 | 0x2000;
    private static final int DATA_DESCRIPTOR_FLAG = 0x0008;
    private static final int UTF8_FLAG = 0x0800;
    private static final int ZIP64_EXTRA = 0x0001;
    /** Info-ZIP's Unicode Path: a second name that some tools read instead of the header's. */
    private static final int UNICODE_PATH_EXTRA = 0x7075;
    private static final long MAGIC32 = 0xFFFFFFFFL;

    /** One entry: its name and where its compressed data lies in the file. */
    record Entry(String name, int method, long crc, long compressedSize, long size, int dataStart) {
    }

    /** Makes the refusals, with the package's file name. */
    @FunctionalInterface
    interface Refusal {
        PackageRefusedException of(String key, Object... args);
    }

    private final byte[] zip;
    private final Refusal refuse;

    private ZipLayout(byte[] zip, Refusal refuse) {
        this.zip = zip;
        this.refuse = refuse;
    }

    /** The entries in the order of the file, or a refusal saying the first thing wrong. */
    static List<Entry> entries(byte[] zip, int maxEntries, Refusal refuse) throws PackageRefusedException {
        return new ZipLayout(zip, refuse).read(maxEntries);
    }

    private List<Entry> read(int maxEntries) throws PackageRefusedException {
        int n = zip.length;
        boolean startsAsZip = n >= 4 && (u32(0) == LOCAL || u32(0) == END);
        if (!startsAsZip) {
            throw refuse.of("package.refused.zip.notZip");
        }
        int end = endRecord();
        if (end < 0) {
            throw refuse.of("package.refused.zip.truncated");
        }
        for (int i = end + END_SIZE; i + 4 <= n; i++) {
            // a comment holding another end record could be read as the end by another tool
            if (u32(i) == END) {
                throw refuse.of("package.refused.zip.structure", (long) i);
            }
        }
        int count = u16(end + 10);
        long directorySize = u32(end + 12);
        long directoryOffset = u32(end + 16);
        if (count == 0xFFFF || directorySize == MAGIC32 || directoryOffset == MAGIC32) {
            throw refuse.of("package.refused.zip.zip64");
        }
        if (u16(end + 4) != 0 || u16(end + 6) != 0 || u16(end + 8) != count) {
            // split over several disks
            throw refuse.of("package.refused.zip.structure", (long) end);
        }
        if (count > maxEntries) {
            throw refuse.of("package.refused.zip.tooManyEntries", count, maxEntries);
        }
        if (directoryOffset + directorySize != end) {
            throw refuse.of("package.refused.zip.structure", (long) end);
        }
        List<Central> central = centralDirectory((int) directoryOffset, end, count);
        return local(central, (int) directoryOffset);
    }

    /** The offset of the end record: the last one whose comment ends exactly at the end of the file. */
    private int endRecord() {
        int n = zip.length;
        for (int i = n - END_SIZE; i >= 0 && i >= n - END_SIZE - MAX_COMMENT; i--) {
            if (u32(i) == END && i + END_SIZE + u16(i + 20) == n) {
                return i;
            }
        }
        return -1;
    }

    /** A record of the central directory. */
    private record Central(String name, byte[] rawName, int flags, int method, long crc, long compressedSize,
                           long size, long localOffset) {
    }

    private List<Central> centralDirectory(int start, int end, int count) throws PackageRefusedException {
        List<Central> entries = new ArrayList<>(count);
        Set<String> names = new HashSet<>();
        int p = start;
        for (int i = 0; i < count; i++) {
            if (p + CENTRAL_SIZE > end || u32(p) != CENTRAL) {
                throw refuse.of("package.refused.zip.structure", (long) p);
            }
            int madeBy = u16(p + 4);
            int flags = u16(p + 8);
            int method = u16(p + 10);
            long crc = u32(p + 16);
            long compressedSize = u32(p + 20);
            long size = u32(p + 24);
            int nameLength = u16(p + 28);
            int extraLength = u16(p + 30);
            int commentLength = u16(p + 32);
            int disk = u16(p + 34);
            long attributes = u32(p + 38);
            long localOffset = u32(p + 42);
            int next = p + CENTRAL_SIZE + nameLength + extraLength + commentLength;
            if (next > end) {
                throw refuse.of("package.refused.zip.structure", (long) p);
            }
            byte[] rawName = java.util.Arrays.copyOfRange(zip, p + CENTRAL_SIZE, p + CENTRAL_SIZE + nameLength);
            String name = name(rawName, flags);
            String shown = EntryNames.shown(name);
            String problem = EntryNames.problem(name);
            if (problem != null) {
                throw refuse.of(problem, shown);
            }
            if (!names.add(name)) {
                throw refuse.of("package.refused.zip.duplicate", shown);
            }
            checkExtra(p + CENTRAL_SIZE + nameLength, extraLength, shown);
            if ((flags & ENCRYPTION_FLAGS) != 0 || method == 99) {
                throw refuse.of("package.refused.zip.encrypted", shown);
            }
            if (method != STORED && method != DEFLATED) {
                throw refuse.of("package.refused.zip.method", shown, method);
            }
            if (compressedSize == MAGIC32 || size == MAGIC32 || localOffset == MAGIC32) {
                throw refuse.of("package.refused.zip.zip64");
            }
            if (!regularFile(madeBy, attributes)) {
                throw refuse.of("package.refused.zip.notRegular", shown);
            }
            if (disk != 0 || method == STORED && (compressedSize != size || (flags & DATA_DESCRIPTOR_FLAG) != 0)) {
                throw refuse.of("package.refused.zip.entryMalformed", shown);
            }
            entries.add(new Central(name, rawName, flags, method, crc, compressedSize, size, localOffset));
            p = next;
        }
        if (p != end) {
            throw refuse.of("package.refused.zip.structure", (long) p);
        }
        return entries;
    }

    /** No symbolic link, directory or device: the file type of a Unix zip's attributes, MS-DOS's directory bit. */
    private static boolean regularFile(int madeBy, long attributes) {
        int system = madeBy >> 8;
        long unixType = (attributes >>> 16) & 0xF000;
        boolean unixOther = system == 3 && unixType != 0 && unixType != 0x8000;
        boolean directory = (attributes & 0x10) != 0;
        return !unixOther && !directory;
    }

    /** The extra fields, well formed, without a ZIP64 size nor a second name. */
    private void checkExtra(int start, int length, String shown) throws PackageRefusedException {
        int p = start;
        int end = start + length;
        while (p < end) {
            if (p + 4 > end || p + 4 + u16(p + 2) > end) {
                throw refuse.of("package.refused.zip.entryMalformed", shown);
            }
            int id = u16(p);
            if (id == ZIP64_EXTRA) {
                throw refuse.of("package.refused.zip.zip64");
            }
            if (id == UNICODE_PATH_EXTRA) {
                throw refuse.of("package.refused.zip.alternateName", shown);
            }
            p += 4 + u16(p + 2);
        }
    }

    /** Checks each local header against its central record, and that the entries fill the file in order. */
    private List<Entry> local(List<Central> central, int directoryOffset) throws PackageRefusedException {
        List<Entry> entries = new ArrayList<>(central.size());
        long expected = 0;
        for (int i = 0; i < central.size(); i++) {
            Central c = central.get(i);
            String shown = EntryNames.shown(c.name());
            if (c.localOffset() != expected) {
                // data hidden between two entries, or entries sharing data
                throw refuse.of("package.refused.zip.layout", shown);
            }
            int p = (int) c.localOffset();
            if (p + LOCAL_SIZE > directoryOffset || u32(p) != LOCAL) {
                throw refuse.of("package.refused.zip.localMismatch", shown);
            }
            int flags = u16(p + 6);
            int method = u16(p + 8);
            long crc = u32(p + 14);
            long compressedSize = u32(p + 18);
            long size = u32(p + 22);
            int nameLength = u16(p + 26);
            int extraLength = u16(p + 28);
            long dataStart = (long) p + LOCAL_SIZE + nameLength + extraLength;
            if (dataStart > directoryOffset) {
                throw refuse.of("package.refused.zip.localMismatch", shown);
            }
            boolean descriptor = (flags & DATA_DESCRIPTOR_FLAG) != 0;
            boolean sameName = java.util.Arrays.equals(zip, p + LOCAL_SIZE, p + LOCAL_SIZE + nameLength,
                    c.rawName(), 0, c.rawName().length);
            boolean sameSizes = descriptor
                    ? (crc == 0 || crc == c.crc()) && (compressedSize == 0 || compressedSize == c.compressedSize())
                      && (size == 0 || size == c.size())
                    : crc == c.crc() && compressedSize == c.compressedSize() && size == c.size();
            if (flags != c.flags() || method != c.method() || !sameName || !sameSizes) {
                throw refuse.of("package.refused.zip.localMismatch", shown);
            }
            checkExtra(p + LOCAL_SIZE + nameLength, extraLength, shown);
            long dataEnd = dataStart + c.compressedSize();
            if (dataEnd > directoryOffset) {
                throw refuse.of("package.refused.zip.entryMalformed", shown);
            }
            long next = i + 1 < central.size() ? central.get(i + 1).localOffset() : directoryOffset;
            expected = descriptor ? afterDescriptor((int) dataEnd, next, directoryOffset, c, shown) : dataEnd;
            entries.add(new Entry(c.name(), c.method(), c.crc(), c.compressedSize(), c.size(), (int) dataStart));
        }
        if (expected != directoryOffset) {
            throw refuse.of("package.refused.zip.layout", central.isEmpty() ? "" : EntryNames.shown(central.getLast().name()));
        }
        return entries;
    }

    /**
     * Where the data descriptor after an entry's data ends: with or without its signature, it must
     * repeat the central record's checksum and sizes (when both readings fit, the one that ends where
     * the next entry begins).
     */
    private long afterDescriptor(int p, long next, int directoryOffset, Central c, String shown)
            throws PackageRefusedException {
        boolean signed = p + 16 <= directoryOffset && u32(p) == DESCRIPTOR && repeats(p + 4, c);
        boolean unsigned = p + 12 <= directoryOffset && repeats(p, c);
        if (signed && unsigned) {
            return p + 16 == next ? p + 16 : p + 12;
        }
        if (signed || unsigned) {
            return signed ? p + 16 : p + 12;
        }
        throw refuse.of("package.refused.zip.localMismatch", shown);
    }

    private boolean repeats(int p, Central c) {
        return u32(p) == c.crc() && u32(p + 4) == c.compressedSize() && u32(p + 8) == c.size();
    }

    /** UTF-8 when the entry says so, else each byte as one character (shown escaped when not ASCII). */
    private static String name(byte[] raw, int flags) {
        return new String(raw, (flags & UTF8_FLAG) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    private int u16(int p) {
        return (zip[p] & 0xFF) | (zip[p + 1] & 0xFF) << 8;
    }

    private long u32(int p) {
        return (zip[p] & 0xFFL) | (zip[p + 1] & 0xFFL) << 8 | (zip[p + 2] & 0xFFL) << 16 | (zip[p + 3] & 0xFFL) << 24;
    }
}
