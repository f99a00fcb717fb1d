package dev.ratchet.web;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.ratchet.shared.ApiProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * ETag and If-Match as the HTTP form of the {@code version} every editable record carries: an answer with a version
 * has {@code ETag: "<version>"}, and an edit may send {@code If-Match: "<version>"} instead of the version in its body
 * or query. Both given and different: 412. Nothing else changes: the server still compares the version with the stored
 * one and answers 409 when someone else changed the record.
 */
final class VersionTags {

    private VersionTags() {
    }

    /** The version an If-Match header names: {@code "7"}, {@code 7} or {@code W/"7"}; null when there is none. */
    static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (tag.contains(",")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "If-Match names one version, such as \"7\"");
        }
        tag = tag.startsWith("W/") ? tag.substring(2) : tag;
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        }
        catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "If-Match names the version you read, such as \"7\" (from the ETag)");
        }
    }

    static Object versionOf(Object body) {
        if (body == null) {
            return null;
        }
        try {
            if (body.getClass().isRecord()) {
                for (RecordComponent component : body.getClass().getRecordComponents()) {
                    if (component.getName().equals("version")) {
                        return component.getAccessor().invoke(body);
                    }
                }
                return null;
            }
            Method getter = body.getClass().getMethod("getVersion");
            return getter.invoke(body);
        }
        catch (NoSuchMethodException e) {
            return null;
        }
        catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** The body with its version set from If-Match (a record is copied); refused with 412 when the two differ. */
    static Object withVersion(Object body, long version) throws ReflectiveOperationException {
        Object given = versionOf(body);
        if (given != null) {
            if (((Number) given).longValue() != version) {
                throw new ResponseStatusException(HttpStatus.PRECONDITION_FAILED,
                        "The version in the body (" + given + ") is not the one in If-Match (" + version + ")");
            }
            return body;
        }
        if (body.getClass().isRecord()) {
            RecordComponent[] components = body.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getName().equals("version") ? Long.valueOf(version) : components[i].getAccessor().invoke(body);
            }
            Constructor<?> canonical = body.getClass().getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        }
        for (Method method : body.getClass().getMethods()) {
            if (method.getName().equals("setVersion") && method.getParameterCount() == 1) {
                method.invoke(body, Long.valueOf(version));
            }
        }
        return body;
    }

    /** ETag on every API answer that carries a version. */
    @RestControllerAdvice(annotations = RestController.class)
    static class Tags implements ResponseBodyAdvice<Object> {

        @Override
        public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
            return true;
        }

        @Override
        public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
            if (request.getURI().getPath().startsWith("/api/") && !(body instanceof byte[])) {
                Object version = versionOf(body);
                if (version instanceof Number number) {
                    response.getHeaders().setETag("\"" + number.longValue() + "\"");
                }
            }
            return body;
        }
    }

    /** If-Match fills in a JSON body's missing version. */
    @RestControllerAdvice(annotations = RestController.class)
    static class Bodies extends RequestBodyAdviceAdapter {

        @Override
        public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
            return true;
        }

        @Override
        public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                Class<? extends HttpMessageConverter<?>> converterType) {
            Long version = ifMatch(inputMessage.getHeaders().getFirst(HttpHeaders.IF_MATCH));
            if (version == null) {
                return body;
            }
            try {
                return withVersion(body, version);
            }
            catch (ReflectiveOperationException e) {
                return body;
            }
        }
    }

    /** If-Match fills in a missing {@code version} query parameter (a step or a deletion without a body). */
    @Component
    static class Parameters extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !request.getRequestURI().startsWith(request.getContextPath() + "/api/") || request.getHeader(HttpHeaders.IF_MATCH) == null
                    || "GET".equals(request.getMethod());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Long version;
            try {
                version = ifMatch(request.getHeader(HttpHeaders.IF_MATCH));
            }
            catch (ResponseStatusException e) {
                ApiProblems.write(response, HttpStatus.BAD_REQUEST, e.getReason());
                return;
            }
            String given = request.getParameter("version");
            if (version != null && given != null && !given.equals(version.toString())) {
                ApiProblems.write(response, HttpStatus.PRECONDITION_FAILED,
                        "The version parameter (" + given + ") is not the one in If-Match (" + version + ")");
                return;
            }
            if (version == null || given != null) {
                chain.doFilter(request, response);
                return;
            }
            String value = version.toString();
            chain.doFilter(new HttpServletRequestWrapper(request) {
                @Override
                public String getParameter(String name) {
                    return name.equals("version") ? value : super.getParameter(name);
                }

                @Override
                public Map<String, String[]> getParameterMap() {
                    Map<String, String[]> map = new LinkedHashMap<>(super.getParameterMap());
                    map.put("version", new String[] {value});
                    return Collections.unmodifiableMap(map);
                }

                @Override
                public Enumeration<String> getParameterNames() {
                    return Collections.enumeration(getParameterMap().keySet());
                }

                @Override
                public String[] getParameterValues(String name) {
                    return name.equals("version") ? new String[] {value} : super.getParameterValues(name);
                }
            }, response);
        }
    }
}
