package dev.ratchet.shared;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a person typed into a form that could not be saved, to give it back to them: every sent field with text, by
 * a readable name ("rootCause" → "Root cause"), without tokens, versions, ids or secrets.
 */
public final class TypedText {

    private TypedText() {
    }

    public static Map<String, String> of(HttpServletRequest request) {
        Map<String, String> typed = new LinkedHashMap<>();
        if (!"POST".equals(request.getMethod())) {
            return typed;
        }
        request.getParameterMap().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.startsWith("_") || lower.equals("version") || lower.endsWith("id") || lower.endsWith("ids") || lower.contains("password")
                    || lower.equals("transition") || lower.equals("code")) {
                return;
            }
            String text = String.join(" / ", java.util.Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList());
            if (!text.isBlank()) {
                typed.merge(label(name), text, (a, b) -> a + " / " + b);
            }
        });
        return typed;
    }

    /** {@code actions[0].successCriteria} → "Actions 1 success criteria". */
    public static String label(String name) {
        String spaced = name.replaceAll("\\[(\\d+)]", " $1").replace('.', ' ').replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        java.util.regex.Matcher index = java.util.regex.Pattern.compile(" (\\d+)").matcher(spaced);
        StringBuilder out = new StringBuilder();
        while (index.find()) {
            index.appendReplacement(out, " " + (Integer.parseInt(index.group(1)) + 1));
        }
        index.appendTail(out);
        return Character.toUpperCase(out.charAt(0)) + out.substring(1);
    }
}
