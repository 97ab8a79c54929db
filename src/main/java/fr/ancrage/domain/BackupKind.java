package fr.ancrage.domain;

/** Why the copy was made; only {@link #AUTOMATIC} copies are rotated away by themselves. */
public enum BackupKind {
    AUTOMATIC("auto"),
    MANUAL("manuelle"),
    BEFORE_MIGRATION("avant-migration"),
    BEFORE_RESTORE("avant-restauration"),
    BEFORE_REPAIR("avant-reparation");

    private final String fileTag;

    BackupKind(String fileTag) {
        this.fileTag = fileTag;
    }

    /** The word in the backup's file name (ASCII: any file system, any zip tool). */
    public String fileTag() {
        return fileTag;
    }
}
