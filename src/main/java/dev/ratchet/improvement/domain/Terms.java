package dev.ratchet.improvement.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** The words and references that say what a record is about: the basis of "probably the same problem". */
public final class Terms {

    private static final Set<String> STOP_WORDS = Set.of("the", "and", "was", "were", "not", "for", "with", "that",
            "this", "from", "have", "has", "had", "are", "but", "all", "any", "our", "its", "their", "been", "after",
            "before", "into", "over", "than", "then", "when", "which", "who", "will", "would", "should", "could",
            "there", "these", "those", "about", "also", "only", "some", "more", "most", "such", "very", "being", "did",
            "does", "out", "per", "one", "two", "can", "still", "yet", "they", "them", "his", "her", "you", "your",
            "found", "during", "between", "without", "within", "where", "while", "each", "other", "same");

    private static final java.util.regex.Pattern NOT_A_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    private Terms() {
    }

    public static Set<String> of(String title, String description, List<String> requirements, UUID areaId) {
        Set<String> terms = new LinkedHashSet<>();
        words(title, terms);
        words(description, terms);
        for (String requirement : requirements) {
            terms.add(truncate("req:" + requirement));
        }
        if (areaId != null) {
            terms.add("area:" + areaId);
        }
        return terms;
    }

    static void words(String text, Set<String> into) {
        if (text == null) {
            return;
        }
        for (String raw : NOT_A_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (raw.length() < 3 || STOP_WORDS.contains(raw) || raw.chars().allMatch(Character::isDigit)) {
                continue;
            }
            into.add(truncate(stem(raw)));
        }
    }

    /** Folds the commonest English endings, so "leavers" finds "leaver" and "policies" finds "policy". */
    static String stem(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 4 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static String truncate(String term) {
        return term.length() > 60 ? term.substring(0, 60) : term;
    }
}
