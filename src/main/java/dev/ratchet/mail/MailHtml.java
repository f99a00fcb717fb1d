package dev.ratchet.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * The HTML part of a message, made from its plain text so that both always say the same: the organisation's name at
 * the top, paragraphs as written, "Label: value" lines with the label in bold, addresses as links, and the line that
 * opens the item ("Open it in Ratchet: …") as a button. Styles are inline: mail programs drop style sheets.
 */
public final class MailHtml {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");
    private static final Pattern LABELLED = Pattern.compile("^([A-Z][A-Za-z ()-]{1,40}): (.+)$");
    private static final Pattern OPEN = Pattern.compile("^(Open (?:it|them|the [a-z ]+) in Ratchet|Join [^:]{1,120}|Choose a new password): (https?://\\S+)$");

    /**
     * Words every message with a single-use link carries (an invitation, a password reset): those are not in the
     * person's notifications, and the footer does not claim so (nor for any installation mail, sent to an account).
     */
    public static final String ACCOUNT_MAIL = "the link works once";

    private MailHtml() {
    }

    static String of(String organisation, String subject, String text) {
        StringBuilder html = new StringBuilder(1024 + text.length() * 2);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(HtmlUtils.htmlEscape(subject))
                .append("</title></head><body style=\"margin:0;padding:0;background:#f4f6f8\">")
                .append("<div style=\"max-width:640px;margin:0 auto;padding:24px;font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1d2430;background:#ffffff\">")
                .append("<div style=\"font-size:13px;font-weight:bold;color:#1f3a5f;border-bottom:2px solid #1f3a5f;padding-bottom:6px;margin-bottom:16px\">Ratchet")
                .append(organisation == null ? "" : " · " + HtmlUtils.htmlEscape(organisation)).append("</div>");
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            String[] lines = paragraph.strip().split("\\R");
            Matcher open = lines.length == 1 ? OPEN.matcher(lines[0].strip()) : null;
            if (open != null && open.matches()) {
                html.append("<p style=\"margin:20px 0\"><a href=\"").append(HtmlUtils.htmlEscape(open.group(2)))
                        .append("\" style=\"display:inline-block;background:#1f5fae;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:4px;font-weight:bold\">")
                        .append(HtmlUtils.htmlEscape(open.group(1))).append("</a></p>");
                continue;
            }
            html.append("<p style=\"margin:0 0 12px\">");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    html.append("<br>");
                }
                html.append(line(lines[i].strip()));
            }
            html.append("</p>");
        }
        html.append("<p style=\"margin:24px 0 0;font-size:12px;color:#5b6572\">Sent by Ratchet")
                .append(organisation == null ? "" : ", the information security management system of " + HtmlUtils.htmlEscape(organisation))
                .append(organisation == null || text.contains(ACCOUNT_MAIL) ? "." : ". The same message is in your notifications in Ratchet.")
                .append("</p></div></body></html>");
        return html.toString();
    }

    private static String line(String line) {
        Matcher labelled = LABELLED.matcher(line);
        if (labelled.matches() && !LINK.matcher(labelled.group(1)).find()) {
            return "<strong>" + HtmlUtils.htmlEscape(labelled.group(1)) + ":</strong> " + linked(labelled.group(2));
        }
        return linked(line);
    }

    private static String linked(String text) {
        Matcher link = LINK.matcher(text);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (link.find()) {
            out.append(HtmlUtils.htmlEscape(text.substring(from, link.start())));
            String url = HtmlUtils.htmlEscape(link.group());
            out.append("<a href=\"").append(url).append("\" style=\"color:#1f5fae\">").append(url).append("</a>");
            from = link.end();
        }
        return out.append(HtmlUtils.htmlEscape(text.substring(from))).toString();
    }
}
