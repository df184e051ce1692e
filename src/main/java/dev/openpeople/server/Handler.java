// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

/** One API method's implementation: reads an {@link ApiCall}, answers an {@link ApiReply}. */
@FunctionalInterface
public interface Handler {
  ApiReply handle(ApiCall call) throws Exception;
}
