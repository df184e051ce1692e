// SPDX-License-Identifier: Apache-2.0
// Drives the server with tsdav, a second real CardDAV client library: discovery from the
// well-known URI, the address book's properties, a card created with PUT, every card read with
// addressbook-query + addressbook-multiget, and a sync-collection from the book's sync token.
// Prints one JSON object for CardDavTsdavClientTest to check.
import { DAVClient } from 'tsdav';

const [serverUrl, username] = process.argv.slice(2);
const client = new DAVClient({
  serverUrl,
  credentials: { username, password: 'emulator mode takes any password' },
  authMethod: 'Basic',
  defaultAccountType: 'carddav',
});
await client.login();
const books = await client.fetchAddressBooks();
const book = books[0];
const created = await client.createVCard({
  addressBook: book,
  filename: 'tsdav-1.vcf',
  vCardString:
    'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:tsdav-1\r\nFN:Katherine Johnson\r\n' +
    'N:Johnson;Katherine;;;\r\nEMAIL:katherine@example.com\r\nEND:VCARD\r\n',
});
const cards = await client.fetchVCards({ addressBook: book });
const changes = await client.syncCollection({
  url: book.url,
  props: { 'd:getetag': {} },
  syncLevel: 1,
  syncToken: book.syncToken,
});
console.log(
  JSON.stringify({
    principalUrl: client.account.principalUrl,
    homeUrl: client.account.homeUrl,
    books: books.map((b) => ({ url: b.url, displayName: b.displayName, ctag: b.ctag, syncToken: b.syncToken })),
    createdStatus: created.status,
    cards: cards.map((c) => ({ url: c.url, etag: c.etag, data: c.data })),
    changes: changes.map((r) => ({ href: r.href, status: r.status, etag: r.props?.getetag })),
  }),
);
