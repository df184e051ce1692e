// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An Atom contact entry as a client sent it: the parts the server reads plus the contact elements.
 *
 * @param id the {@code atom:id}, or null
 * @param etag the entry's {@code gd:etag} attribute, or null
 * @param editHref the {@code edit} link, or null (batch entries may name their target by it)
 * @param title the {@code atom:title} text, or null
 * @param content the {@code atom:content} text (notes), or null
 * @param elements the {@code gd:} and {@code gContact:} elements in document order
 * @param batchId the {@code batch:id}, or null
 * @param batchOperation the {@code batch:operation type}, or null
 */
record ContactEntry(
    @Nullable String id,
    @Nullable String etag,
    @Nullable String editHref,
    @Nullable String title,
    @Nullable String content,
    List<XmlElement> elements,
    @Nullable String batchId,
    @Nullable String batchOperation) {}
