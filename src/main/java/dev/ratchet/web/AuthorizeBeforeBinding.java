package dev.ratchet.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A controller method's {@code @PreAuthorize} is checked before its request body and form are bound and validated,
 * so that someone who may not call it is refused (403) without learning which fields a valid request needs (which a
 * 422 with field errors would tell). Method security still checks again when the method runs.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizeBeforeBinding implements WebMvcConfigurer, HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(PreAuthorize.class)) {
            // The expressions name roles and authorities only (shared.Access), never the method's arguments.
            AuthorizationResult result = preAuthorize.authorize(() -> SecurityContextHolder.getContext().getAuthentication(),
                    new SimpleMethodInvocation(method.getBean(), method.getMethod()));
            if (result != null && !result.isGranted()) {
                throw new AccessDeniedException("Access denied");
            }
        }
        return true;
    }
}
