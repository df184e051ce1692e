// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

/**
 * The orders connections.list offers
 * (https://developers.google.com/people/api/rest/v1/people.connections/list).
 */
public enum SortOrder {
  LAST_MODIFIED_ASCENDING,
  LAST_MODIFIED_DESCENDING,
  FIRST_NAME_ASCENDING,
  LAST_NAME_ASCENDING
}
