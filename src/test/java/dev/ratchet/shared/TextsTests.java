package dev.ratchet.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTests {

    @Test
    void aTitleFromALongNoteIsItsFirstSentenceCutAtAWord() {
        String note = "Backups are taken every night but no restore was tested in 2026; the runbook still names the old tape library, "
                + "and the administrator who knew it left in March.\nSee the backup log for details.";
        assertThat(Texts.firstWords(note, 80)).isEqualTo("Backups are taken every night but no restore was tested in 2026");
        assertThat(Texts.firstWords("The firewall rule base has 1,240 rules of which nobody can say who asked for 300 of them or why", 40))
                .isEqualTo("The firewall rule base has 1,240 rules…").hasSizeLessThanOrEqualTo(40);
        assertThat(Texts.firstWords("Short note.", 80)).isEqualTo("Short note");
    }
}
