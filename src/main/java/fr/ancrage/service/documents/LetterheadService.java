package fr.ancrage.service.documents;

import fr.ancrage.domain.Letterhead;
import fr.ancrage.domain.LetterheadRules;
import fr.ancrage.domain.RecordKind;
import fr.ancrage.domain.RuleViolationException;
import fr.ancrage.domain.StaleRecordException;
import fr.ancrage.domain.ValidationException;
import fr.ancrage.domain.validation.Issue;
import fr.ancrage.persistence.Store;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * « En-tête des documents »: the letterhead every document carries, and the team's logo made ready
 * for it (any PNG, JPEG, GIF or BMP the team has the right to use, scaled down and kept as a PNG).
 * Blocking: background tasks.
 */
public final class LetterheadService {

    /** The largest image file read as a logo. */
    public static final long LOGO_FILE_BYTES = 10L * 1024 * 1024;
    /** The largest picture decoded (width × height), so that a crafted image cannot fill the memory. */
    static final long LOGO_PIXELS = 40_000_000L;
    /** The logo is kept at most this size (pixels): about 300 dpi at the 4.5 × 2.5 cm it is printed. */
    static final int LOGO_WIDTH = 600;
    static final int LOGO_HEIGHT = 300;

    private final Store store;

    public LetterheadService(Store store) {
        this.store = store;
    }

    /** The letterhead, or an empty one when the team has not set it yet. */
    public Letterhead get() {
        return store.read(r -> r.letterhead().find()).orElseGet(Letterhead::empty);
    }

    /** Saves it; refused with the fields to fix, or when someone saved another one meanwhile. */
    public Letterhead save(Letterhead l) {
        Map<String, List<Issue>> issues = LetterheadRules.check(l);
        if (!issues.isEmpty()) {
            throw new ValidationException(issues);
        }
        return store.write(r -> {
            var stored = r.letterhead().find();
            if (l.meta().isNew() && stored.isPresent()) {
                // another window (or a restored backup) set one since this one was read
                throw new StaleRecordException(RecordKind.LETTERHEAD, stored.get().authority());
            }
            return r.letterhead().save(l);
        });
    }

    /**
     * The image file as a logo: read, checked, scaled down to {@value #LOGO_WIDTH} × {@value #LOGO_HEIGHT}
     * pixels at most and written as a PNG. A file that is not an image, too large, or unreadable is
     * refused with a message naming it.
     */
    public byte[] logoFrom(Path file) {
        String name = String.valueOf(file.getFileName());
        try {
            if (Files.size(file) > LOGO_FILE_BYTES) {
                throw new RuleViolationException("letterhead.logo.fileTooLarge", name, LOGO_FILE_BYTES / (1024 * 1024));
            }
            return logo(Files.readAllBytes(file), name);
        } catch (IOException e) {
            throw new RuleViolationException("letterhead.logo.unreadable", name);
        }
    }

    static byte[] logo(byte[] bytes, String name) throws IOException {
        BufferedImage image = decode(bytes, name);
        double scale = Math.min(1, Math.min((double) LOGO_WIDTH / image.getWidth(), (double) LOGO_HEIGHT / image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(scaled, "png", png);
        if (png.size() > LetterheadRules.LOGO_BYTES) {
            throw new RuleViolationException("letterhead.logo.tooLarge", name);
        }
        return png.toByteArray();
    }

    /** Decodes the image after reading its size only, so that a huge picture is refused before it is drawn. */
    private static BufferedImage decode(byte[] bytes, String name) throws IOException {
        try (InputStream in = new ByteArrayInputStream(bytes); ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = stream == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new RuleViolationException("letterhead.logo.notAnImage", name);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > LOGO_PIXELS) {
                    throw new RuleViolationException("letterhead.logo.tooManyPixels", name);
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new RuleViolationException("letterhead.logo.notAnImage", name);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (RuntimeException e) {
            if (e instanceof RuleViolationException) {
                throw e;
            }
            // a damaged file makes some readers fail with runtime exceptions
            throw new RuleViolationException("letterhead.logo.notAnImage", name);
        }
    }
}
