// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A feed projection (https://developers.google.com/admin-sdk/domain-shared-contacts, "Extended
 * properties and projections"): {@code full} shows and writes every extended property, {@code thin}
 * none, {@code property-KEY} only the one named KEY.
 *
 * @param key the property name of a {@code property-KEY} projection, else null
 */
record Projection(String name, @Nullable String key) {
  static Projection parse(String name) {
    if (name.equals("full") || name.equals("thin")) {
      return new Projection(name, null);
    }
    if (name.startsWith("property-") && name.length() > "property-".length()) {
      return new Projection(name, name.substring("property-".length()));
    }
    throw new ApiException(ApiError.GDATA_INVALID, "Invalid projection: " + name);
  }

  /** Whether this projection shows {@code element}. */
  boolean shows(XmlElement element) {
    if (!element.is(Namespaces.GD, "extendedProperty")) {
      return true;
    }
    if (name.equals("full")) {
      return true;
    }
    return key != null && key.equals(element.attribute("name"));
  }

  /**
   * The elements a write through this projection stores: the sent ones, plus the stored extended
   * properties this projection cannot see or change.
   */
  List<XmlElement> merge(List<XmlElement> stored, List<XmlElement> sent) {
    List<XmlElement> out = new ArrayList<>();
    for (XmlElement element : sent) {
      if (shows(element)) {
        out.add(element);
      }
    }
    for (XmlElement element : stored) {
      if (!shows(element)) {
        out.add(element);
      }
    }
    return out;
  }
}
