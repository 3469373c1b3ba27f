package dev.ecosystem.spring.web;

import java.net.URI;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.scheduler.Schedulers;

/**
 * The HubSpot webhook endpoint on WebFlux: hands {@link HubSpotWebhookHandler} the request as received, off the
 * event loop (the replay check may write to the store).
 */
final class ReactiveHubSpotWebhookRoutes {
    private ReactiveHubSpotWebhookRoutes() {
    }

    static RouterFunction<ServerResponse> routes(HubSpotWebhookHandler handler) {
        return RouterFunctions.route()
                .POST(handler.path(), request -> request.bodyToMono(byte[].class)
                        .defaultIfEmpty(new byte[0])
                        .publishOn(Schedulers.boundedElastic())
                        .flatMap(body -> {
                            URI uri = request.uri();
                            String url = uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
                            int status = handler.handle(request.method().name(), url, uri.getRawQuery(), body,
                                    name -> request.headers().firstHeader(name));
                            return ServerResponse.status(status).build();
                        }))
                .build();
    }
}
