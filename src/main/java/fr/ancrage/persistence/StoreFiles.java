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
}
