// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

/** A group of routes for one API resource; {@link #define} registers them with the router. */
public interface Routes {
  void define(Router router);
}
