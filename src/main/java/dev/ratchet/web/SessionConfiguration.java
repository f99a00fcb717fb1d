package dev.ratchet.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Browser sessions live in the database (Spring Session JDBC, tables of V38), so that any instance serves any request
 * and a balancer needs no sticky sessions. The cookie keeps its name and its protections: HTTP only, SameSite=Lax,
 * Secure whenever the request came over HTTPS.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    @Bean
    CookieSerializer sessionCookie(@Value("${server.servlet.session.cookie.name:JSESSIONID}") String name,
            @Value("${server.servlet.session.cookie.same-site:lax}") String sameSite) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(name);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite(Character.toUpperCase(sameSite.charAt(0)) + sameSite.substring(1).toLowerCase(java.util.Locale.ROOT));
        cookie.setCookiePath("/");
        return cookie;
    }
}
