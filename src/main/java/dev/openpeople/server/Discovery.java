// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Google's discovery document for People API v1, read once: the source of every method's path,
 * query parameters, scopes and request schema, so routing and validation follow it exactly.
 */
public final class Discovery {
  private static final String RESOURCE = "/discovery/people-v1.json";
  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)\\}");

  /** One query parameter of a method. */
  public record Param(String name, String type, boolean repeated, List<String> enumValues) {}

  /** One method of the document. */
  public record Method(
      String id,
      String httpMethod,
      String flatPath,
      Pattern pathPattern,
      List<String> pathVariables,
      Map<String, Param> queryParams,
      List<String> scopes,
      @Nullable String requestSchema) {}

  private final ObjectNode document;
  private final Map<String, Method> methods = new LinkedHashMap<>();
  private final Map<String, JsonNode> schemas = new HashMap<>();

  private Discovery(ObjectNode document) {
    this.document = document;
    collect(document);
    for (Map.Entry<String, JsonNode> entry : document.path("schemas").properties()) {
      schemas.put(entry.getKey(), entry.getValue());
    }
  }

  /** Loads the copy bundled with the server (revision 20251117). */
  public static Discovery load() {
    try (InputStream in = Discovery.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE);
      }
      return new Discovery((ObjectNode) Json.MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void collect(JsonNode resource) {
    for (JsonNode method : resource.path("methods")) {
      Method m = toMethod(method);
      methods.put(m.id(), m);
    }
    for (JsonNode child : resource.path("resources")) {
      collect(child);
    }
  }

  private static Method toMethod(JsonNode node) {
    String flatPath = node.get("flatPath").asText();
    List<String> variables = new ArrayList<>();
    StringBuilder regex = new StringBuilder("^/");
    Matcher matcher = VARIABLE.matcher(flatPath);
    int last = 0;
    while (matcher.find()) {
      regex.append(Pattern.quote(flatPath.substring(last, matcher.start())));
      // Custom verbs follow a colon, so an id never contains ':' or '/'.
      regex.append("([^/:]+)");
      variables.add(matcher.group(1));
      last = matcher.end();
    }
    regex.append(Pattern.quote(flatPath.substring(last))).append('$');
    Map<String, Param> params = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.path("parameters").properties()) {
      JsonNode p = entry.getValue();
      if (!"query".equals(p.path("location").asText())) {
        continue;
      }
      List<String> enums = new ArrayList<>();
      p.path("enum").forEach(e -> enums.add(e.asText()));
      params.put(
          entry.getKey(),
          new Param(
              entry.getKey(), p.path("type").asText(), p.path("repeated").asBoolean(), enums));
    }
    List<String> scopes = new ArrayList<>();
    node.path("scopes").forEach(s -> scopes.add(s.asText()));
    JsonNode request = node.path("request").path("$ref");
    return new Method(
        node.get("id").asText(),
        node.get("httpMethod").asText(),
        flatPath,
        Pattern.compile(regex.toString()),
        List.copyOf(variables),
        params,
        List.copyOf(scopes),
        request.isMissingNode() ? null : request.asText());
  }

  public Method method(Operation operation) {
    Method method = methods.get(operation.discoveryId());
    if (method == null) {
      throw new IllegalStateException("discovery has no method " + operation.discoveryId());
    }
    return method;
  }

  public Map<String, Method> methods() {
    return methods;
  }

  public @Nullable JsonNode schema(String name) {
    return schemas.get(name);
  }

  /** The system parameters every method accepts ($.xgafv, alt, fields, key, ...). */
  public Map<String, Param> systemParams() {
    Map<String, Param> params = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : document.path("parameters").properties()) {
      List<String> enums = new ArrayList<>();
      entry.getValue().path("enum").forEach(e -> enums.add(e.asText()));
      params.put(
          entry.getKey(),
          new Param(entry.getKey(), entry.getValue().path("type").asText(), false, enums));
    }
    return params;
  }

  /** The document as served from {@code origin}: rootUrl, baseUrl and mtlsRootUrl rewritten. */
  public ObjectNode servedFrom(String origin) {
    ObjectNode copy = document.deepCopy();
    String root = origin + "/";
    copy.put("rootUrl", root);
    copy.put("mtlsRootUrl", root);
    copy.put("baseUrl", root);
    return copy;
  }
}
