package fr.ancrage.documents;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.BooleanSupplier;

/**
 * Writes a file so that it is either complete or absent: the content goes to a hidden temporary file
 * beside the target, which replaces the target only once everything was written. A failure, a full
 * disk or a cancellation (an interrupted thread) deletes the temporary file and leaves the target as
 * it was.
 */
public final class SafeFiles {

    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private SafeFiles() {
    }

    public static void write(Path target, Content content) throws IOException {
        write(target, content, () -> false);
    }

    /**
     * As {@link #write(Path, Content)}; when {@code cancelled} turns true the next write to the
     * stream fails, the temporary file is deleted and {@link InterruptedIOException} is thrown.
     */
    public static void write(Path target, Content content, BooleanSupplier cancelled) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        // not createTempFile: its file is readable by its owner only, and the document would stay so
        Path temp = folder.resolve("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".part");
        boolean done = false;
        try {
            try (OutputStream out = new BufferedOutputStream(new Watched(Files.newOutputStream(temp,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE), cancelled), 1 << 16)) {
                content.writeTo(out);
            }
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("cancelled");
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Fails the next write once the work is cancelled. */
    private static final class Watched extends FilterOutputStream {
        private final BooleanSupplier cancelled;

        Watched(OutputStream out, BooleanSupplier cancelled) {
            super(out);
            this.cancelled = cancelled;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (cancelled.getAsBoolean()) {
                throw new InterruptedIOException("cancelled");
            }
            out.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }
}
