package dev.ecosystem.spring.web;

/** Has the bean properties of Spring Security's {@code CsrfToken}, which these tests do not have on the classpath. */
public final class FakeCsrfToken {
    private final String token;

    FakeCsrfToken(String token) {
        this.token = token;
    }

    public String getHeaderName() {
        return "X-CSRF-TOKEN";
    }

    public String getParameterName() {
        return "_csrf";
    }

    public String getToken() {
        return token;
    }
}
