package fr.ancrage.domain;

import java.time.LocalTime;
import java.util.Objects;

/** A moment of a ceremony's programme: at what time, who speaks (and as what), about what. */
public record ProgrammeItem(RecordMeta meta, LocalTime time, String speaker, String speakerTitle, String subject) {

    public ProgrammeItem {
        Objects.requireNonNull(meta, "meta");
        speaker = Text.clean(speaker);
        speakerTitle = Text.clean(speakerTitle);
        subject = Text.clean(subject);
    }
}
