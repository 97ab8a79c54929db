package fr.ancrage.persistence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** File-system steps of the store: private folders, data forced to the disk. */
public final class StoreFiles {

    private StoreFiles() {
    }

    /**
     * Creates the folder and its missing parents readable by their owner only (the data folder
     * holds personal data: names, phone numbers, e-mail addresses of the companies' contacts). An
     * existing folder keeps the permissions the user gave it.
     */
    public static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null) {
                createPrivateDirectories(parent);
            }
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (!Files.isDirectory(dir)) {
                    throw e;
                }
            }
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Forces a written file's bytes to the disk before it is renamed into place. */
    static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Room kept free beyond a copy, so that the base itself can still grow while it is open. */
    static final long MARGIN = 64L << 20;

    /**
     * Refuses (NO_SPACE) before a copy of {@code bytes} into {@code dir} that the disk cannot hold
     * with {@link #MARGIN} to spare: said as such, rather than as a folder that cannot be written.
     */
    static void requireSpace(Path dataDirectory, Path dir, long bytes) {
        long free;
        try {
            free = Files.getFileStore(Files.isDirectory(dir) ? dir : dir.getParent()).getUsableSpace();
        } catch (IOException e) {
            return; // the copy itself will tell
        }
        requireSpace(dataDirectory, free, bytes);
    }

    static void requireSpace(Path dataDirectory, long free, long bytes) {
        if (free < bytes + MARGIN) {
            throw new StoreOpeningException(StoreOpeningException.Reason.NO_SPACE, dataDirectory,
                    new IOException(megabytes(bytes + MARGIN) + " Mo nécessaires, " + megabytes(free) + " Mo libres"));
        }
    }

    /** Whether {@code e} (or one of its causes) says the disk is full. */
    static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left") || m.contains("Disk quota") || m.contains("not enough space"))) {
                return true;
            }
        }
        return false;
    }

    private static long megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
