package dev.ratchet.identity;

import java.util.ArrayList;
import java.util.List;

import dev.ratchet.shared.Refused;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.Configuration;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

import org.springframework.stereotype.Component;

/**
 * Passwords of at least 12 characters that a strength estimator (nbvcxz, with its lists of common passwords and
 * words) does not call weak. The person's own name and e-mail count as guessable words too.
 */
@Component
public class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 12;
    public static final int MAXIMUM_LENGTH = 128;
    private static final int MINIMUM_SCORE = 3;

    public void check(String field, String password, String... personal) {
        if (password == null || password.length() < MINIMUM_LENGTH) {
            throw Refused.field(field, "Use at least " + MINIMUM_LENGTH + " characters");
        }
        if (password.length() > MAXIMUM_LENGTH) {
            throw Refused.field(field, "Use at most " + MAXIMUM_LENGTH + " characters");
        }
        Result result = estimator(personal).estimate(password);
        if (result.getBasicScore() < MINIMUM_SCORE) {
            String hint = result.getFeedback().getWarning();
            StringBuilder message = new StringBuilder("This password is too easy to guess");
            if (hint != null && !hint.isBlank()) {
                message.append(": ").append(hint.strip());
            }
            if (!message.toString().endsWith(".")) {
                message.append('.');
            }
            message.append(" Try a few unrelated words or a password manager's suggestion.");
            throw Refused.field(field, message.toString());
        }
    }

    private static Nbvcxz estimator(String... personal) {
        List<String> words = new ArrayList<>();
        for (String value : personal) {
            if (value != null) {
                for (String part : value.toLowerCase().split("[^\\p{L}\\p{N}]+")) {
                    if (part.length() >= 3) {
                        words.add(part);
                    }
                }
            }
        }
        List<Dictionary> dictionaries = ConfigurationBuilder.getDefaultDictionaries();
        if (!words.isEmpty()) {
            DictionaryBuilder own = new DictionaryBuilder().setDictionaryName("personal").setExclusion(true);
            own.addWords(words, 0);
            dictionaries = new ArrayList<>(dictionaries);
            dictionaries.add(own.createDictionary());
        }
        Configuration configuration = new ConfigurationBuilder().setDictionaries(dictionaries).createConfiguration();
        return new Nbvcxz(configuration);
    }
}
