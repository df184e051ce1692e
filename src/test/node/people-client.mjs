// Drives OpenPeople through Google's official Node.js People API client (@googleapis/people), the
// way an app would once it points the client at another root URL; prints what it saw as JSON for
// PeopleNodeClientTest to check.
import {people} from '@googleapis/people';

const [baseUrl, user] = process.argv.slice(2);
const client = people({
  version: 'v1',
  rootUrl: baseUrl,
  headers: {Authorization: `Bearer ${user}`},
  retry: false,
});

process.on('unhandledRejection', (e) => {
  console.error(e.message ?? e);
  process.exit(1);
});

const out = {};
const created = await client.people.createContact({
  personFields: 'names,emailAddresses',
  requestBody: {
    names: [{givenName: 'Grace', familyName: 'Hopper'}],
    emailAddresses: [{value: 'grace@navy.example'}],
  },
});
out.created = created.data.resourceName;

const full = await client.people.connections.list({
  resourceName: 'people/me',
  personFields: 'names,emailAddresses',
  requestSyncToken: true,
});
out.fullNames = (full.data.connections ?? []).map((p) => p.names[0].displayName);
const syncToken = full.data.nextSyncToken;

const updated = await client.people.updateContact({
  resourceName: created.data.resourceName,
  updatePersonFields: 'names',
  personFields: 'names',
  requestBody: {etag: created.data.etag, names: [{givenName: 'Amazing', familyName: 'Grace'}]},
});
out.updatedName = updated.data.names[0].displayName;

// An incremental sync repeats the parameters of the call that gave the token, as Google requires.
const syncParams = {
  resourceName: 'people/me',
  personFields: 'names,emailAddresses',
  requestSyncToken: true,
};
const changes = await client.people.connections.list({...syncParams, syncToken});
out.changedNames = (changes.data.connections ?? []).map((p) => p.names[0].displayName);

const found = await client.people.searchContacts({query: 'amaz', readMask: 'names'});
out.searchNames = (found.data.results ?? []).map((r) => r.person.names[0].displayName);

const group = await client.contactGroups.create({requestBody: {contactGroup: {name: 'Node'}}});
await client.contactGroups.members.modify({
  resourceName: group.data.resourceName,
  requestBody: {resourceNamesToAdd: [created.data.resourceName]},
});
const members = await client.contactGroups.get({
  resourceName: group.data.resourceName,
  maxMembers: 10,
});
out.groupMembers = members.data.memberResourceNames ?? [];

try {
  await client.people.get({resourceName: 'people/c1', personFields: 'names'});
  out.missing = 'found';
} catch (e) {
  out.missing = {status: e.response?.status, body: e.response?.data?.error?.status};
}

await client.people.deleteContact({resourceName: created.data.resourceName});
const afterDelete = await client.people.connections.list({
  ...syncParams,
  syncToken: changes.data.nextSyncToken,
});
out.deleted = (afterDelete.data.connections ?? []).map((p) => p.metadata?.deleted === true);

console.log(JSON.stringify(out));
