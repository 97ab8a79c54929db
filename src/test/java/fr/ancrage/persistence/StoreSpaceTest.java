package fr.ancrage.persistence;

import fr.ancrage.i18n.I18n;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A disk without room for the copy an opening must make (of a base interrupted during a write, to
 * check it; before a migration) is said as such, not as a folder that cannot be written.
 */
class StoreSpaceTest {

    private static final Path DIR = Path.of("/données/ancrage");

    @Test
    void aCopyTheDiskCannotHoldIsRefusedAsNoSpaceWithWhatIsNeededAndFree() {
        assertThatThrownBy(() -> StoreFiles.requireSpace(DIR, 30L << 20, 500L << 20))
                .isInstanceOfSatisfying(StoreOpeningException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StoreOpeningException.Reason.NO_SPACE);
                    String shown = I18n.forLanguage("fr").format(e.messageKey(), e.messageArgs());
                    assertThat(shown).startsWith("Le disque du dossier de données /données/ancrage n’a plus assez de "
                            + "place libre (564 Mo nécessaires, 30 Mo libres).").contains("La base n’a pas été modifiée.");
                });
        StoreFiles.requireSpace(DIR, 600L << 20, 500L << 20); // room enough: nothing said
    }

    @Test
    void aFullDiskIsToldApartFromOtherFailuresThroughTheCauses() {
        var backup = new fr.ancrage.domain.RuleViolationException("backup.error.write", "x", "y");
        backup.initCause(new FileSystemException("/d/.x.part.zip", null, "No space left on device"));
        assertThat(StoreFiles.diskFull(backup)).isTrue();
        assertThat(StoreFiles.diskFull(new IOException("Permission denied"))).isFalse();
    }
}
