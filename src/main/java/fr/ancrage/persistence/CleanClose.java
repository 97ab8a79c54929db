package fr.ancrage.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The mark {@code ancrage.ferme} that Ancrage leaves next to the base when it closes it: the file's
 * size and modification time, and when the base was last read whole. The next opening reads the
 * whole base again (the full check) unless the mark says the file is exactly as Ancrage left it
 * and was read whole within {@link #FULL_CHECK_EVERY}: after a crash, a copy, a restore or any change
 * made by another program, the mark is missing or does not match. The mark is deleted when the
 * base is opened, so a process that dies leaves none.
 */
final class CleanClose {

    static final String FILE = "ancrage.ferme";
    static final Duration FULL_CHECK_EVERY = Duration.ofDays(7);
    private static final Logger LOG = LoggerFactory.getLogger(CleanClose.class);

    private CleanClose() {
    }

    /**
     * When the base was last read whole, if it can skip the full check now; empty otherwise. The
     * mark is consumed either way.
     */
    static Optional<Instant> trusted(Path dir, Path base, Instant now) {
        Path mark = dir.resolve(FILE);
        try {
            if (!Files.exists(mark)) {
                return Optional.empty();
            }
            String[] parts = Files.readString(mark, StandardCharsets.US_ASCII).strip().split(" ");
            Files.delete(mark);
            if (parts.length != 3) {
                return Optional.empty();
            }
            long size = Long.parseLong(parts[0]);
            long modified = Long.parseLong(parts[1]);
            Instant checked = Instant.ofEpochMilli(Long.parseLong(parts[2]));
            boolean same = size == Files.size(base) && modified == Files.getLastModifiedTime(base).toMillis();
            return same && checked.plus(FULL_CHECK_EVERY).isAfter(now) ? Optional.of(checked) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            LOG.warn("Close mark {} unreadable: the base is read whole", mark, e);
            return Optional.empty();
        }
    }

    /** Writes the mark after H2 closed the base; {@code checked} is when it was last read whole. */
    static void mark(Path dir, Path base, Instant checked) {
        Path mark = dir.resolve(FILE);
        try {
            Files.writeString(mark, Files.size(base) + " " + Files.getLastModifiedTime(base).toMillis() + " "
                    + checked.toEpochMilli(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            LOG.warn("Could not write the close mark {}: the next opening reads the base whole", mark, e);
        }
    }
}
