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
 * beside the target, which replaces the target only once everything was written and, when a
 * {@link Check} is given, read back (issue 16: files were reported written that no program could
 * open). A failure, a full disk, a cancellation (an interrupted thread) or a file that does not read
 * back deletes the temporary file and leaves the target as it was.
 */
public final class SafeFiles {

    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Reads a written file back before it replaces the target; throws when it is not right. */
    @FunctionalInterface
    public interface Check {
        void verify(Path written) throws IOException;
    }

    /** No reading back. */
    public static final Check UNCHECKED = written -> {
    };

    /** A file was written whole but does not read back: nothing replaced the target. */
    public static final class Unreadable extends IOException {
        public Unreadable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private SafeFiles() {
    }

    public static void write(Path target, Content content) throws IOException {
        write(target, content, () -> false, UNCHECKED);
    }

    public static void write(Path target, Content content, Check check) throws IOException {
        write(target, content, () -> false, check);
    }

    /**
     * As {@link #write(Path, Content)}; when {@code cancelled} turns true the next write to the
     * stream fails, the temporary file is deleted and {@link InterruptedIOException} is thrown.
     */
    public static void write(Path target, Content content, BooleanSupplier cancelled) throws IOException {
        write(target, content, cancelled, UNCHECKED);
    }

    /**
     * As {@link #write(Path, Content, BooleanSupplier)}, the written file verified by {@code check}
     * before it replaces the target; a file that fails it is deleted and {@link Unreadable} thrown.
     */
    public static void write(Path target, Content content, BooleanSupplier cancelled, Check check) throws IOException {
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
            verify(temp, check);
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

    private static void verify(Path written, Check check) throws IOException {
        try {
            check.verify(written);
        } catch (Unreadable | InterruptedIOException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // whatever the reading library throws, the file is not one to keep
            throw new Unreadable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
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
