package fr.ancrage.domain;

/** Where a signatory stands for a ceremony: invited until he or she answers, then present or not on the day. */
public enum Attendance {
    INVITED, CONFIRMED, DECLINED, PRESENT;

    /** Expected at the signing table: has confirmed, or came. */
    public boolean expected() {
        return this == CONFIRMED || this == PRESENT;
    }
}
