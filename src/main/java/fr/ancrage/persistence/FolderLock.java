package fr.ancrage.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock file {@code ancrage.lock} of a data folder: one Ancrage at a time, whether it opens the
 * base, restores or repairs it. Created with the folder (owner only) if missing.
 */
final class FolderLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FolderLock.class);

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static FolderLock acquire(Path dir) {
        try {
            StoreFiles.createPrivateDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new StoreOpeningException(StoreOpeningException.Reason.UNWRITABLE, dir, e);
        }
        if (!Files.isWritable(dir)) {
            throw new StoreOpeningException(StoreOpeningException.Reason.UNWRITABLE, dir, null);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dir.resolve("ancrage.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                closeQuietly(channel);
                throw new StoreOpeningException(StoreOpeningException.Reason.LOCKED, dir, null);
            }
            return new FolderLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new StoreOpeningException(StoreOpeningException.Reason.LOCKED, dir, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreOpeningException(StoreOpeningException.Reason.UNWRITABLE, dir, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.warn("Could not release the lock file", e);
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing lock channel", e);
        }
    }
}
