// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.util.UrlEncoded;
import org.jspecify.annotations.Nullable;

/**
 * The request pipeline every call goes through, including the inner calls of {@code /batch}: method
 * override, routing, system and query parameter checks, authentication, scopes, emulator faults,
 * body validation, quotas, the handler, then {@code fields} selection and pretty printing.
 */
public final class Dispatcher {
  private final Router router;
  private final Authenticator authenticator;
  private final QueryValidator queryValidator;
  private final SchemaValidator schemaValidator;
  private final @Nullable FaultInjector faults;
  private final @Nullable Quotas quotas;

  public Dispatcher(Router router, Discovery discovery, Authenticator authenticator) {
    this(router, discovery, authenticator, null);
  }

  /** A pipeline that also applies emulator {@code faults} (null: none, as in production). */
  public Dispatcher(
      Router router,
      Discovery discovery,
      Authenticator authenticator,
      @Nullable FaultInjector faults) {
    this(router, discovery, authenticator, faults, null);
  }

  /** A pipeline with emulator {@code faults} and per-user {@code quotas} (null: none). */
  public Dispatcher(
      Router router,
      Discovery discovery,
      Authenticator authenticator,
      @Nullable FaultInjector faults,
      @Nullable Quotas quotas) {
    this.faults = faults;
    this.quotas = quotas;
    this.router = router;
    this.authenticator = authenticator;
    this.queryValidator = new QueryValidator(discovery);
    this.schemaValidator = new SchemaValidator(discovery);
  }

  public ApiReply dispatch(ApiRequest original) {
    return dispatch(original, new RequestTrace());
  }

  /** Dispatches one request, noting its route and user in {@code trace}. */
  public ApiReply dispatch(ApiRequest original, RequestTrace trace) {
    String requestId = trace.requestId();
    try {
      if (faults != null) {
        faults.refresh();
      }
      ApiRequest request = applyMethodOverride(original);
      ApiReply reply = route(request, trace);
      return render(reply, request);
    } catch (Throwable failure) {
      if (failure instanceof Error error && !(failure instanceof StackOverflowError)) {
        throw error;
      }
      return render(ExceptionHandler.toReply(failure, requestId, original.path()), original);
    }
  }

  private ApiReply route(ApiRequest request, RequestTrace trace) throws Exception {
    // Bad text is refused before anything can be written (bodies: Json.parse, AtomReader).
    Texts.require("path", request.path());
    Texts.requireQuery(request.query());
    Router.Match match = router.match(request.method(), request.path());
    trace.route(match.id());
    Discovery.Method method = match.method();
    if (method == null) {
      Principal caller = null;
      if (!match.scopes().isEmpty()) {
        // Authenticated plain routes (the GData feeds): credentials and scopes, no discovery.
        caller = authenticator.authenticate(request);
        trace.user(caller.email());
        requireScope(caller, match.scopes(), null);
      }
      return match.handler().handle(new ApiCall(request, match.pathVars(), caller, null));
    }
    queryValidator.validate(method, request.query());
    checkSystemParams(request);
    Principal principal = authenticator.authenticate(request);
    trace.user(principal.email());
    requireScope(principal, method.scopes(), requireOperation(match).rpcName());
    if (faults != null) {
      // The one place faults apply: after authentication, before the body and the handler.
      faults.apply(requireOperation(match), principal.email());
    }
    JsonNode body = null;
    if (method.requestSchema() != null) {
      body =
          schemaValidator.validate(
              Json.parse(request.body()), method.requestSchema(), rootName(method.requestSchema()));
    }
    if (quotas != null) {
      quotas.charge(method.id(), principal.email(), body);
    }
    return match.handler().handle(new ApiCall(request, match.pathVars(), principal, body));
  }

  /** A 403 with Google's {@code WWW-Authenticate} challenge unless the caller holds a scope. */
  private static void requireScope(
      Principal caller, List<String> declared, @Nullable String rpcName) {
    List<String> accepted = Scopes.accepted(declared);
    if (caller.hasAnyScope(accepted)) {
      return;
    }
    ApiException denied = Scopes.insufficient(accepted);
    throw rpcName == null ? denied : denied.withMetadata("method", rpcName);
  }

  private static Operation requireOperation(Router.Match match) {
    Operation operation = match.operation();
    if (operation == null) {
      throw new IllegalStateException("discovery route without operation");
    }
    return operation;
  }

  private static String rootName(String schema) {
    return Character.toLowerCase(schema.charAt(0)) + schema.substring(1);
  }

  private static void checkSystemParams(ApiRequest request) {
    String alt = request.param("alt");
    if (alt != null && !alt.equals("json")) {
      throw ApiException.invalid("Invalid value at 'alt', \"%s\"; only json is supported.", alt);
    }
    String quotaUser = request.param("quotaUser");
    if (quotaUser != null && quotaUser.length() > 40) {
      throw ApiException.invalid("quotaUser must be at most 40 characters.");
    }
  }

  /**
   * X-HTTP-Method-Override: Java's NetHttpTransport sends PATCH as POST plus this header, and long
   * GETs as POST with the query string in a form body (MethodOverride in
   * https://github.com/googleapis/google-api-java-client).
   */
  private static ApiRequest applyMethodOverride(ApiRequest request) {
    String override = request.header("X-HTTP-Method-Override");
    if (override == null || !request.method().equals("POST")) {
      return request;
    }
    String method = override.trim().toUpperCase(Locale.ROOT);
    ApiRequest overridden = request.withMethod(method);
    String contentType = request.header("Content-Type");
    if (method.equals("GET")
        && contentType != null
        && contentType.startsWith("application/x-www-form-urlencoded")) {
      Map<String, List<String>> query = new LinkedHashMap<>(request.query());
      UrlEncoded.decodeTo(
          new String(request.body(), StandardCharsets.UTF_8),
          (name, value) -> query.computeIfAbsent(name, k -> new ArrayList<>()).add(value),
          StandardCharsets.UTF_8);
      return overridden.withQueryAndBody(query, new byte[0]);
    }
    return overridden;
  }

  private static ApiReply render(ApiReply reply, ApiRequest request) {
    Json.Body body = reply.body();
    if (body == null && reply.json() == null) {
      return reply;
    }
    String fields = request.param("fields");
    boolean select = fields != null && !fields.isBlank() && reply.status() < 300;
    String pretty = request.param("prettyPrint");
    boolean indent = pretty == null || !(pretty.equals("false") || pretty.equals("0"));
    byte[] bytes;
    if (body != null && !select) {
      bytes = Json.write(body, indent);
    } else {
      JsonNode json = Objects.requireNonNull(reply.json());
      if (select) {
        json = FieldSelector.parse(Objects.requireNonNull(fields)).apply(json);
      }
      bytes = Json.write(json, indent);
    }
    ApiReply out = ApiReply.bytes(reply.status(), reply.contentType(), bytes);
    reply.headers().forEach(out::header);
    return out;
  }

  /** Used by tests and the batch endpoint to route without HTTP. */
  public @Nullable Router router() {
    return router;
  }
}
