// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import javax.xml.stream.XMLInputFactory;

/**
 * The one StAX input factory every XML surface reads request bodies with (GData Atom, CardDAV):
 * namespace aware, coalescing, and hardened against XXE (no DTD support, no external entities;
 * https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html).
 * A configured factory is safe to share between threads.
 */
public final class SafeXml {
  public static final XMLInputFactory INPUT = newInput();

  private SafeXml() {}

  private static XMLInputFactory newInput() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }
}
