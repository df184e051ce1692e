// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import dev.openpeople.contact.Storage;

/**
 * What every {@link Storage} backend must do, identically: the contracts of each aggregate. A
 * backend's test class implements this and supplies {@link #storage()}.
 */
interface StorageContract
    extends UserStorageContract,
        ContactStorageContract,
        GroupStorageContract,
        OtherContactStorageContract,
        SharedContactStorageContract,
        ReindexContract,
        ServerStateContract {
  @Override
  Storage storage();
}
