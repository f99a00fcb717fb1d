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
                throw new AccessDeniedException(refusal(method.getMethodAnnotation(PreAuthorize.class).value()));
            }
        }
        return true;
    }

    /** Which roles would have been allowed, and which the person has here: what a 403 says. */
    static String refusal(String expression) {
        java.util.List<String> roles = ApiContract.roles(expression);
        if (roles.isEmpty()) {
            return "Your roles in this organisation do not allow this.";
        }
        String has = dev.ratchet.shared.CurrentTenant.get().map(tenant -> tenant.roles().isEmpty() ? "none"
                : String.join(", ", new java.util.TreeSet<>(tenant.roles()))).orElse("none");
        return "This needs one of these roles in this organisation: " + String.join(", ", roles) + ". Yours: " + has + ".";
    }
}
