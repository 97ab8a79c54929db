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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Makes an office file (a zip) depend on its content only: the libraries stamp every entry with the
 * time of writing, and XLSX's core properties with the clock. The entries are copied in their order,
 * stored ones stored (ODF's {@code mimetype} first and uncompressed), dated with the document's
 * creation time, and the named entries rewritten. Every XML entry also has its character references
 * made valid ({@link #characterReferences}).
 */
final class Zips {

    private Zips() {
    }

    /** Writes one entry, stored (with its size and checksum, as ZIP requires) or deflated. */
    static void put(ZipOutputStream zip, ZipEntry entry, byte[] content, boolean stored) throws IOException {
        if (stored) {
            CRC32 crc = new CRC32();
            crc.update(content);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(content.length);
            entry.setCompressedSize(content.length);
            entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
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
                    if (e.getName().endsWith(".xml") && contains(content, REFERENCE)) {
                        content = characterReferences(new String(content, StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setTimeLocal(created.toLocalDateTime());
                    put(out, copy, content, e.getMethod() == ZipEntry.STORED);
                }
            }
            buffer.writeTo(target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static final byte[] REFERENCE = {'&', '#'};
    private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&#(?:[xX]([0-9A-Fa-f]{1,8})|([0-9]{1,10}));");

    /**
     * The XML with every numeric character reference valid. ODF Toolkit's serializer writes a
     * character beyond U+FFFF (an emoji) as two references to its UTF-16 halves, {@code &#55357;&#56832;},
     * which XML forbids: LibreOffice refused the file, and the toolkit itself, reading it back, silently
     * dropped everything after it (issue 16). Such a pair becomes the character itself; a reference to
     * a lone half becomes U+FFFD; one to a character XML forbids (a control character) goes.
     */
    static String characterReferences(String xml) {
        if (!xml.contains("&#")) {
            return xml;
        }
        Matcher m = CHARACTER_REFERENCE.matcher(xml);
        StringBuilder sb = null;
        int copied = 0;
        int from = 0;
        while (m.find(from)) {
            long cp = value(m);
            int end = m.end();
            String replacement = null;
            if (cp >= Character.MIN_HIGH_SURROGATE && cp <= Character.MAX_HIGH_SURROGATE) {
                Matcher next = CHARACTER_REFERENCE.matcher(xml).region(end, xml.length());
                long low = next.lookingAt() ? value(next) : -1;
                if (low >= Character.MIN_LOW_SURROGATE && low <= Character.MAX_LOW_SURROGATE) {
                    replacement = Character.toString(Character.toCodePoint((char) cp, (char) low));
                    end = next.end();
                } else {
                    replacement = String.valueOf(SafeText.REPLACEMENT);
                }
            } else if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                replacement = String.valueOf(SafeText.REPLACEMENT);
            } else if (!xmlCharacter(cp)) {
                replacement = "";
            }
            if (replacement != null) {
                if (sb == null) {
                    sb = new StringBuilder(xml.length());
                }
                sb.append(xml, copied, m.start()).append(replacement);
                copied = end;
            }
            from = end;
        }
        return sb == null ? xml : sb.append(xml, copied, xml.length()).toString();
    }

    private static long value(Matcher m) {
        return m.group(1) != null ? Long.parseLong(m.group(1), 16) : Long.parseLong(m.group(2));
    }

    /** XML 1.0's Char production. */
    private static boolean xmlCharacter(long cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
                || cp >= 0x10000 && cp <= 0x10FFFF;
    }

    private static boolean contains(byte[] content, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= content.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (content[i + j] != what[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
