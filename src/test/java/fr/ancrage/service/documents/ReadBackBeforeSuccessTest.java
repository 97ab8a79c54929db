package fr.ancrage.service.documents;

import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.i18n.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16: every file is read back before it is reported written; one that does not read back is
 * not kept, the file it would have replaced stays as it was, and the team reads why in French.
 */
class ReadBackBeforeSuccessTest {

    @TempDir
    Path dir;

    private final DocumentService documents = new DocumentService(null,
            Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC), I18n.forLanguage("fr"));

    /** What a broken writer would produce for each format. */
    private static byte[] broken(String extension) throws Exception {
        return switch (extension) {
            case "pdf" -> "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
            case "odt", "ods" -> {
                // what ODF Toolkit wrote for an emoji: references to its UTF-16 halves
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (ZipOutputStream zip = new ZipOutputStream(out)) {
                    byte[] mimetype = ("application/vnd.oasis.opendocument." + (extension.equals("odt") ? "text" : "spreadsheet"))
                            .getBytes(StandardCharsets.US_ASCII);
                    ZipEntry m = new ZipEntry("mimetype");
                    CRC32 crc = new CRC32();
                    crc.update(mimetype);
                    m.setMethod(ZipEntry.STORED);
                    m.setSize(mimetype.length);
                    m.setCrc(crc.getValue());
                    zip.putNextEntry(m);
                    zip.write(mimetype);
                    for (String part : new String[] {"content.xml", "styles.xml", "META-INF/manifest.xml"}) {
                        zip.putNextEntry(new ZipEntry(part));
                        zip.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>Café &#55357;&#56832;</a>"
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }
                yield out.toByteArray();
            }
            case "xlsx" -> "PK\u0003\u0004 not a zip".getBytes(StandardCharsets.ISO_8859_1);
            case "csv" -> new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'C', 'a', 'f', (byte) 0xE9, ';', '1'};
            default -> throw new IllegalArgumentException(extension);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"pdf", "odt", "ods", "xlsx", "csv"})
    void aFileThatDoesNotReadBackIsNotSavedAndTheOneBeforeStays(String extension) throws Exception {
        Path target = dir.resolve("Bilan annuel." + extension);
        Files.writeString(target, "l’ancien fichier");
        byte[] content = broken(extension);
        assertThatThrownBy(() -> documents.write(target, out -> out.write(content), () -> false))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("doc.error.check");
                    assertThat(I18n.forLanguage("fr").format(e.messageKey(), e.args().toArray()))
                            .startsWith("Le fichier Bilan annuel." + extension + " n’a pas été enregistré : relu après son écriture,");
                });
        assertThat(Files.readString(target)).isEqualTo("l’ancien fichier");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFileThatReadsBackIsSaved() throws Exception {
        Path target = dir.resolve("liste.csv");
        documents.write(target, out -> out.write("Nom;Code\r\nCafé 😀;01053\r\n".getBytes(StandardCharsets.UTF_8)), () -> false);
        assertThat(Files.readString(target)).contains("Café 😀");
    }
}
