package fr.ancrage.documents;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a zip byte by byte, so that a test can make what no zip library writes: two entries of the
 * same name, a local header that says another thing than the central directory, data hidden between
 * entries, entries sharing data, lying sizes. Unchanged, it writes a zip that {@link PackageArchive}
 * reads (the tests check it), so each refusal comes from the one change a test makes.
 */
final class ZipCraft {

    /** One entry; every field may be changed before {@link #build}. */
    static final class Entry {
        byte[] localName;
        byte[] centralName;
        byte[] content;
        /** What is written as the entry's data (the compressed bytes). */
        byte[] data;
        int method = 8;
        int flags = 0x0800;
        long crc;
        long compressedSize;
        long size;
        /** Flag bit 3: zeros in the local header, then a data descriptor (with its signature) after the data. */
        boolean descriptor;
        Integer localFlags;
        Integer localMethod;
        Long localCrc;
        Long localCompressedSize;
        Long localSize;
        /** The size the data descriptor says; null: {@link #size}. */
        Long descriptorSize;
        byte[] localExtra = new byte[0];
        byte[] centralExtra = new byte[0];
        int madeBy = 0x0014;
        long attributes;
        /** The local header's offset the central directory gives; null: where it was written. */
        Long offset;

        Entry(String name, byte[] content) {
            this.localName = name.getBytes(StandardCharsets.UTF_8);
            this.centralName = localName;
            this.content = content;
            this.data = deflate(content);
            CRC32 c = new CRC32();
            c.update(content);
            this.crc = c.getValue();
            this.compressedSize = data.length;
            this.size = content.length;
        }

        Entry name(String name) {
            localName = name.getBytes(StandardCharsets.UTF_8);
            centralName = localName;
            return this;
        }

        Entry stored() {
            method = 0;
            data = content;
            compressedSize = content.length;
            return this;
        }

        Entry withDescriptor() {
            descriptor = true;
            return this;
        }
    }

    final List<Entry> entries = new ArrayList<>();
    /** Bytes written after the data of entry i (before the next entry, or the central directory). */
    final Map<Integer, byte[]> after = new HashMap<>();
    byte[] prefix = new byte[0];
    byte[] comment = new byte[0];
    Integer count;
    Long directoryOffset;
    Long directorySize;
    int disk;

    static byte[] deflate(byte[] content) {
        Deflater d = new Deflater(6, true);
        try {
            d.setInput(content);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!d.finished()) {
                out.write(buffer, 0, d.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /** A package as ZipCraft writes it: the manifest then the files, each as its own entry. */
    static ZipCraft of(byte[] manifest, List<TestPackages.Part> parts) {
        ZipCraft z = new ZipCraft();
        z.entries.add(new Entry("manifest.json", manifest));
        parts.forEach(p -> z.entries.add(new Entry(p.path(), p.content())));
        return z;
    }

    static ZipCraft validPackage() {
        List<TestPackages.Part> parts = TestPackages.parts();
        return of(TestPackages.json(TestPackages.manifest(parts)), parts);
    }

    Entry entry(String name) {
        return entries.stream().filter(e -> new String(e.centralName, StandardCharsets.UTF_8).equals(name)).findFirst()
                .orElseThrow();
    }

    byte[] build() {
        Out out = new Out();
        out.bytes(prefix);
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            offsets.add((long) out.size());
            int flags = e.localFlags != null ? e.localFlags : e.flags | (e.descriptor ? 8 : 0);
            out.u32(0x04034b50).u16(20).u16(flags).u16(e.localMethod != null ? e.localMethod : e.method)
                    .u16(0x4820).u16(0x5B81)
                    .u32(e.localCrc != null ? e.localCrc : e.descriptor ? 0 : e.crc)
                    .u32(e.localCompressedSize != null ? e.localCompressedSize : e.descriptor ? 0 : e.compressedSize)
                    .u32(e.localSize != null ? e.localSize : e.descriptor ? 0 : e.size)
                    .u16(e.localName.length).u16(e.localExtra.length).bytes(e.localName).bytes(e.localExtra)
                    .bytes(e.data);
            if (e.descriptor) {
                out.u32(0x08074b50).u32(e.crc).u32(e.compressedSize)
                        .u32(e.descriptorSize != null ? e.descriptorSize : e.size);
            }
            out.bytes(after.getOrDefault(i, new byte[0]));
        }
        long start = out.size();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            out.u32(0x02014b50).u16(e.madeBy).u16(20).u16(e.flags | (e.descriptor ? 8 : 0)).u16(e.method)
                    .u16(0x4820).u16(0x5B81).u32(e.crc).u32(e.compressedSize).u32(e.size)
                    .u16(e.centralName.length).u16(e.centralExtra.length).u16(0).u16(0).u16(0).u32(e.attributes)
                    .u32(e.offset != null ? e.offset : offsets.get(i)).bytes(e.centralName).bytes(e.centralExtra);
        }
        long size = out.size() - start;
        int n = count != null ? count : entries.size();
        out.u32(0x06054b50).u16(disk).u16(disk).u16(n).u16(n)
                .u32(directorySize != null ? directorySize : size)
                .u32(directoryOffset != null ? directoryOffset : start)
                .u16(comment.length).bytes(comment);
        return out.toByteArray();
    }

    /** Little-endian writing. */
    static final class Out extends ByteArrayOutputStream {
        Out u16(int v) {
            write(v & 0xFF);
            write(v >>> 8 & 0xFF);
            return this;
        }

        Out u32(long v) {
            u16((int) (v & 0xFFFF));
            return u16((int) (v >>> 16 & 0xFFFF));
        }

        Out bytes(byte[] b) {
            write(b, 0, b.length);
            return this;
        }
    }

    /** An extra field: id, length, data. */
    static byte[] extra(int id, byte[] data) {
        return new Out().u16(id).u16(data.length).bytes(data).toByteArray();
    }
}
