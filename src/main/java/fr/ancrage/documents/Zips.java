package fr.ancrage.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Makes an office file (a zip) depend on its content only: the libraries stamp every entry with the
 * time of writing, and XLSX's core properties with the clock. The entries are copied in their order,
 * stored ones stored (ODF's {@code mimetype} first and uncompressed), dated with the document's
 * creation time, and the named entries rewritten.
 */
final class Zips {

    private Zips() {
    }

    static void reproducible(byte[] zip, OffsetDateTime created, Map<String, UnaryOperator<String>> rewrite,
                             OutputStream target) throws IOException {
        // ZipFile reads the entries the way the writers wrote them (some use data descriptors)
        Path temp = Files.createTempFile("ancrage-", ".zip");
        try {
            Files.write(temp, zip);
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(zip.length + 1024);
            try (ZipFile in = new ZipFile(temp.toFile()); ZipOutputStream out = new ZipOutputStream(buffer)) {
                for (ZipEntry e : in.stream().toList()) {
                    byte[] content;
                    try (var s = in.getInputStream(e)) {
                        content = s.readAllBytes();
                    }
                    UnaryOperator<String> change = rewrite.get(e.getName());
                    if (change != null) {
                        content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    }
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setTimeLocal(created.toLocalDateTime());
                    if (e.getMethod() == ZipEntry.STORED) {
                        CRC32 crc = new CRC32();
                        crc.update(content);
                        copy.setMethod(ZipEntry.STORED);
                        copy.setSize(content.length);
                        copy.setCompressedSize(content.length);
                        copy.setCrc(crc.getValue());
                    }
                    out.putNextEntry(copy);
                    out.write(content);
                    out.closeEntry();
                }
            }
            buffer.writeTo(target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
