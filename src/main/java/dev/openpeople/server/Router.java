// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The routing table: discovery methods (paths and verbs from the discovery document) plus plain
 * routes for the emulator, health and discovery endpoints. Discovery methods nobody registered
 * answer 501 UNIMPLEMENTED.
 */
public final class Router {
  /**
   * A matched route; {@code id} names it in logs and metrics: the discovery method id, or the HTTP
   * method and pattern of a plain route.
   */
  public record Match(
      String id,
      @Nullable Operation operation,
      Discovery.@Nullable Method method,
      Handler handler,
      Map<String, String> pathVars,
      List<String> scopes) {}

  /** A route outside discovery; a non-empty {@code scopes} makes it authenticated. */
  private record PlainRoute(
      String httpMethod, Pattern pattern, Handler handler, List<String> scopes) {
    String id() {
      return httpMethod + " " + pattern.pattern().substring(1, pattern.pattern().length() - 1);
    }
  }

  private final Discovery discovery;
  private final Map<Operation, Handler> operations = new EnumMap<>(Operation.class);
  private final List<PlainRoute> plain = new ArrayList<>();

  public Router(Discovery discovery) {
    this.discovery = discovery;
  }

  /** Registers the handler of a discovery method. */
  public Router on(Operation operation, Handler handler) {
    if (operations.put(operation, handler) != null) {
      throw new IllegalStateException("two handlers for " + operation);
    }
    return this;
  }

  /** Registers a route outside the discovery document; {@code regex} matches the whole path. */
  public Router on(String httpMethod, String regex, Handler handler) {
    plain.add(new PlainRoute(httpMethod, Pattern.compile("^" + regex + "$"), handler, List.of()));
    return this;
  }

  /**
   * Registers an authenticated route outside the discovery document: the dispatcher authenticates
   * the caller and requires one of {@code scopes} (full scope URLs) before the handler runs.
   */
  public Router onAuthenticated(
      String httpMethod, String regex, List<String> scopes, Handler handler) {
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("an authenticated route needs scopes");
    }
    plain.add(
        new PlainRoute(
            httpMethod, Pattern.compile("^" + regex + "$"), handler, List.copyOf(scopes)));
    return this;
  }

  public boolean handles(Operation operation) {
    return operations.containsKey(operation);
  }

  /** Finds the route for a method and path, or throws 404 as Google's front end does. */
  public Match match(String httpMethod, String path) {
    for (Operation operation : Operation.values()) {
      Discovery.Method method = discovery.method(operation);
      if (!method.httpMethod().equals(httpMethod)) {
        continue;
      }
      Matcher m = method.pathPattern().matcher(path);
      if (m.matches()) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < method.pathVariables().size(); i++) {
          vars.put(method.pathVariables().get(i), m.group(i + 1));
        }
        Handler handler = operations.get(operation);
        if (handler == null) {
          handler =
              call -> {
                throw new ApiException(ApiError.UNIMPLEMENTED, operation.discoveryId());
              };
        }
        return new Match(
            operation.discoveryId(), operation, method, handler, vars, method.scopes());
      }
    }
    for (PlainRoute route : plain) {
      if (!route.httpMethod().equals(httpMethod)) {
        continue;
      }
      Matcher m = route.pattern().matcher(path);
      if (m.matches()) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 1; i <= m.groupCount(); i++) {
          vars.put(Integer.toString(i), m.group(i));
        }
        return new Match(route.id(), null, null, route.handler(), vars, route.scopes());
      }
    }
    throw new ApiException(ApiError.URL_NOT_FOUND, path);
  }
}
