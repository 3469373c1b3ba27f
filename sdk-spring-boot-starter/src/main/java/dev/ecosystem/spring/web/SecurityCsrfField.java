package dev.ecosystem.spring.web;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.BeansException;

/**
 * Spring Security's CSRF token as a hidden form field, when the host runs Spring Security: its CSRF filter refuses a
 * POST without it, before the consent page's own nonce is even looked at. Read without a compile-time dependency on
 * Spring Security: the token object (servlet request attribute, or what WebFlux's exchange attribute emits) has the
 * bean properties {@code parameterName} and {@code token}.
 *
 * @param name the form field's name, such as {@code _csrf}
 * @param value the token
 */
record SecurityCsrfField(String name, String value) {
    /** The servlet request attribute Spring Security's CSRF filter sets. */
    static final String SERVLET_ATTRIBUTE = "org.springframework.security.web.csrf.CsrfToken";
    /** The WebFlux exchange attribute (a {@code Mono} of the token) Spring Security's CSRF web filter sets. */
    static final String REACTIVE_ATTRIBUTE = "org.springframework.security.web.server.csrf.CsrfToken";

    /** The field of a Spring Security CSRF token object, or {@code null} when there is none or it is unreadable. */
    static @Nullable SecurityCsrfField of(@Nullable Object csrfToken) {
        if (csrfToken == null) {
            return null;
        }
        try {
            BeanWrapperImpl token = new BeanWrapperImpl(csrfToken);
            Object name = token.getPropertyValue("parameterName");
            Object value = token.getPropertyValue("token");
            return name instanceof String n && value instanceof String v ? new SecurityCsrfField(n, v) : null;
        } catch (BeansException e) {
            return null;
        }
    }
}
