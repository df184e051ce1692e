// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.jspecify.annotations.Nullable;

/** One element of a DAV request body: name, unqualified attributes, text and child elements. */
record DavElement(
    QName name, Map<String, String> attributes, String text, List<DavElement> children) {

  @Nullable DavElement child(QName wanted) {
    for (DavElement child : children) {
      if (child.name.equals(wanted)) {
        return child;
      }
    }
    return null;
  }

  List<DavElement> all(QName wanted) {
    List<DavElement> out = new ArrayList<>();
    for (DavElement child : children) {
      if (child.name.equals(wanted)) {
        out.add(child);
      }
    }
    return out;
  }

  String attribute(String key, String fallback) {
    return attributes.getOrDefault(key, fallback);
  }
}
