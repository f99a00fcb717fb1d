package dev.ratchet;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A browser's session for MockMvc, as the application keeps it: in the database (Spring Session JDBC). Follows the
 * session through the id changes of signing in and the second factor (by its primary id, which stays), and sends its
 * cookie with each request ({@code .with(session)}). Once the session is over, a cookie that matches no session is
 * sent, as a browser would.
 */
public final class TestSession implements RequestPostProcessor {

    private final JdbcTemplate jdbc;
    private final String primaryId;

    private TestSession(JdbcTemplate jdbc, String primaryId) {
        this.jdbc = jdbc;
        this.primaryId = primaryId;
    }

    /** The session the response's cookie names (a sign-in's answer). */
    public static TestSession of(MvcResult result, JdbcTemplate jdbc) {
        Cookie cookie = result.getResponse().getCookie("JSESSIONID");
        if (cookie == null) {
            throw new AssertionError("The answer set no session cookie");
        }
        String id = new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
        return new TestSession(jdbc, jdbc.queryForObject("select primary_id from spring_session where session_id = ?", String.class, id));
    }

    /**
     * A new session that already holds the attribute (the organisation a person chose, say), for a request that must
     * begin inside it.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static RequestPostProcessor holding(org.springframework.session.jdbc.JdbcIndexedSessionRepository sessions, String name,
            Object value) {
        org.springframework.session.SessionRepository repository = sessions;
        org.springframework.session.Session session = (org.springframework.session.Session) repository.createSession();
        session.setAttribute(name, value);
        repository.save(session);
        Cookie cookie = new Cookie("JSESSIONID", Base64.getEncoder().encodeToString(session.getId().getBytes(StandardCharsets.UTF_8)));
        return request -> {
            List<Cookie> cookies = new ArrayList<>();
            if (request.getCookies() != null) {
                cookies.addAll(List.of(request.getCookies()));
            }
            cookies.add(cookie);
            request.setCookies(cookies.toArray(Cookie[]::new));
            return request;
        };
    }

    /** The session's current cookie. */
    public Cookie cookie() {
        List<String> ids = jdbc.queryForList("select session_id from spring_session where primary_id = ?", String.class, primaryId);
        String id = ids.isEmpty() ? "ended-" + primaryId : ids.get(0).strip();
        return new Cookie("JSESSIONID", Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
        List<Cookie> cookies = new ArrayList<>();
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (!c.getName().equals("JSESSIONID")) {
                    cookies.add(c);
                }
            }
        }
        cookies.add(cookie());
        request.setCookies(cookies.toArray(Cookie[]::new));
        return request;
    }

    /** An attribute of the session, as stored. */
    public Object attribute(String name) throws Exception {
        List<byte[]> bytes = jdbc.queryForList("select attribute_bytes from spring_session_attributes where session_primary_id = ? and attribute_name = ?",
                byte[].class, primaryId, name);
        if (bytes.isEmpty()) {
            return null;
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.get(0)))) {
            return in.readObject();
        }
    }
}
